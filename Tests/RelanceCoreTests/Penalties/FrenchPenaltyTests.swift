import RelanceCore
import Testing

/// fr-b2b (Code de commerce L441-10) and fr-b2c (legal interest from the formal notice).
/// Expected figures are worked by hand in the comments: Σ base × rate × days / 365, rounded once.
@Suite("French penalties")
struct FrenchPenaltyTests {
    typealias F = PenaltyFixtures
    let engine = PenaltyFixtures.engine

    @Test("seed example: 3,000 € paid 20 days late at 10 % gives 16.44 + 40 = 56.44")
    func seedExample() throws {
        // 2019 S1: the statutory rate is ECB 0.00 + 10 = 10 %, and the contract floor 3 × 0.86 = 2.58 %
        // is below 10 %, so the contract rate applies as agreed. 3000 × 0.10 × 20/365 = 16.438…
        let result = try engine.compute(F.paid(F.eur("3000.00"), due: "2019-03-01", paid: "2019-03-21", contract: "10"))
        #expect(result.daysLate == 20)
        #expect(result.periods.count == 1)
        #expect(result.periods[0].from == F.date("2019-03-02"))
        #expect(result.periods[0].to == F.date("2019-03-21"))
        #expect(result.periods[0].days == 20)
        #expect(result.periods[0].annualRate == F.percent("10"))
        #expect(result.interest == F.eur("16.44"))
        #expect(result.fixedIndemnity == F.eur("40"))
        #expect(result.totalPenalty == F.eur("56.44"))
        #expect(result.outstandingPrincipal == F.eur("0"))
        #expect(result.totalDue == F.eur("56.44"))
        #expect(result.notes.isEmpty)
    }

    @Test("the statutory rate in 2019 is ECB 0.00 % + 10 points, the same 16.44 €")
    func statutoryRate2019() throws {
        let result = try engine.compute(F.paid(F.eur("3000.00"), due: "2019-03-01", paid: "2019-03-21"))
        #expect(result.periods.map(\.annualRate) == [F.percent("10.00")])
        #expect(result.interest == F.eur("16.44"))
        #expect(result.sources.map(\.table) == ["ecb-mro.csv"])
        #expect(result.sources.first?.key == "2016-03-16")
    }

    @Test("2026 S1 statutory rate 2.15 + 10 = 12.15 %: 3,000 € for 20 days is 19.97 €")
    func statutory2026() throws {
        // 3000 × 0.1215 × 20/365 = 19.972…
        let result = try engine.compute(F.paid(F.eur("3000.00"), due: "2026-01-10", paid: "2026-01-30"))
        #expect(result.periods.map(\.annualRate) == [F.percent("12.15")])
        #expect(result.interest == F.eur("19.97"))
        #expect(result.totalPenalty == F.eur("59.97"))
    }

    @Test("a delay across 1 July is split into two periods with each half-year's rate")
    func halfYearSplit() throws {
        // 2025 S1: 3.15 + 10 = 13.15 % for 21–30 June (10 days); 2025 S2: 2.15 + 10 = 12.15 % for 1–10 July.
        // 3000 × (0.1315 × 10 + 0.1215 × 10) / 365 = 20.794…
        let result = try engine.compute(F.paid(F.eur("3000.00"), due: "2025-06-20", paid: "2025-07-10"))
        #expect(result.daysLate == 20)
        #expect(result.periods.count == 2)
        #expect(result.periods[0].from == F.date("2025-06-21"))
        #expect(result.periods[0].to == F.date("2025-06-30"))
        #expect(result.periods[0].days == 10)
        #expect(result.periods[0].annualRate == F.percent("13.15"))
        #expect(result.periods[1].from == F.date("2025-07-01"))
        #expect(result.periods[1].to == F.date("2025-07-10"))
        #expect(result.periods[1].days == 10)
        #expect(result.periods[1].annualRate == F.percent("12.15"))
        #expect(result.interest == F.eur("20.79"))
        #expect(result.sources.map(\.key) == ["2024-12-18", "2025-06-11"])
    }

    @Test("a contract rate under 3 × the legal rate is raised to the floor, and the result says so")
    func contractRateRaisedToFloor() throws {
        // The example: 2025 S1 floor is 3 × 3.71 = 11.13 % > 10 %.
        // 3000 × 0.1113 × 20/365 = 18.295…
        let result = try engine.compute(F.paid(F.eur("3000.00"), due: "2025-03-01", paid: "2025-03-21", contract: "10"))
        #expect(result.periods.map(\.annualRate) == [F.percent("11.13")])
        #expect(result.interest == F.eur("18.30"))
        #expect(result.totalPenalty == F.eur("58.30"))
        #expect(result.notes.contains("contract rate 10.00 % raised to the floor 11.13 % (3 × legal rate 3.71 %) for 2025 S1"))
        #expect(result.sources.map(\.table) == ["fr-legal-rate.csv"])
    }

    @Test("a contract rate above the floor applies as agreed, even above ECB + 10")
    func contractRateAboveFloor() throws {
        // 3000 × 0.15 × 20/365 = 24.657…
        let result = try engine.compute(F.paid(F.eur("3000.00"), due: "2025-03-01", paid: "2025-03-21", contract: "15"))
        #expect(result.periods.map(\.annualRate) == [F.percent("15")])
        #expect(result.interest == F.eur("24.66"))
        #expect(!result.notes.contains { $0.contains("raised") })
    }

    @Test("the floor is checked per half-year: raised in 2025 S1 only")
    func floorPerHalfYear() throws {
        // 10 % < 11.13 % (2025 S1) but ≥ 8.28 % (2025 S2).
        // 3000 × (0.1113 × 10 + 0.10 × 10) / 365 = 17.367…
        let result = try engine.compute(F.paid(F.eur("3000.00"), due: "2025-06-20", paid: "2025-07-10", contract: "10"))
        #expect(result.periods.map(\.annualRate) == [F.percent("11.13"), F.percent("10")])
        #expect(result.interest == F.eur("17.37"))
        #expect(result.notes.filter { $0.contains("raised to the floor") } == [
            "contract rate 10.00 % raised to the floor 11.13 % (3 × legal rate 3.71 %) for 2025 S1",
        ])
    }

    @Test("2024: the statutory rate stays below the contract floor, and a note explains why it still applies")
    func statutoryBelowFloorIn2024() throws {
        // ECB 4.50 + 10 = 14.50 % while 3 × 5.07 = 15.21 %. 3000 × 0.145 × 20/365 = 23.835…
        let result = try engine.compute(F.paid(F.eur("3000.00"), due: "2024-03-01", paid: "2024-03-21"))
        #expect(result.periods.map(\.annualRate) == [F.percent("14.50")])
        #expect(result.interest == F.eur("23.84"))
        #expect(result.notes.contains { $0.contains("binds contract rates only") && $0.contains("2024 S1") })
    }

    @Test("a partial payment lowers the base from the day after it is received")
    func partialPayment() throws {
        // 1,000 € received on 11 March: 3000 € bears interest 2–11 March (10 days), 2000 € 12–21 March.
        // (3000 × 10 + 2000 × 10) × 0.10 / 365 = 13.698…
        let result = try engine.compute(
            F.paid(F.eur("3000.00"), due: "2019-03-01", paid: "2019-03-21", payments: [("2019-03-11", F.eur("1000"))])
        )
        #expect(result.periods.count == 2)
        #expect(result.periods[0].to == F.date("2019-03-11"))
        #expect(result.periods[0].base == F.eur("3000"))
        #expect(result.periods[1].from == F.date("2019-03-12"))
        #expect(result.periods[1].base == F.eur("2000"))
        #expect(result.interest == F.eur("13.70"))
        #expect(result.totalPenalty == F.eur("53.70"))
        #expect(result.notes.contains { $0.contains("partial payments lower the interest base") })
    }

    @Test("partial payments that add up to the amount settle the invoice on the last one")
    func partialPaymentsSettleInFull() throws {
        let result = try engine.compute(
            F.unpaid(
                F.eur("3000.00"), due: "2019-03-01", asOf: "2019-04-30",
                payments: [("2019-03-11", F.eur("1000")), ("2019-03-21", F.eur("2000"))]
            )
        )
        #expect(result.daysLate == 20)
        #expect(result.interest == F.eur("13.70"))
        #expect(result.outstandingPrincipal == F.eur("0"))
        #expect(result.totalDue == F.eur("53.70"))
        #expect(result.notes.contains("the partial payments settled the invoice in full on 2019-03-21"))
    }

    @Test("a part paid on the due date never bears interest")
    func partialPaymentOnDueDate() throws {
        // 2000 × 0.10 × 20 / 365 = 10.958…
        let result = try engine.compute(
            F.paid(F.eur("3000.00"), due: "2019-03-01", paid: "2019-03-21", payments: [("2019-03-01", F.eur("1000"))])
        )
        #expect(result.periods.map(\.base) == [F.eur("2000")])
        #expect(result.interest == F.eur("10.96"))
    }

    @Test("an unpaid invoice keeps its principal in the total due")
    func unpaidTotalDue() throws {
        // 2019-03-01 → as of 2019-03-21: 20 days, 16.44 € interest + 40 € on top of 3,000 € still owed.
        let result = try engine.compute(F.unpaid(F.eur("3000.00"), due: "2019-03-01", asOf: "2019-03-21"))
        #expect(result.interest == F.eur("16.44"))
        #expect(result.outstandingPrincipal == F.eur("3000"))
        #expect(result.totalDue == F.eur("3056.44"))
    }

    @Test("paid on or before the due date: no penalty, not an error", arguments: ["2025-02-20", "2025-03-01"])
    func paidOnTime(paidOn: String) throws {
        let result = try engine.compute(F.paid(F.eur("3000.00"), due: "2025-03-01", paid: paidOn))
        #expect(result.daysLate == 0)
        #expect(result.periods.isEmpty)
        #expect(result.interest == F.eur("0"))
        #expect(result.fixedIndemnity == F.eur("0"))
        #expect(result.totalDue == F.eur("0"))
        #expect(result.notes == ["paid on \(paidOn), on or before the due date 2025-03-01: no penalty is due"])
    }

    @Test("one day late: the amount paid accrues for that day, and 40 € is owed")
    func oneDayLate() throws {
        // 18.25 € × 10 % / 365 = 0.005 € exactly: half-up gives 0.01 €.
        let result = try engine.compute(F.paid(F.eur("18.25"), due: "2019-03-01", paid: "2019-03-02"))
        #expect(result.daysLate == 1)
        #expect(result.interest == F.eur("0.01"))
        #expect(result.fixedIndemnity == F.eur("40"))
    }

    @Test("fr-b2c with a formal notice: legal rate 'autres cas' from the day after the notice, no 40 €")
    func consumerWithNotice() throws {
        // 16–30 June at 3.71 % (15 days), 1 July–30 Sept at 2.76 % (92 days).
        // 1200 × (0.0371 × 15 + 0.0276 × 92) / 365 = 10.176…
        let result = try engine.compute(
            F.unpaid(.frB2C, F.eur("1200.00"), due: "2025-05-01", asOf: "2025-09-30", notice: "2025-06-15")
        )
        #expect(result.daysLate == 152)
        #expect(result.periods.map(\.from) == [F.date("2025-06-16"), F.date("2025-07-01")])
        #expect(result.periods.map(\.annualRate) == [F.percent("3.71"), F.percent("2.76")])
        #expect(result.interest == F.eur("10.18"))
        #expect(result.fixedIndemnity == F.eur("0"))
        #expect(result.totalDue == F.eur("1210.18"))
    }

    @Test("fr-b2c for a private-person creditor uses the other legal-rate column")
    func consumerPrivateCreditor() throws {
        // 1200 × (0.0721 × 15 + 0.0665 × 92) / 365 = 23.669…
        let result = try engine.compute(
            F.unpaid(.frB2C, F.eur("1200.00"), due: "2025-05-01", asOf: "2025-09-30", notice: "2025-06-15", creditor: .privatePerson)
        )
        #expect(result.periods.map(\.annualRate) == [F.percent("7.21"), F.percent("6.65")])
        #expect(result.interest == F.eur("23.67"))
    }

    @Test("fr-b2c without a notice date: no interest, and the result says why")
    func consumerWithoutNotice() throws {
        let result = try engine.compute(F.unpaid(.frB2C, F.eur("1200.00"), due: "2025-05-01", asOf: "2025-09-30"))
        #expect(result.daysLate == 152)
        #expect(result.periods.isEmpty)
        #expect(result.interest == F.eur("0"))
        #expect(result.totalPenalty == F.eur("0"))
        #expect(result.notes.contains { $0.contains("no formal notice") && $0.contains("no interest is due") })
    }

    @Test("fr-b2c with a notice sent before the due date: interest still starts after the due date")
    func consumerNoticeBeforeDue() throws {
        // 2–21 March 2019 at 0.86 %: 1200 × 0.0086 × 20 / 365 = 0.565…
        let result = try engine.compute(F.unpaid(.frB2C, F.eur("1200.00"), due: "2019-03-01", asOf: "2019-03-21", notice: "2019-02-20"))
        #expect(result.periods.map(\.from) == [F.date("2019-03-02")])
        #expect(result.interest == F.eur("0.57"))
    }

    @Test("fr-b2c with a notice on or after the payment date: nothing accrues")
    func consumerNoticeAfterPayment() throws {
        let result = try engine.compute(F.paid(.frB2C, F.eur("1200.00"), due: "2025-05-01", paid: "2025-06-10", notice: "2025-06-10"))
        #expect(result.daysLate == 40)
        #expect(result.periods.isEmpty)
        #expect(result.interest == F.eur("0"))
        #expect(result.notes.contains("the formal notice of 2025-06-10 is not before 2025-06-10: no day bears interest"))
    }
}
