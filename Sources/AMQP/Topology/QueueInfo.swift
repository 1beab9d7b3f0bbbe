/// A queue's name and counts, as the broker reports them on declare.
public struct QueueInfo: Sendable, Hashable {
    /// The queue's name (chosen by the broker when declared with an empty name).
    public let name: String
    /// Messages ready for delivery (not counting those delivered and not yet acked).
    public let messageCount: Int
    /// Consumers attached to the queue.
    public let consumerCount: Int

    /// Counts as reported by the broker.
    public init(name: String, messageCount: Int, consumerCount: Int) {
        self.name = name
        self.messageCount = messageCount
        self.consumerCount = consumerCount
    }
}
