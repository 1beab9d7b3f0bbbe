import Foundation

/// What a dispatcher decided for a batch of claimed steps; written in the claim's transaction.
public struct DispatchPlan: Sendable {
    /// New outbox rows, one per message.
    public var jobs: [OutboxJob] = []
    /// Steps carried by a job: step id → job id.
    public var dispatched: [(step: UUID, job: UUID)] = []
    /// Steps that will not run (the invoice was paid, written off …), with the reason.
    public var cancelled: [(step: UUID, reason: String)] = []
    /// Steps moved to a later moment (quiet hours, holiday, contact budget, pause), with the reason.
    public var deferred: [(step: UUID, until: Date, reason: String)] = []

    public init() {}
}
