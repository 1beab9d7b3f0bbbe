/// A message delivered to a consumer. Settle each delivery exactly once with ``ack(multiple:)``,
/// ``nack(requeue:multiple:)`` or ``reject(requeue:)``; until then it counts against the
/// consumer's prefetch.
///
/// Settling is cheap and never blocks: it is queued and sent by the consumer's
/// connection thread at its next wake-up, batched with the others (a run of acks goes out
/// as one multiple-ack). If the connection has dropped meanwhile the settlement is
/// dropped too, and the broker delivers the message again (with `redelivered` set) to
/// whichever consumer comes next — consumers must be idempotent.
public struct Delivery: Sendable {
    /// The message body.
    public let body: [UInt8]
    /// The message's properties (message id, headers, …) as published.
    public let properties: MessageProperties
    /// The broker's number for this delivery on its channel.
    public let deliveryTag: UInt64
    /// True when the broker delivered this message before (to this or another consumer)
    /// without it being acknowledged.
    public let redelivered: Bool
    /// The exchange the message was published to ("" for the default exchange).
    public let exchange: String
    /// The routing key the message was published (or dead-lettered) with.
    public let routingKey: String
    /// The tag of the consumer that received it.
    public let consumerTag: String
    let acknowledger: Acknowledger

    /// The message's application headers.
    public var headers: FieldTable { properties.headers }

    /// How many times a quorum queue delivered this message before, from its
    /// `x-delivery-count` header; nil on a first delivery or for other queue types.
    public var deliveryCount: Int64? { properties.headers["x-delivery-count"]?.integerValue }

    /// Whether the delivery can still be settled: false once its consumer or connection is
    /// gone, when the broker has taken it back to deliver again.
    public var isSettleable: Bool { acknowledger.isOpen }

    /// Acknowledges the message: the broker forgets it. With `multiple`, also every
    /// earlier unsettled delivery of this consumer.
    public func ack(multiple: Bool = false) {
        acknowledger.submit(.ack(deliveryTag, multiple: multiple))
    }

    /// Refuses the message: requeued for another delivery when `requeue` is true,
    /// otherwise dead-lettered (or dropped when the queue has no dead-letter exchange).
    /// With `multiple`, also every earlier unsettled delivery of this consumer.
    public func nack(requeue: Bool = true, multiple: Bool = false) {
        acknowledger.submit(.nack(deliveryTag, multiple: multiple, requeue: requeue))
    }

    /// Refuses this one message: requeued when `requeue` is true, otherwise
    /// dead-lettered (or dropped when the queue has no dead-letter exchange).
    public func reject(requeue: Bool) {
        acknowledger.submit(.reject(deliveryTag, requeue: requeue))
    }
}
