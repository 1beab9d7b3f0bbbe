import RelanceCore

/// Payment histories for the personalisation tests.
enum PersonalisationFixtures {
    /// Invoices due on the 1st of successive months from January 2024, each paid the given
    /// number of days after its due date (negative: early).
    static func history(daysLate: [Int], paidInParts: Set<Int> = []) throws -> [PaymentHistoryEntry] {
        try daysLate.enumerated().map { index, late in
            let due = try CalendarDate(iso: "2024-01-01").adding(days: 30 * index)
            return PaymentHistoryEntry(
                dueDate: due,
                paidDate: due.adding(days: late),
                amount: try LadderFixtures.eur("500.00"),
                paidInParts: paidInParts.contains(index)
            )
        }
    }

    static func profile(daysLate: [Int], paidInParts: Set<Int> = []) throws -> BehaviourProfile {
        BehaviourProfile(history: try history(daysLate: daysLate, paidInParts: paidInParts), today: try CalendarDate(iso: "2025-03-01"))
    }
}
