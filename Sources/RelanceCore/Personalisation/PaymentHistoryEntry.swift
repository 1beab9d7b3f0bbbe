/// One past invoice of a debtor, as the behaviour profile needs it.
public struct PaymentHistoryEntry: Sendable, Hashable, Codable {
    public let dueDate: CalendarDate
    /// When it was settled in full; nil while it is still unpaid.
    public let paidDate: CalendarDate?
    public let amount: Money
    /// Settled in several payments rather than one (a sign of short cash).
    public let paidInParts: Bool

    public init(dueDate: CalendarDate, paidDate: CalendarDate?, amount: Money, paidInParts: Bool = false) {
        self.dueDate = dueDate
        self.paidDate = paidDate
        self.amount = amount
        self.paidInParts = paidInParts
    }

    /// Days between the due date and payment, 0 when paid on time or early; nil while unpaid.
    public var daysLate: Int? {
        paidDate.map { max(0, dueDate.days(until: $0)) }
    }
}
