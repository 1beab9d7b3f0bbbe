import Foundation
import RelanceCore

/// A planned step whose time has come, claimed by a dispatcher, with what the state guards and
/// the compliance rules need to decide about it.
public struct DueStep: Sendable, Hashable {
    public var stepId: UUID
    public var tenantId: UUID
    public var invoiceId: UUID
    public var debtorId: UUID
    public var position: Int
    public var channel: Channel
    public var templateKey: String
    public var dueAt: Date
    /// The invoice's state as the domain encodes it (`InvoiceState` JSON).
    public var invoiceState: Data
    public var outstanding: Money
    public var debtorKind: DebtorKind
    /// The debtor's IANA time zone.
    public var debtorTimeZone: String

    public init(
        stepId: UUID, tenantId: UUID, invoiceId: UUID, debtorId: UUID, position: Int,
        channel: Channel, templateKey: String, dueAt: Date, invoiceState: Data,
        outstanding: Money, debtorKind: DebtorKind, debtorTimeZone: String
    ) {
        self.stepId = stepId
        self.tenantId = tenantId
        self.invoiceId = invoiceId
        self.debtorId = debtorId
        self.position = position
        self.channel = channel
        self.templateKey = templateKey
        self.dueAt = dueAt
        self.invoiceState = invoiceState
        self.outstanding = outstanding
        self.debtorKind = debtorKind
        self.debtorTimeZone = debtorTimeZone
    }
}

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
