import Logging
import RelanceCore

/// The message broker as the pipeline sees it: the relay publishes jobs to their channel's
/// queue; workers subscribe to queues, and send a job back for a later try or to the
/// dead-letter queue. `AMQPJobBroker` implements it on RabbitMQ; `MemoryJobBroker` serves unit
/// tests.
public protocol JobBroker: Sendable {
    associatedtype Subscription: JobSubscription

    /// Publishes jobs to their channels' queues; one result per job, in order, once the broker
    /// has confirmed or refused each. Throws when the broker cannot be reached.
    func publish(_ jobs: [OutboxJob]) async throws -> [PublishResult]

    /// Sends messages taken from `channel`'s queue back for a later try or to the dead-letter
    /// queue; returns once the broker has confirmed every one, and throws otherwise.
    func resend(_ messages: [(message: Subscription.Message, action: Resend)], channel: Channel) async throws

    /// A subscription to `channel`'s queue, with at most `prefetch` messages unacknowledged.
    func subscribe(to channel: Channel, prefetch: Int, logger: Logger) -> Subscription
}

/// The broker's answer for one published job.
public enum PublishResult: Sendable, Hashable {
    case confirmed
    /// Not confirmed (nacked, returned unroutable, connection lost): the job stays in the
    /// outbox and is published again; the reason is kept for operators.
    case failed(reason: String)
}

/// Where a message a worker did not finish goes.
public enum Resend: Sendable, Hashable {
    /// Back to its queue after `delay`, as attempt `attempt`.
    case retry(delay: Duration, attempt: Int)
    /// To the dead-letter queue, with the reason.
    case deadLetter(reason: String)
}

/// A message taken from a job queue.
public protocol InboundJob: Sendable {
    var body: [UInt8] { get }
    /// Our own attempt counter: 1 on a first try, 2 on the first retry, …
    var attempt: Int { get }
    /// False once this delivery can no longer be acknowledged (the connection that brought it
    /// is gone): the broker delivers it again, perhaps to another worker, so nothing must act
    /// on this copy.
    var isLive: Bool { get }
}

/// A worker's subscription to one queue. Messages come in batches and stay unacknowledged until
/// settled: a worker that dies leaves them to be delivered again.
public protocol JobSubscription: Sendable {
    associatedtype Message: InboundJob
    associatedtype Batches: JobBatches where Batches.Message == Message

    /// The subscription's messages, batch after batch (one reader at a time).
    func batches() -> Batches

    /// Every message of `batch` is settled: acknowledge them.
    func acknowledge(_ batch: [Message])

    /// Gives `batch` back to the queue, to be delivered again.
    func handBack(_ batch: [Message])

    /// Stops new deliveries (graceful shutdown); `nextBatch` then returns what is left, then nil.
    func cancel() async

    /// Ends the subscription; messages not acknowledged go back to the queue.
    func close() async
}

/// The messages of a subscription, batch after batch.
public protocol JobBatches {
    associatedtype Message: InboundJob

    /// The next batch (waits for at least one message); nil once the subscription is cancelled
    /// and drained, or closed.
    mutating func nextBatch() async throws -> [Message]?
}
