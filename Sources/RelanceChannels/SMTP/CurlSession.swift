import CCurl
import Foundation
import RelanceCore

/// One libcurl easy handle set up for a relay, and what the server said during the last
/// message. libcurl keeps the handle's connection open after a message, so the next message on
/// the same handle goes over the same connection (a new one is made only when the server closed
/// it). Used on one thread only (its ``SMTPClient``'s).
final class CurlSession {
    private static let globalInitSucceeded: Bool = relance_curl_global_init() == CURLE_OK

    private let handle: UnsafeMutableRawPointer
    private let configuration: SMTPConfiguration
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: 256)

    // The message being uploaded.
    private var upload: [UInt8] = []
    private var uploadOffset = 0

    // The transcript of the current message: the last command sent (its verb only: AUTH lines
    // carry credentials) and the replies read.
    private var command: String?
    private var replyLines: [String] = []
    private var lastReply: (code: Int, text: String, command: String?)?
    /// Set once QUIT went out: its reply says nothing about the message.
    private var quitting = false
    /// Whether the last transfer left a connection that talked to the server.
    private var connected = false

    private static let verbs: Set<String> = ["EHLO", "HELO", "STARTTLS", "AUTH", "MAIL", "RCPT", "DATA", "RSET", "NOOP", "QUIT", "VRFY"]

    private init(handle: UnsafeMutableRawPointer, configuration: SMTPConfiguration) {
        self.handle = handle
        self.configuration = configuration
        errorBuffer[0] = 0
    }

    /// A handle set up for the relay; it connects when it sends its first message.
    static func open(configuration: SMTPConfiguration) throws(SMTPError) -> CurlSession {
        guard globalInitSucceeded, let handle = curl_easy_init() else {
            throw SMTPError(.protocolError, isPermanent: false, "libcurl could not be initialised")
        }
        let session = CurlSession(handle: handle, configuration: configuration)
        try session.setUp()
        return session
    }

    deinit {
        // Sends QUIT on the open connection, if any.
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    private func setUp() throws(SMTPError) {
        func check(_ code: CURLcode, _ what: String) throws(SMTPError) {
            guard code == CURLE_OK else {
                throw SMTPError(.protocolError, isPermanent: false, "libcurl refused \(what): \(String(cString: curl_easy_strerror(code)))")
            }
        }
        let me = Unmanaged.passUnretained(self).toOpaque()
        try check(relance_curl_setopt_string(handle, CURLOPT_URL, configuration.url), "the relay's URL")
        try check(relance_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1), "NOSIGNAL")
        try check(relance_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(configuration.connectTimeout)), "the connect timeout")
        try check(relance_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Self.milliseconds(configuration.timeout)), "the timeout")
        try check(relance_curl_setopt_long(handle, CURLOPT_TCP_KEEPALIVE, 1), "TCP keep-alive")
        let tls: curl_usessl = configuration.security == .starttls ? CURLUSESSL_ALL : CURLUSESSL_NONE
        try check(relance_curl_setopt_long(handle, CURLOPT_USE_SSL, Int(tls.rawValue)), "the TLS setting")
        if let username = configuration.username {
            try check(relance_curl_setopt_string(handle, CURLOPT_USERNAME, username), "the user name")
            try check(relance_curl_setopt_string(handle, CURLOPT_PASSWORD, configuration.password ?? ""), "the password")
        }
        try check(relance_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(errorBuffer)), "the error buffer")
        try check(relance_curl_setopt_long(handle, CURLOPT_UPLOAD, 1), "upload")
        try check(relance_curl_setopt_read_callback(handle) { buffer, size, count, userdata in
            guard let buffer, let userdata else { return 0 }
            return Unmanaged<CurlSession>.fromOpaque(userdata).takeUnretainedValue().read(into: buffer, room: size * count)
        }, "the read callback")
        try check(relance_curl_setopt_pointer(handle, CURLOPT_READDATA, me), "the read data")
        // The transcript is read through the debug callback: commands out, replies in.
        try check(relance_curl_setopt_long(handle, CURLOPT_VERBOSE, 1), "verbose")
        try check(relance_curl_setopt_debug_callback(handle) { _, type, data, size, userdata in
            guard let data, let userdata else { return 0 }
            let session = Unmanaged<CurlSession>.fromOpaque(userdata).takeUnretainedValue()
            if type == CURLINFO_HEADER_OUT {
                session.sent(UnsafeRawBufferPointer(start: data, count: size))
            } else if type == CURLINFO_HEADER_IN {
                session.received(UnsafeRawBufferPointer(start: data, count: size))
            }
            return 0
        }, "the debug callback")
        try check(relance_curl_setopt_pointer(handle, CURLOPT_DEBUGDATA, me), "the debug data")
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }

    // MARK: Sending

    /// Sends `message` from `sender` to `recipients` (the envelope), over the open connection
    /// when there is one. A connection the server closed while it was idle is noticed by
    /// libcurl, or fails before the message was handed over, and is replaced once.
    func send(_ message: MIMEMessage, sender: EmailAddress, recipients: [EmailAddress]) -> Result<SMTPReceipt, SMTPError> {
        let bytes = message.bytes
        var result = perform(bytes, sender: sender, recipients: recipients)
        if case .failure(let error) = result.outcome, error.code == .connectionFailed, result.reused, result.command != "DATA" {
            _ = relance_curl_setopt_long(handle, CURLOPT_FRESH_CONNECT, 1)
            result = perform(bytes, sender: sender, recipients: recipients)
            _ = relance_curl_setopt_long(handle, CURLOPT_FRESH_CONNECT, 0)
        }
        return result.outcome.map { reply in
            SMTPReceipt(messageID: message.messageID, recipients: recipients.map(\.description), reply: reply, reusedConnection: result.reused)
        }
    }

    private func perform(_ bytes: [UInt8], sender: EmailAddress, recipients: [EmailAddress]) -> (outcome: Result<String, SMTPError>, reused: Bool, command: String?) {
        upload = bytes
        uploadOffset = 0
        command = nil
        replyLines = []
        lastReply = nil
        quitting = false
        errorBuffer[0] = 0

        var list: UnsafeMutablePointer<curl_slist>?
        for recipient in recipients {
            list = curl_slist_append(list, recipient.angleBracketed)
        }
        defer {
            _ = relance_curl_setopt_slist(handle, CURLOPT_MAIL_RCPT, nil)
            curl_slist_free_all(list)
            upload = []
        }
        _ = relance_curl_setopt_string(handle, CURLOPT_MAIL_FROM, sender.angleBracketed)
        _ = relance_curl_setopt_slist(handle, CURLOPT_MAIL_RCPT, list)
        _ = relance_curl_setopt_off_t(handle, CURLOPT_INFILESIZE_LARGE, curl_off_t(bytes.count))

        let code = curl_easy_perform(handle)
        var connects = 0
        _ = relance_curl_getinfo_long(handle, CURLINFO_NUM_CONNECTS, &connects)
        // No new connection, and the handle had one: the message went over it.
        let reused = connects == 0 && connected
        connected = code == CURLE_OK || lastReply != nil
        if code == CURLE_OK {
            return (.success(lastReply?.text ?? "250"), reused, command)
        }
        var responseCode = 0
        _ = relance_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &responseCode)
        var reply = lastReply
        if reply == nil, responseCode > 0 {
            reply = (code: responseCode, text: String(responseCode), command: command)
        }
        let detail = errorBuffer[0] != 0 ? String(cString: errorBuffer) : String(cString: curl_easy_strerror(code))
        let failure = SMTPFailureClassifier.classify(
            transfer: Self.transferFailure(code),
            detail: detail,
            replyCode: reply?.code,
            reply: reply?.text,
            command: reply?.command ?? command
        )
        return (.failure(failure), reused, command)
    }

    private static func transferFailure(_ code: CURLcode) -> SMTPFailureClassifier.TransferFailure {
        switch code {
        case CURLE_OPERATION_TIMEDOUT: .timedOut
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT, CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING:
            .connection
        case CURLE_SSL_CONNECT_ERROR, CURLE_USE_SSL_FAILED, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
             CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE:
            .tls
        case CURLE_LOGIN_DENIED: .login
        default: .other
        }
    }

    // MARK: Callbacks

    /// Copies the next part of the message into libcurl's buffer; 0 at the end.
    private func read(into buffer: UnsafeMutablePointer<CChar>, room: Int) -> Int {
        let length = min(room, upload.count - uploadOffset)
        guard length > 0 else { return 0 }
        upload.withUnsafeBufferPointer { source in
            UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + uploadOffset, byteCount: length)
        }
        uploadOffset += length
        return length
    }

    /// A command went out: only its verb is kept (AUTH's continuation lines are credentials
    /// and have none of the known verbs).
    private func sent(_ bytes: UnsafeRawBufferPointer) {
        let verb = String(decoding: bytes.prefix(while: { $0 != UInt8(ascii: " ") && $0 != 0x0D && $0 != 0x0A }).prefix(8), as: UTF8.self).uppercased()
        if verb == "QUIT" {
            // libcurl closes a connection after a refusal: keep the refusal as the last reply.
            quitting = true
        } else if Self.verbs.contains(verb) {
            command = verb
            replyLines = []
        }
    }

    /// Reply lines came in; a line `ddd text` (no hyphen) ends a reply.
    private func received(_ bytes: UnsafeRawBufferPointer) {
        guard !quitting else { return }
        let text = String(decoding: bytes, as: UTF8.self)
        for line in text.split(whereSeparator: \.isNewline) {
            replyLines.append(String(line))
            let utf8 = Array(line.utf8)
            guard utf8.count >= 3, utf8[0...2].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let code = Int(String(line.prefix(3))) else { continue }
            if utf8.count == 3 || utf8[3] == UInt8(ascii: " ") {
                lastReply = (code, Self.joined(replyLines), command)
                replyLines = []
            }
        }
    }

    /// A multi-line reply as one line: `250-a`, `250 b` → `250 a b`.
    private static func joined(_ lines: [String]) -> String {
        guard let first = lines.first else { return "" }
        let code = String(first.prefix(3))
        let texts = lines.map { String($0.dropFirst(4)) }.filter { !$0.isEmpty }
        return texts.isEmpty ? code : code + " " + texts.joined(separator: " ")
    }
}
