/// How an exchange routes messages to its bound queues.
public struct ExchangeType: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The type's name as the broker knows it.
    public let name: String

    /// An exchange type by name (for plugin types such as `x-delayed-message`).
    public init(_ name: String) { self.name = name }
    public init(stringLiteral value: String) { self.name = value }

    /// To the queues bound with exactly the routing key.
    public static let direct = ExchangeType("direct")
    /// To every bound queue.
    public static let fanout = ExchangeType("fanout")
    /// To the queues whose binding pattern (`*`, `#`) matches the routing key.
    public static let topic = ExchangeType("topic")
    /// To the queues whose binding arguments match the message headers.
    public static let headers = ExchangeType("headers")

    public var description: String { name }
}
