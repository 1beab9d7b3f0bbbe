import CCurl
import Foundation
import Glibc

/// One libcurl easy handle that posts HTTP requests. libcurl keeps the connection open after
/// a request, so the next one to the same host reuses it. Used on one thread only (its lane's
/// in ``WebhookHTTPClient``).
final class HTTPPostSession {
    private static let globalInitSucceeded: Bool = relance_curl_global_init() == CURLE_OK
    /// The most of a response body kept (the start of a refusal, for the event's last error).
    static let maximumResponseBytes = 64 * 1024

    private let handle: UnsafeMutableRawPointer
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: 256)

    private init(handle: UnsafeMutableRawPointer) {
        self.handle = handle
        errorBuffer[0] = 0
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    static func open(connectTimeout: Duration, timeout: Duration) -> Result<HTTPPostSession, WebhookHTTPError> {
        guard globalInitSucceeded, let handle = curl_easy_init() else {
            return .failure(WebhookHTTPError(.transport, "libcurl could not be initialised"))
        }
        let session = HTTPPostSession(handle: handle)
        let settings: [(CURLcode, String)] = [
            (relance_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1), "NOSIGNAL"),
            (relance_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, milliseconds(connectTimeout)), "the connect timeout"),
            (relance_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, milliseconds(timeout)), "the timeout"),
            (relance_curl_setopt_long(handle, CURLOPT_TCP_KEEPALIVE, 1), "TCP keep-alive"),
            // Webhooks go to http and https URLs only, and a redirect is an answer, not followed.
            (relance_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https"), "the protocols"),
            (relance_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0), "redirects"),
            (relance_curl_setopt_off_t(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(maximumResponseBytes)), "the response limit"),
            (relance_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(session.errorBuffer)), "the error buffer"),
        ]
        for (code, what) in settings where code != CURLE_OK {
            return .failure(WebhookHTTPError(.transport, "libcurl refused \(what): \(String(cString: curl_easy_strerror(code)))"))
        }
        return .success(session)
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }

    /// Posts `body` to `url` with `headers` ("Name: value" lines) and waits for the answer.
    func post(url: String, headers: [String], body: [UInt8]) -> Result<WebhookHTTPResponse, WebhookHTTPError> {
        errorBuffer[0] = 0
        var list: UnsafeMutablePointer<curl_slist>?
        for header in headers {
            list = curl_slist_append(list, header)
        }
        // No "Expect: 100-continue" round trip before larger bodies.
        list = curl_slist_append(list, "Expect:")

        // The response body goes to memory through libcurl's default writer (fwrite).
        var buffer: UnsafeMutablePointer<CChar>?
        var size = 0
        guard let sink = open_memstream(&buffer, &size) else {
            curl_slist_free_all(list)
            return .failure(WebhookHTTPError(.transport, "no memory for the response"))
        }
        defer {
            _ = relance_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, nil)
            _ = relance_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, nil)
            curl_slist_free_all(list)
        }

        // An empty body still needs a pointer: without one libcurl would read the body from stdin.
        let bodySize = body.count
        let bytes = body.isEmpty ? [0] : body
        let code: CURLcode = bytes.withUnsafeBufferPointer { bytes in
            _ = relance_curl_setopt_string(handle, CURLOPT_URL, url)
            _ = relance_curl_setopt_long(handle, CURLOPT_POST, 1)
            _ = relance_curl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(bodySize))
            _ = relance_curl_setopt_pointer(handle, CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress))
            _ = relance_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, list)
            _ = relance_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, UnsafeMutableRawPointer(sink))
            defer { _ = relance_curl_setopt_pointer(handle, CURLOPT_POSTFIELDS, nil) }
            return curl_easy_perform(handle)
        }
        fclose(sink)
        let responseBody: String
        if let buffer {
            responseBody = String(decoding: UnsafeRawBufferPointer(start: buffer, count: size), as: UTF8.self)
            free(buffer)
        } else {
            responseBody = ""
        }

        var status = 0
        _ = relance_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        // An answer whose body is over the limit is still an answer.
        if code == CURLE_OK || (code == CURLE_FILESIZE_EXCEEDED && status > 0) {
            return .success(WebhookHTTPResponse(status: status, body: responseBody))
        }
        let detail = errorBuffer[0] != 0 ? String(cString: errorBuffer) : String(cString: curl_easy_strerror(code))
        let kind: WebhookHTTPError.Code = switch code {
        case CURLE_OPERATION_TIMEDOUT: .timedOut
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_CONNECT: .connectionFailed
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL: .invalidURL
        default: .transport
        }
        return .failure(WebhookHTTPError(kind, detail))
    }
}
