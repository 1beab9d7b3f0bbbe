/// The debtor's promise to pay the whole outstanding by a date.
///
/// The ladder is paused through `payBy + graceDays`; on `resumesOn` (the day after) a promise
/// that has not been kept is broken and the ladder resumes.
public struct PromiseToPay: Sendable, Hashable, Codable {
    /// When the promise was made.
    public let madeOn: CalendarDate
    /// The day the debtor said the money would be paid.
    public let payBy: CalendarDate
    /// Days allowed after `payBy` for a transfer to arrive before the promise counts as broken.
    public let graceDays: Int

    public init(madeOn: CalendarDate, payBy: CalendarDate, graceDays: Int = 0) {
        self.madeOn = madeOn
        self.payBy = payBy
        self.graceDays = max(0, graceDays)
    }

    /// The first day the promise counts as broken if the invoice is not paid.
    public var resumesOn: CalendarDate { payBy.adding(days: graceDays + 1) }

    /// Whether the promise is broken on `date` (assuming the invoice is still unpaid).
    public func isBroken(on date: CalendarDate) -> Bool { date >= resumesOn }
}
