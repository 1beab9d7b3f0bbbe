/// Splits an amount into monthly installments, exactly.
public enum InstallmentSchedule {
    /// `count` monthly installments of `total`, in whole minor units, that add up to `total`
    /// exactly. They differ by at most one minor unit: the remainder of the division is spread
    /// one unit each over the first installments (so the debtor pays the odd cents first).
    ///
    /// The first falls on `firstDueDate`, each next one on the same day of the following
    /// month — or that month's last day when it is shorter (31 January, 28 February, 31 March).
    ///
    /// - Throws: `invalid_plan` when `count` < 1, `total` is not positive, or `total` has
    ///   fewer minor units than `count`.
    public static func monthly(total: Money, count: Int, firstDueDate: CalendarDate) throws(InvoiceStateError) -> [Installment] {
        guard count >= 1 else {
            throw InvoiceStateError(.invalidPlan, "a plan needs at least one installment, not \(count)")
        }
        guard total.isPositive else {
            throw InvoiceStateError(.invalidPlan, "only a positive amount can be split, not \(total)")
        }
        guard total.minorUnits >= Int64(count) else {
            throw InvoiceStateError(.invalidPlan, "\(total) cannot be split into \(count) installments of at least one minor unit")
        }
        let base = total.minorUnits / Int64(count)
        let remainder = Int(total.minorUnits % Int64(count))
        return (0..<count).map { index in
            Installment(
                number: index + 1,
                dueDate: addingMonths(index, to: firstDueDate),
                amount: Money(minorUnits: base + (index < remainder ? 1 : 0), currency: total.currency)
            )
        }
    }

    /// `date` moved `months` months on, keeping its day of month where the month allows.
    static func addingMonths(_ months: Int, to date: CalendarDate) -> CalendarDate {
        let zeroBased = date.month - 1 + months
        let year = date.year + (zeroBased >= 0 ? zeroBased / 12 : (zeroBased - 11) / 12)
        let month = ((zeroBased % 12) + 12) % 12 + 1
        let day = min(date.day, CalendarDate.daysIn(month: month, year: year))
        // Month and day are in range by construction.
        return CalendarDate(year: year, month: month, day: day) ?? date
    }
}
