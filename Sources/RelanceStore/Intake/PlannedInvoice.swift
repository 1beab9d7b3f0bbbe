import RelanceCore

/// What planning did with one invoice.
public struct PlannedInvoice: Sendable, Hashable {
    public var invoiceId: InvoiceID
    /// Where the invoice's policy came from.
    public var source: PolicySource
    /// The policy fitted to the debtor; its `policy` is stored as the invoice's ladder.
    public var ladder: PersonalisedLadder
    /// The schedule written: one `schedule_steps` row per step, at the step's position.
    public var schedule: EscalationSchedule

    public init(invoiceId: InvoiceID, source: PolicySource, ladder: PersonalisedLadder, schedule: EscalationSchedule) {
        self.invoiceId = invoiceId
        self.source = source
        self.ladder = ladder
        self.schedule = schedule
    }
}
