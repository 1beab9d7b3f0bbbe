/// Why a message was not sent: a stable code, whether sending it again could work, the SMTP
/// reply when the server gave one, and a description that is safe to log (it never holds the
/// password).
public struct SMTPError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as a stable value to switch or compare on.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String, Sendable {
            case connectionFailed, timedOut, temporarilyRefused, recipientRefused, messageRefused
            case senderRefused, authenticationFailed, invalidAddress, tlsFailed, protocolError
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The relay could not be reached, or the connection broke.
        public static let connectionFailed = Code(.connectionFailed)
        /// Connecting or sending took longer than the configured timeout.
        public static let timedOut = Code(.timedOut)
        /// The server answered 4xx: try again later (greylisting, a full mailbox, load).
        public static let temporarilyRefused = Code(.temporarilyRefused)
        /// The server refused the recipient for good (5xx to RCPT: unknown mailbox …).
        public static let recipientRefused = Code(.recipientRefused)
        /// The server refused the message itself for good (5xx to DATA or its end).
        public static let messageRefused = Code(.messageRefused)
        /// The server refused the envelope sender (5xx to MAIL FROM): the relay's settings.
        public static let senderRefused = Code(.senderRefused)
        /// The server refused the user name or password: the relay's settings.
        public static let authenticationFailed = Code(.authenticationFailed)
        /// A recipient or sender address is malformed; nothing was sent.
        public static let invalidAddress = Code(.invalidAddress)
        /// TLS could not be set up (STARTTLS refused, certificate not trusted …).
        public static let tlsFailed = Code(.tlsFailed)
        /// The server or libcurl did something this client cannot handle.
        public static let protocolError = Code(.protocolError)

        public var description: String { value.rawValue }
    }

    public let code: Code
    /// True when sending the same message again cannot succeed: the recipient or the message
    /// was refused with a 5xx reply, or the address is malformed. Everything else — 4xx
    /// replies, timeouts, broken connections, and refusals that come from the relay's own
    /// settings (login, sender, TLS) — is worth retrying once the cause is gone.
    public let isPermanent: Bool
    /// The SMTP reply code the failure came with (550, 451 …).
    public let replyCode: Int?
    /// The server's reply text, lines joined by spaces (`550 5.1.1 mailbox unavailable`).
    public let serverReply: String?
    /// What happened, safe to log.
    public let description: String

    public init(_ code: Code, isPermanent: Bool, replyCode: Int? = nil, serverReply: String? = nil, _ description: String) {
        self.code = code
        self.isPermanent = isPermanent
        self.replyCode = replyCode
        self.serverReply = serverReply
        self.description = description
    }
}
