import Foundation

/// Links' and sessions' tokens: 32 random bytes (256 bits) in base64url; only the SHA-256 is
/// stored.
enum DashboardToken {
    /// A link signs in once, within five minutes.
    static let linkLifetime: TimeInterval = 5 * 60
    /// A session lasts twelve hours.
    static let sessionLifetime: TimeInterval = 12 * 3600

    static func make() -> (token: String, sha256: [UInt8]) {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let token = APIKeyMaker.base64URL(bytes)
        return (token, sha256(of: token))
    }

    static func sha256(of token: String) -> [UInt8] { APIKeyMaker.sha256(of: token) }

    /// 43 characters of base64url: anything else is not a token and is not looked up.
    static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count == 43 && token.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x5F
        }
    }
}
