import Foundation
import RelanceCore

/// What the dispatcher needs from the system of record: due steps claimed and the decisions
/// about them written, in one transaction. `RelanceStore` implements it on PostgreSQL; the
/// in-memory `MemoryPipelineStore` serves unit tests.
public protocol DispatchStorage: Sendable {
    /// Claims up to `batchSize` planned steps due at `now` — fairly across tenants, skipping
    /// steps another dispatcher holds — has `decider` plan them, and writes the plan (jobs with
    /// their outbox entries; steps dispatched, cancelled or deferred), all or nothing.
    func dispatchDue(at now: Date, batchSize: Int, decider: DispatchDecider) async throws -> DispatchSummary

    /// How many jobs wait in the outbox, counted up to `limit` (so the count stays cheap).
    func outboxCount(atMost limit: Int) async throws -> Int
}
