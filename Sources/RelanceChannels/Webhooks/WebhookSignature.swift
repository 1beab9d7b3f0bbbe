import Crypto
import Foundation

/// The `Relance-Signature` header of a webhook request, and its check.
///
/// The header is `t=<unix seconds>,v1=<hex>`, where `<hex>` is the lowercase hexadecimal
/// HMAC-SHA256, keyed with the endpoint's secret, of `"<t>.<body>"` — the timestamp, a full
/// stop, and the request's body exactly as sent. Signing the timestamp with the body lets a
/// receiver refuse a request replayed long after it was made.
public enum WebhookSignature {
    /// The header's name.
    public static let headerName = "Relance-Signature"

    /// The header's value for `body` sent at `timestamp` (seconds since 1970).
    public static func header(secret: String, timestamp: Int, body: some Sequence<UInt8>) -> String {
        "t=\(timestamp),v1=\(hex(code(secret: secret, timestamp: timestamp, body: body)))"
    }

    /// The header's value for `body` sent at `date`.
    public static func header(secret: String, date: Date, body: some Sequence<UInt8>) -> String {
        header(secret: secret, timestamp: Int(date.timeIntervalSince1970.rounded(.down)), body: body)
    }

    /// Checks a received `header` against `body` and `secret`: the signature must match (a
    /// header may carry several `v1` values, as during a change of secret: one must match) and
    /// its timestamp must lie within `tolerance` of `now`.
    ///
    /// - Throws: ``WebhookSignatureError`` saying which check failed.
    public static func verify(
        header: String,
        body: some Sequence<UInt8>,
        secret: String,
        now: Date = Date(),
        tolerance: Duration = .seconds(300)
    ) throws(WebhookSignatureError) {
        var timestamp: Int?
        var signatures: [[UInt8]] = []
        for part in header.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { continue }
            switch pair[0] {
            case "t": timestamp = Int(pair[1])
            case "v1": if let bytes = bytes(fromHex: pair[1]) { signatures.append(bytes) }
            default: continue
            }
        }
        guard let timestamp, !signatures.isEmpty else { throw .malformed }
        let age = now.timeIntervalSince1970 - Double(timestamp)
        let (seconds, attoseconds) = tolerance.components
        let allowed = Double(seconds) + Double(attoseconds) / 1e18
        guard abs(age) <= allowed else { throw .outsideTolerance }
        let key = SymmetricKey(data: Array(secret.utf8))
        let message = signedBytes(timestamp: timestamp, body: body)
        // isValidAuthenticationCode compares in constant time.
        guard signatures.contains(where: { HMAC<SHA256>.isValidAuthenticationCode($0, authenticating: message, using: key) }) else {
            throw .mismatch
        }
    }

    private static func code(secret: String, timestamp: Int, body: some Sequence<UInt8>) -> [UInt8] {
        let key = SymmetricKey(data: Array(secret.utf8))
        return Array(HMAC<SHA256>.authenticationCode(for: signedBytes(timestamp: timestamp, body: body), using: key))
    }

    private static func signedBytes(timestamp: Int, body: some Sequence<UInt8>) -> [UInt8] {
        Array("\(timestamp).".utf8) + Array(body)
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static func bytes(fromHex text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        func value(_ digit: UInt8) -> UInt8? {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count / 2)
        var index = 0
        while index < utf8.count {
            guard let high = value(utf8[index]), let low = value(utf8[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }
}
