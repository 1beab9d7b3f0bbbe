import Foundation
import RelanceCore

/// What a worker needs from the system of record for each batch: one read of everything its
/// jobs name, the standing of the jobs the read could not settle, and the batch's outcomes
/// written at once.
public protocol WorkerStorage: Sendable {
    /// Reads what the batch's jobs need — tenants, debtors, creditors, invoices, steps, first
    /// written contacts — in a fixed number of statements. `now` sets each debtor's day (in its
    /// time zone) after which a planned step is an invoice's next one.
    func load(tenantIds: [UUID], debtorIds: [UUID], invoiceIds: [UUID], now: Date) async throws -> BatchSnapshot

    /// Looks up jobs by id, each with the tenant its message claims.
    func standings(of jobs: [(jobId: UUID, tenantId: UUID)]) async throws -> [UUID: JobStanding]

    /// Writes outcomes and moves their jobs' steps on, all in one transaction. An outcome for a
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
