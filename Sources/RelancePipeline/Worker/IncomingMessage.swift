import Foundation

/// A message as plain values: what tests hand the job processor directly.
public struct IncomingMessage: InboundJob {
    public var body: [UInt8]
    /// Our own attempt counter (`x-relance-attempt` header, set on retries); 1 on a first try.
    public var attempt: Int
    /// The queue channel it came from (where a dead letter goes back to).
    public var queueChannel: String
    /// Always true: a plain message has no connection to lose.
    public var isLive: Bool { true }

    public init(body: [UInt8], attempt: Int, queueChannel: String) {
        self.body = body
        self.attempt = attempt
        self.queueChannel = queueChannel
    }
}

/// What to do with a message once processed; the outcome, if any, is already committed.
public enum MessageDisposition: Sendable, Hashable {
    /// Done (an outcome exists, or it was a duplicate): acknowledge.
    case acknowledge
    /// Try again after `delay`, as attempt `nextAttempt`: republish to a delay queue, then ack.
    case retry(delay: Duration, nextAttempt: Int)
    /// Nothing can be done: publish to the dead-letter queue with the reason, then ack.
    case deadLetter(reason: String)
}
