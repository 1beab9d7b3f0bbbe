import RelanceCore
import Testing

/// eu (Directive 2011/7/EU), de-b2b / de-b2c (BGB §288), uk (Late Payment Act 1998).
@Suite("EU, German and UK penalties")
struct OtherJurisdictionPenaltyTests {
    typealias F = PenaltyFixtures
    let engine = PenaltyFixtures.engine

    @Test("eu: ECB MRO + 8 points per half-year, plus 40 €")
    func europeanDirective() throws {
        // 3.15 + 8 = 11.15 % for 10 days, 2.15 + 8 = 10.15 % for 10 days.
        // 3000 × (0.1115 × 10 + 0.1015 × 10) / 365 = 17.506…
        let result = try engine.compute(F.paid(.eu, F.eur("3000.00"), due: "2025-06-20", paid: "2025-07-10"))
        #expect(result.periods.map(\.annualRate) == [F.percent("11.15"), F.percent("10.15")])
        #expect(result.interest == F.eur("17.51"))
        #expect(result.fixedIndemnity == F.eur("40"))
        #expect(result.totalPenalty == F.eur("57.51"))
    }

    @Test("de-b2b: Basiszinssatz + 9 points, split by half-year and by partial payment, plus the 40 € Pauschale")
    func germanBusiness() throws {
        // 10,000 €: 2–31 Dec 2024 at 3.37 + 9 = 12.37 % (30 days), 1 Jan–31 Mar 2025 at 2.27 + 9 = 11.27 %
        // (90 days); 4,000 € paid 31 Mar, so 6,000 € 1 Apr–30 Jun at 11.27 % (91 days) and
        // 1 Jul–15 Aug at 1.27 + 9 = 10.27 % (46 days).
        // (10000 × (0.1237 × 30 + 0.1127 × 90) + 6000 × (0.1127 × 91 + 0.1027 × 46)) / 365 = 625.806…
        let result = try engine.compute(
            F.paid(.deB2B, F.eur("10000.00"), due: "2024-12-01", paid: "2025-08-15", payments: [("2025-03-31", F.eur("4000"))])
        )
        #expect(result.daysLate == 257)
        #expect(result.periods.map(\.days) == [30, 90, 91, 46])
        #expect(result.periods.map(\.annualRate) == ["12.37", "11.27", "11.27", "10.27"].map(F.percent))
        #expect(result.periods.map(\.base) == ["10000", "10000", "6000", "6000"].map(F.eur))
        #expect(result.interest == F.eur("625.81"))
        #expect(result.fixedIndemnity == F.eur("40"))
        #expect(result.sources.map(\.key) == ["2024 S2", "2025 S1", "2025 S2"])
    }

    @Test("de-b2b when the base rate was negative: -0.88 + 9 = 8.12 %")
    func germanNegativeBaseRate() throws {
        // 5000 × 0.0812 × 30 / 365 = 33.369…
        let result = try engine.compute(F.paid(.deB2B, F.eur("5000.00"), due: "2018-01-31", paid: "2018-03-02"))
        #expect(result.periods.map(\.annualRate) == [F.percent("8.12")])
        #expect(result.interest == F.eur("33.37"))
    }

    @Test("de-b2c: Basiszinssatz + 5 points, no Pauschale")
    func germanConsumer() throws {
        // 3.62 + 5 = 8.62 % (21–30 June 2024), 3.37 + 5 = 8.37 % (1–10 July).
        // 1000 × (0.0862 × 10 + 0.0837 × 10) / 365 = 4.654…
        let result = try engine.compute(F.paid(.deB2C, F.eur("1000.00"), due: "2024-06-20", paid: "2024-07-10"))
        #expect(result.periods.map(\.annualRate) == [F.percent("8.62"), F.percent("8.37")])
        #expect(result.interest == F.eur("4.65"))
        #expect(result.fixedIndemnity == F.eur("0"))
        #expect(result.totalPenalty == F.eur("4.65"))
        #expect(result.notes.contains { $0.contains("Verzug") })
    }

    @Test("uk: the rate is fixed when interest starts and does not change at the half-year boundary")
    func ukFixedRate() throws {
        // Interest starts 16 Dec 2022 (2022 S2): base rate on 30 June 2022 was 1.25 %, so 9.25 % for
        // all 30 days, although the reference for debts starting in 2023 S1 is 3.50 %.
        // 5000 × 0.0925 × 30 / 365 = 38.013…
        let result = try engine.compute(F.paid(.uk, F.gbp("5000.00"), due: "2022-12-15", paid: "2023-01-14"))
        #expect(result.periods.count == 1)
        #expect(result.periods[0].from == F.date("2022-12-16"))
        #expect(result.periods[0].to == F.date("2023-01-14"))
        #expect(result.periods[0].annualRate == F.percent("9.25"))
        #expect(result.interest == F.gbp("38.01"))
        #expect(result.fixedIndemnity == F.gbp("70"))
        #expect(result.sources.map(\.key) == ["2022 S2"])
        #expect(result.notes.contains { $0.contains("fixed for the life of the debt") && $0.contains("2022-06-30") })
    }

    @Test(
        "uk fixed sum by debt size, at the band edges",
        arguments: [("999.99", "40"), ("1000.00", "70"), ("9999.99", "70"), ("10000.00", "100"), ("250000.00", "100")]
    )
    func ukFixedSumBands(amount: String, fixedSum: String) throws {
        let result = try engine.compute(F.paid(.uk, F.gbp(amount), due: "2019-03-01", paid: "2019-03-31"))
        #expect(result.fixedIndemnity == F.gbp(fixedSum))
        #expect(result.totalPenalty == (try result.interest.adding(F.gbp(fixedSum))))
    }

    @Test("uk: 999.99 £ thirty days late in 2019 at 0.75 + 8 = 8.75 %")
    func ukSmallDebt() throws {
        // 999.99 × 0.0875 × 30 / 365 = 7.191…
        let result = try engine.compute(F.paid(.uk, F.gbp("999.99"), due: "2019-03-01", paid: "2019-03-31"))
        #expect(result.interest == F.gbp("7.19"))
        #expect(result.totalPenalty == F.gbp("47.19"))
    }
}
