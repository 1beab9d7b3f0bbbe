/// Where an invoice's collection stands, as stored in the database (`invoices.status`).
///
/// The raw values are part of the schema: do not rename them.
public enum InvoiceStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Unpaid; the ladder runs.
    case open
    /// Part paid; the ladder runs for the rest.
    case partiallyPaid = "partially_paid"
    /// The debtor promised to pay by a date; the ladder waits until then.
    case promiseToPay = "promise_to_pay"
    /// The debtor pays by installments; the ladder waits while they are kept.
    case paymentPlan = "payment_plan"
    /// The debtor contests the invoice; the ladder stops until the dispute is resolved.
    case disputed
    /// A person paused the ladder, with a reason, until a date or indefinitely.
    case paused
    /// Nothing is owed any more. Terminal.
    case paid
    /// The creditor gave up the debt. Terminal.
    case writtenOff = "written_off"

    /// True for states no transition leaves.
    public var isTerminal: Bool { self == .paid || self == .writtenOff }
}
