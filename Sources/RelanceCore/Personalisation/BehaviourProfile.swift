/// How a debtor has paid so far, summarised from its past invoices.
///
/// Only settled invoices count towards lateness; unpaid ones past their due date are counted
/// apart (`openOverdueInvoices`). Decisions compare whole numbers (`totalDaysLate`,
/// counts); the `Double` figures are for people to read.
public struct BehaviourProfile: Sendable, Hashable {
    /// Days late of each settled invoice, oldest due date first.
    public let daysLate: [Int]
    /// A settled invoice paid at most this many days late counts as on time: a transfer takes
    /// a day or two to show on the creditor's statement.
    public let onTimeToleranceDays: Int
    /// How many of the most recent settled invoices form the "recent" window.
    public let recentWindow: Int
    /// Settled invoices, among the recent window, that were paid in several payments.
    public let recentPaidInParts: Int
    /// Settled invoices paid in several payments, over the whole history.
    public let invoicesPaidInParts: Int
    /// Invoices still unpaid after their due date on the day of the profile.
    public let openOverdueInvoices: Int

    /// Builds the profile of `history` as of `today`.
    public init(history: [PaymentHistoryEntry], today: CalendarDate, onTimeToleranceDays: Int = 2, recentWindow: Int = 3) {
        let settled = history
            .compactMap { entry in entry.paidDate.map { (entry, $0) } }
            .sorted { ($0.0.dueDate, $0.1) < ($1.0.dueDate, $1.1) }
            .map(\.0)
        self.daysLate = settled.compactMap(\.daysLate)
        self.onTimeToleranceDays = max(0, onTimeToleranceDays)
        self.recentWindow = max(1, recentWindow)
        self.recentPaidInParts = settled.suffix(self.recentWindow).filter(\.paidInParts).count
        self.invoicesPaidInParts = settled.filter(\.paidInParts).count
        self.openOverdueInvoices = history.filter { $0.paidDate == nil && $0.dueDate < today }.count
    }

    /// Settled invoices.
    public var invoicesPaid: Int { daysLate.count }
    /// Settled invoices paid on time (within the tolerance).
    public var invoicesPaidOnTime: Int { daysLate.filter { $0 <= onTimeToleranceDays }.count }
    public var totalDaysLate: Int { daysLate.reduce(0, +) }

    /// Share of settled invoices paid on time, 0…1; nil with no history.
    public var onTimeShare: Double? {
        invoicesPaid == 0 ? nil : Double(invoicesPaidOnTime) / Double(invoicesPaid)
    }

    /// Average days late; nil with no history.
    public var meanDaysLate: Double? { Self.mean(daysLate) }

    /// Population standard deviation of days late: how predictable the debtor is.
    public var standardDeviationDaysLate: Double? {
        guard let mean = meanDaysLate else { return nil }
        let variance = daysLate.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(daysLate.count)
        return variance.squareRoot()
    }

    /// Days late of the last `recentWindow` settled invoices.
    public var recentDaysLate: ArraySlice<Int> { daysLate.suffix(recentWindow) }
    /// Days late of the settled invoices before the recent window.
    public var earlierDaysLate: ArraySlice<Int> { daysLate.dropLast(recentWindow) }

    public var recentMeanDaysLate: Double? { Self.mean(recentDaysLate) }
    public var earlierMeanDaysLate: Double? { Self.mean(earlierDaysLate) }

    /// Recent average minus earlier average, in days: positive when the debtor pays later than
    /// it used to. Nil until both windows have invoices (earlier one at least two).
    public var recentChangeDays: Double? {
        guard earlierDaysLate.count >= 2, let recent = recentMeanDaysLate, let earlier = earlierMeanDaysLate else { return nil }
        return recent - earlier
    }

    private static func mean(_ values: some Collection<Int>) -> Double? {
        values.isEmpty ? nil : Double(values.reduce(0, +)) / Double(values.count)
    }
}
