import Foundation
import RelanceCore

/// Where the dead-letter collector puts what it takes from the dead-letter queues.
public protocol DeadLetterStorage: Sendable {
    /// Stores `letters` in one transaction; a letter stored already (same `dedupKey`) is
    /// skipped. Returns once committed: only then may the messages be acknowledged.
    func collect(_ letters: [CollectedDeadLetter]) async throws
}

/// One message taken from a dead-letter queue, as it will be stored.
public struct CollectedDeadLetter: Sendable, Hashable {
    /// From the body, when it decodes as a job.
    public var tenantId: UUID?
    public var jobId: UUID?
    /// The channel of the queue it came from.
    public var channel: String
    /// The worker's reason header, else the broker's `x-death` reason (`delivery_limit`, …).
    public var reason: String
    /// The body byte for byte (it may not even be JSON).
    public var body: [UInt8]
    /// The message's headers as a JSON object's text.
    public var headers: String
    /// How many times the message was dead-lettered (the broker's `x-death` count, else 1).
    public var deathCount: Int
    /// When it was first dead-lettered, when its headers say.
    public var firstDeadLetteredAt: Date?
    /// What makes this one dead-lettering of this message unique: collecting the same message
    /// twice (the collector died between commit and ack) stores one row.
    public var dedupKey: String

    public init(tenantId: UUID?, jobId: UUID?, channel: String, reason: String, body: [UInt8], headers: String,
                deathCount: Int, firstDeadLetteredAt: Date?, dedupKey: String) {
        self.tenantId = tenantId
        self.jobId = jobId
        self.channel = channel
        self.reason = reason
        self.body = body
        self.headers = headers
        self.deathCount = deathCount
        self.firstDeadLetteredAt = firstDeadLetteredAt
        self.dedupKey = dedupKey
    }
}
