/// Why a webhook request got no HTTP answer: a stable code and a description safe to log and
/// to show the tenant (libcurl's message; never the secret).
public struct WebhookHTTPError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as a stable value.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String, Sendable {
            case connectionFailed = "connection_failed", timedOut = "timed_out", invalidURL = "invalid_url"
            case transport, closed
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The host could not be resolved or reached.
        public static let connectionFailed = Code(.connectionFailed)
        /// Connecting or the whole request took longer than allowed.
        public static let timedOut = Code(.timedOut)
        /// The URL cannot be requested (malformed, or not http/https).
        public static let invalidURL = Code(.invalidURL)
        /// Any other failure on the way (TLS, a connection broken mid-request …).
        public static let transport = Code(.transport)
        /// The client was shut down.
        public static let closed = Code(.closed)

        public var description: String { value.rawValue }
    }

    public let code: Code
    public let description: String

    public init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }
}
