/// A message to publish.
public struct OutgoingMessage: Sendable, Hashable {
    /// The exchange to publish to; "" is the default exchange, which routes by queue name.
    public var exchange: String
    /// The routing key (the queue name for the default exchange).
    public var routingKey: String
    /// The message body.
    public var body: [UInt8]
    /// The message's properties; persistent by default.
    public var properties: MessageProperties
    /// When true, a message that no queue receives comes back as
    /// ``PublishOutcome/returned(replyCode:replyText:)`` instead of being dropped.
    public var mandatory: Bool

    /// A message; persistent unless `properties` says otherwise.
    public init(
        exchange: String = "",
        routingKey: String,
        body: [UInt8],
        properties: MessageProperties = .persistent,
        mandatory: Bool = false
    ) {
        self.exchange = exchange
        self.routingKey = routingKey
        self.body = body
        self.properties = properties
        self.mandatory = mandatory
    }
}
