import Foundation
import RelanceCore

/// The job outbox as the relay sees it. Jobs enter it in the dispatcher's transaction; the relay
/// leases a batch, publishes it, and settles each job: confirmed ones leave, refused ones stay
/// with the reason. No transaction stays open while the broker confirms: a lease ends by itself,
/// so the jobs of a relay that died or hung go out again through another pass or relay
/// (workers are idempotent by job id).
public protocol OutboxStorage: Sendable {
    /// Takes up to `limit` jobs waiting to be published, oldest first, and leases them for
    /// `lease`: other relays pass them over until then.
    func lease(limit: Int, for lease: Duration) async throws -> [LeasedJob]

    /// Removes the jobs the broker confirmed; gives the failed ones back with the reason, in
    /// their place, for the next pass.
    func settle(confirmed: [LeasedJob], failed: [(job: LeasedJob, reason: String)]) async throws

    /// How many jobs wait, counted up to `limit`.
    func pendingCount(atMost limit: Int) async throws -> Int

    /// Puts back in the outbox, under their own ids, the jobs created in `period` that have no
    /// outcome and are not waiting in the outbox: jobs whose message was lost on the way (a
    /// queue purged, a message dropped after its delivery limit). Returns how many.
    func requeueUnfinished(createdIn period: Range<Date>) async throws -> Int
}

/// A job taken from the outbox for publication.
public struct LeasedJob: Sendable, Hashable {
    /// The entry's place in the outbox (publication order).
    public var sequence: Int64
    /// Publications the broker refused so far.
    public var failedAttempts: Int
    public var job: OutboxJob
    /// The lease the job was taken under (one per batch), for storages that keep one.
    public var lease: Int64

    public init(sequence: Int64, failedAttempts: Int, job: OutboxJob, lease: Int64 = 0) {
        self.sequence = sequence
        self.failedAttempts = failedAttempts
        self.job = job
        self.lease = lease
    }
}
