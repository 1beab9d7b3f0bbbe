import RelanceCore

/// What a stored transition did: the invoice in its new state, and the schedule's changes.
public struct TransitionResult: Sendable, Hashable {
    public var invoice: Invoice
    public var from: InvoiceStatus
    public var to: InvoiceStatus
    /// The `invoice_events` kind written (`payment`, `dispute`, `promise_broken` …).
    public var eventKind: String
    /// Planned steps cancelled (the ladder stopped, or a step no longer applies).
    public var cancelledSteps: Int
    /// Steps planned again with new dates (the ladder resumed or its cadence moved).
    public var replannedSteps: Int

    public init(invoice: Invoice, from: InvoiceStatus, to: InvoiceStatus, eventKind: String, cancelledSteps: Int, replannedSteps: Int) {
        self.invoice = invoice
        self.from = from
        self.to = to
        self.eventKind = eventKind
        self.cancelledSteps = cancelledSteps
        self.replannedSteps = replannedSteps
    }
}
