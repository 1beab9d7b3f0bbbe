/// When a claim is time-barred (reference §6): 5 years for a debt between professionals (Code
/// de commerce L110-4; the civil default, Code civil 2224, is 5 years too), 2 years for goods
/// or services a professional supplied to a consumer (Code de la consommation L218-2), counted
/// from the due date. Filing the request does not interrupt it; serving the order does.
public enum Prescription {
    /// The limitation period, in years, of a claim against a debtor of `kind`.
    public static func years(for kind: DebtorKind) -> Int {
        kind == .consumer ? 2 : 5
    }

    /// The article that sets it.
    public static func article(for kind: DebtorKind) -> String {
        kind == .consumer ? "C. consom. art. L218-2" : "C. com. art. L110-4"
    }

    /// The last day the claim of an invoice due on `dueDate` can still be brought: the same
    /// day `years` later (29 February → 28 February).
    public static func date(dueDate: CalendarDate, kind: DebtorKind) -> CalendarDate {
        let year = dueDate.year + years(for: kind)
        let day = min(dueDate.day, CalendarDate.daysIn(month: dueDate.month, year: year))
        return CalendarDate(year: year, month: dueDate.month, day: day)!
    }
}
