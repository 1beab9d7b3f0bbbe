/// An error from the AMQP client: a stable code to act on, the broker's reply code when
/// the broker sent one, and a description that is safe to log (it never holds a password).
public struct AMQPError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as a stable value to switch or compare on.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String, Sendable {
            case invalidURL, invalidArgument, connectionFailed, authenticationFailed
            case connectionClosed, channelClosed, consumerCancelled, timeout, protocolError
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The connection URL or a configuration value is malformed.
        public static let invalidURL = Code(.invalidURL)
        /// An argument is outside what AMQP can carry (a name too long, an empty batch…).
        public static let invalidArgument = Code(.invalidArgument)
        /// The TCP connection or the AMQP handshake could not be completed.
        public static let connectionFailed = Code(.connectionFailed)
        /// The broker refused the user name, the password or the virtual host.
        public static let authenticationFailed = Code(.authenticationFailed)
        /// The connection is gone: socket error, `connection.close` from the broker (for
        /// example a broker restart), missed heartbeats, or `close()` by this process.
        /// Open a new connection to go on.
        public static let connectionClosed = Code(.connectionClosed)
        /// The broker closed the channel an operation used (`replyCode` says why: 404 not
        /// found, 406 precondition failed, 403 access refused). The connection still works.
        public static let channelClosed = Code(.channelClosed)
        /// The broker cancelled a consumer, for example because its queue was deleted.
        public static let consumerCancelled = Code(.consumerCancelled)
        /// The broker did not answer in time. The connection is closed.
        public static let timeout = Code(.timeout)
        /// The broker or the library sent something this client cannot handle. The
        /// connection is closed.
        public static let protocolError = Code(.protocolError)

        public var description: String { value.rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// The AMQP reply code the broker gave (320 connection forced, 404 not found, 406
    /// precondition failed, …), when the error came from the broker.
    public let replyCode: UInt16?
    /// A human-readable explanation, safe to log.
    public let description: String

    /// An error with `code`, the broker's `replyCode` if any, and a safe `description`.
    public init(_ code: Code, replyCode: UInt16? = nil, _ description: String) {
        self.code = code
        self.replyCode = replyCode
        self.description = description
    }

    /// True when the connection that raised this error can no longer be used, so the
    /// caller must open a new one (channel-level errors leave the connection usable).
    public var closesConnection: Bool {
        switch code {
        case .channelClosed, .consumerCancelled, .invalidArgument, .invalidURL: false
        default: true
        }
    }
}
