/// The AMQP basic properties of a message. Absent values are nil (or an empty header
/// table) and are not sent.
public struct MessageProperties: Sendable, Hashable {
    /// Whether the broker writes the message to disk.
    public enum DeliveryMode: UInt8, Sendable, Hashable {
        /// Kept in memory only (lost on a broker restart for classic queues).
        case transient = 1
        /// Written to disk by a durable queue; survives a broker restart.
        case persistent = 2
    }

    /// MIME type of the body, such as `application/json`.
    public var contentType: String?
    /// Encoding of the body, such as `gzip`.
    public var contentEncoding: String?
    /// Application headers.
    public var headers: FieldTable
    public var deliveryMode: DeliveryMode?
    /// Priority 0–9, for queues declared with `x-max-priority`.
    public var priority: UInt8?
    /// Application correlation identifier.
    public var correlationID: String?
    /// Queue to reply to (request/response).
    public var replyTo: String?
    /// Per-message time to live. Sent as whole milliseconds, as RabbitMQ expects.
    public var expiration: Duration?
    /// Application message identifier; the natural key for idempotent consumers.
    public var messageID: String?
    /// Seconds since 1970-01-01 UTC.
    public var timestamp: UInt64?
    /// Application message type name.
    public var type: String?
    /// The publishing user; RabbitMQ rejects a value other than the connection's user.
    public var userID: String?
    /// The publishing application's name.
    public var appID: String?

    /// Properties from their parts; everything absent by default.
    public init(
        contentType: String? = nil,
        contentEncoding: String? = nil,
        headers: FieldTable = [:],
        deliveryMode: DeliveryMode? = nil,
        priority: UInt8? = nil,
        correlationID: String? = nil,
        replyTo: String? = nil,
        expiration: Duration? = nil,
        messageID: String? = nil,
        timestamp: UInt64? = nil,
        type: String? = nil,
        userID: String? = nil,
        appID: String? = nil
    ) {
        self.contentType = contentType
        self.contentEncoding = contentEncoding
        self.headers = headers
        self.deliveryMode = deliveryMode
        self.priority = priority
        self.correlationID = correlationID
        self.replyTo = replyTo
        self.expiration = expiration
        self.messageID = messageID
        self.timestamp = timestamp
        self.type = type
        self.userID = userID
        self.appID = appID
    }

    /// Properties of a persistent message, the usual choice for work that must not be lost.
    public static var persistent: MessageProperties { MessageProperties(deliveryMode: .persistent) }
}
