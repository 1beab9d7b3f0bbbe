import Foundation
import RelanceCore

/// What a worker needs from the system of record for each batch: one read of everything its
/// jobs name, the standing of the jobs the read could not settle, and the batch's outcomes
/// written at once.
public protocol WorkerStorage: Sendable {
    /// Reads what the batch's jobs need — tenants, debtors, creditors, invoices, steps, first
    /// written contacts, and what operators have paused (`BatchSnapshot.paused`: the worker holds
    /// those jobs) — in a fixed number of statements. `now` sets each debtor's day (in its
    /// time zone) after which a planned step is an invoice's next one.
    func load(tenantIds: [UUID], debtorIds: [UUID], invoiceIds: [UUID], now: Date) async throws -> BatchSnapshot

    /// Looks up jobs by id, each with the tenant its message claims.
    func standings(of jobs: [(jobId: UUID, tenantId: UUID)]) async throws -> [UUID: JobStanding]

    /// Claims jobs for `holder` before a channel acts on them, each until `duration` has passed.
    /// A job is granted when nobody holds it, when its claim has ended, when the claim is for an
    /// earlier attempt, or when `holder` holds it already; otherwise another copy of the job is
    /// in hand. A job with an outcome is never granted. Returns the jobs granted. Writing a
    /// job's outcome ends its claim.
    func claim(_ jobs: [JobClaim], holder: UUID, for duration: Duration) async throws -> Set<UUID>

    /// Extends the claims of `holders` (batches still in hand) to `duration` from now.
    func extendClaims(of holders: [UUID], for duration: Duration) async throws

    /// Writes outcomes, ends their jobs' claims and moves their steps on, all in one transaction. An outcome for a
    /// job that has one already is ignored (a redelivered job keeps its first). Returns the jobs
    /// whose outcome this call wrote. Throws `OutcomesRefused` when the storage refuses what the
    /// outcomes hold (a constraint, a malformed value): writing them again would fail again;
    /// any other error may pass (the storage unreachable).
    @discardableResult
    func record(_ outcomes: [JobOutcome]) async throws -> Set<UUID>
}

/// The storage refused the values of a batch of outcomes (a constraint, a malformed value): the
/// same write would fail again, where an unreachable storage is worth waiting for.
public struct OutcomesRefused: Error, Sendable, CustomStringConvertible {
    /// The storage's reason, safe to show (no values).
    public let reason: String

    public init(reason: String) {
        self.reason = reason
    }

    public var description: String { "outcomes refused: \(reason)" }
}

/// A job a worker is about to act on, under the attempt its message carries.
public struct JobClaim: Sendable, Hashable {
    public var jobId: UUID
    public var tenantId: UUID
    public var attempt: Int

    public init(jobId: UUID, tenantId: UUID, attempt: Int) {
        self.jobId = jobId
        self.tenantId = tenantId
        self.attempt = attempt
    }
}
