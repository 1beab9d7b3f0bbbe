import RelanceCore
import Testing

private typealias P = PersonalisationFixtures

@Suite("Behaviour profile")
struct BehaviourProfileTests {
    @Test("counts, average and spread of days late, share on time")
    func statistics() throws {
        let profile = try P.profile(daysLate: [0, 2, 10, 4])
        #expect(profile.invoicesPaid == 4)
        #expect(profile.totalDaysLate == 16)
        #expect(profile.meanDaysLate == 4.0)
        // Deviations −4, −2, 6, 0: variance 56 / 4 = 14.
        #expect(abs((profile.standardDeviationDaysLate ?? 0) - 14.0.squareRoot()) < 1e-12)
        // 0 and 2 days count as on time (two days' tolerance for transfers).
        #expect(profile.invoicesPaidOnTime == 2)
        #expect(profile.onTimeShare == 0.5)
    }

    @Test("paying early counts as zero days late")
    func earlyPayment() throws {
        let profile = try P.profile(daysLate: [-5, -1, 3])
        #expect(profile.daysLate == [0, 0, 3])
        #expect(profile.invoicesPaidOnTime == 2)
    }

    @Test("recent change compares the last three with the ones before")
    func recentChange() throws {
        let profile = try P.profile(daysLate: [0, 1, 2, 20, 25, 30])
        #expect(Array(profile.earlierDaysLate) == [0, 1, 2])
        #expect(Array(profile.recentDaysLate) == [20, 25, 30])
        #expect(profile.earlierMeanDaysLate == 1.0)
        #expect(profile.recentMeanDaysLate == 25.0)
        #expect(profile.recentChangeDays == 24.0)
        // With fewer than two earlier invoices there is nothing to compare.
        #expect(try P.profile(daysLate: [0, 1, 2, 20]).recentChangeDays == nil)
    }

    @Test("history is read in due-date order, whatever order it comes in")
    func ordering() throws {
        let entries = try P.history(daysLate: [0, 1, 2, 20, 25, 30])
        let profile = BehaviourProfile(history: entries.reversed(), today: try CalendarDate(iso: "2025-03-01"))
        #expect(profile.daysLate == [0, 1, 2, 20, 25, 30])
    }

    @Test("a debtor with no history has no figures")
    func empty() throws {
        let profile = BehaviourProfile(history: [], today: try CalendarDate(iso: "2025-03-01"))
        #expect(profile.invoicesPaid == 0)
        #expect(profile.meanDaysLate == nil)
        #expect(profile.standardDeviationDaysLate == nil)
        #expect(profile.onTimeShare == nil)
        #expect(profile.recentChangeDays == nil)
    }

    @Test("unpaid invoices are counted apart; part payments are counted")
    func openAndParts() throws {
        var entries = try P.history(daysLate: [0, 5, 8], paidInParts: [1, 2])
        entries.append(PaymentHistoryEntry(dueDate: try CalendarDate(iso: "2025-01-15"), paidDate: nil, amount: try LadderFixtures.eur("300")))
        entries.append(PaymentHistoryEntry(dueDate: try CalendarDate(iso: "2025-04-15"), paidDate: nil, amount: try LadderFixtures.eur("300")))
        let profile = BehaviourProfile(history: entries, today: try CalendarDate(iso: "2025-03-01"))
        #expect(profile.invoicesPaid == 3)
        #expect(profile.openOverdueInvoices == 1)
        #expect(profile.invoicesPaidInParts == 2)
        #expect(profile.recentPaidInParts == 2)
    }
}
