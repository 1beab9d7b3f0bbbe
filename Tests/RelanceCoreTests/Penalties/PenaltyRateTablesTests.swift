import RelanceCore
import Testing

/// Parsing the CSV rate tables: the shipped files, and what a broken file reports.
@Suite("Penalty rate tables")
struct PenaltyRateTablesTests {
    typealias F = PenaltyFixtures

    static let ecb = """
        effective_from,rate_percent,source
        2016-03-16,0.00,https://example.org/ecb
        2022-07-27,0.50,"ECB, press release of 21 July 2022"
        2022-09-14,unknown,nothing recorded after this
        """
    static let french = """
        half_year_start,private_creditor_percent,other_cases_percent,source
        2022-01-01,3.13,0.76,ref A
        2022-07-01,3.15,0.77,ref B
        """
    static let german = """
        half_year_start,rate_percent,source
        2022-01-01,-0.88,ref C
        # 2022 S2 deliberately missing
        2023-01-01,1.62,ref D
        """
    static let uk = """
        half_year_start,reference_date,rate_percent,source
        2022-01-01,2021-12-31,0.25,ref E
        2022-07-01,2022-06-30,1.25,ref F
        """

    private func tables(ecb: String = ecb, french: String = french, german: String = german, uk: String = uk) throws(RateTableError) -> PenaltyRateTables {
        try PenaltyRateTables(ecbMainRefinancingRate: ecb, frenchLegalRate: french, germanBaseRate: german, ukBaseRate: uk)
    }

    private func failure(ecb: String = ecb, french: String = french, german: String = german, uk: String = uk) -> RateTableError? {
        do {
            _ = try tables(ecb: ecb, french: french, german: german, uk: uk)
            return nil
        } catch {
            return error
        }
    }

    @Test("the shipped tables cover every half-year from 2012 S1 to 2026 S1, and none of 2026 S2")
    func shippedCoverage() throws {
        let tables = F.shippedTables
        var halfYear = try #require(HalfYear(year: 2012, half: 1))
        let last = try #require(HalfYear(year: 2026, half: 1))
        while halfYear <= last {
            #expect(tables.ecbMainRefinancingRate(inForceOn: halfYear.start) != nil, "ECB \(halfYear)")
            #expect(tables.frenchLegalRate(for: halfYear, creditor: .business) != nil, "FR \(halfYear)")
            #expect(tables.frenchLegalRate(for: halfYear, creditor: .privatePerson) != nil, "FR private \(halfYear)")
            #expect(tables.germanBaseRate(for: halfYear) != nil, "DE \(halfYear)")
            #expect(tables.ukReferenceRate(for: halfYear) != nil, "UK \(halfYear)")
            halfYear = halfYear.next
        }
        let unknown = last.next
        #expect(tables.ecbMainRefinancingRate(inForceOn: unknown.start) == nil)
        #expect(tables.frenchLegalRate(for: unknown, creditor: .business) == nil)
        #expect(tables.germanBaseRate(for: unknown) == nil)
        #expect(tables.ukReferenceRate(for: unknown) == nil)
    }

    @Test("shipped values match the published figures the reference lists")
    func shippedSpotChecks() {
        let tables = F.shippedTables
        #expect(tables.ecbMainRefinancingRate(inForceOn: F.date("2012-07-01"))?.rate == F.percent("1.00"))  // cut took effect 11 July
        #expect(tables.ecbMainRefinancingRate(inForceOn: F.date("2025-01-01"))?.rate == F.percent("3.15"))
        #expect(tables.ecbMainRefinancingRate(inForceOn: F.date("2026-01-01"))?.rate == F.percent("2.15"))
        let s1_2026 = HalfYear(year: 2026, half: 1)!
        #expect(tables.frenchLegalRate(for: s1_2026, creditor: .business)?.rate == F.percent("2.62"))
        #expect(tables.frenchLegalRate(for: s1_2026, creditor: .privatePerson)?.rate == F.percent("6.67"))
        #expect(tables.germanBaseRate(for: s1_2026)?.rate == F.percent("1.27"))
        #expect(tables.germanBaseRate(for: HalfYear(year: 2014, half: 2)!)?.rate == Rate(basisPoints: -73))
        #expect(tables.ukReferenceRate(for: HalfYear(year: 2024, half: 1)!)?.rate == F.percent("5.25"))
    }

    @Test("every shipped row cites a source")
    func shippedSources() {
        let tables = F.shippedTables
        var halfYear = HalfYear(year: 2012, half: 1)!
        while halfYear <= HalfYear(year: 2026, half: 1)! {
            for cited in [
                tables.ecbMainRefinancingRate(inForceOn: halfYear.start),
                tables.frenchLegalRate(for: halfYear, creditor: .business),
                tables.germanBaseRate(for: halfYear),
                tables.ukReferenceRate(for: halfYear),
            ] {
                #expect(cited?.source.isEmpty == false)
            }
            halfYear = halfYear.next
        }
    }

    @Test("lookups follow effective dates, quoted fields, negative rates, comments and the unknown marker")
    func lookups() throws {
        let tables = try tables()
        #expect(tables.ecbMainRefinancingRate(inForceOn: F.date("2016-03-15")) == nil)
        #expect(tables.ecbMainRefinancingRate(inForceOn: F.date("2022-07-26"))?.rate == F.percent("0"))
        let july = tables.ecbMainRefinancingRate(inForceOn: F.date("2022-07-27"))
        #expect(july == CitedRate(table: "ecb-mro.csv", key: "2022-07-27", rate: F.percent("0.50"), source: "ECB, press release of 21 July 2022"))
        #expect(tables.ecbMainRefinancingRate(inForceOn: F.date("2022-09-14")) == nil)
        #expect(tables.ecbMainRefinancingRate(inForceOn: F.date("2030-01-01")) == nil)
        #expect(tables.germanBaseRate(for: HalfYear(year: 2022, half: 1)!)?.rate == Rate(basisPoints: -88))
        #expect(tables.germanBaseRate(for: HalfYear(year: 2022, half: 2)!) == nil)
        #expect(tables.frenchLegalRate(for: HalfYear(year: 2022, half: 2)!, creditor: .privatePerson)?.rate == F.percent("3.15"))
        #expect(tables.ukReferenceRate(for: HalfYear(year: 2022, half: 2)!)?.rate == F.percent("1.25"))
    }

    @Test("the engine stops at a half-year missing in the middle of a table")
    func gapInTheMiddle() throws {
        let engine = PenaltyEngine(tables: try tables())
        #expect(throws: PenaltyError(.rateUnavailable, "de-base-rate.csv has no German base rate (Basiszinssatz) for 2022 S2, needed for this delay; add it to the table once published (no rate is guessed)")) {
            try engine.compute(F.paid(.deB2B, F.eur("1000"), due: "2022-06-20", paid: "2022-07-10"))
        }
    }

    @Test("a row without a source is rejected with its line")
    func missingSource() {
        let error = failure(german: "half_year_start,rate_percent,source\n2022-01-01,-0.88,\n")
        #expect(error?.code == .missingSource)
        #expect(error?.description == "de-base-rate.csv line 2: the source column is empty; every rate needs a URL or reference")
    }

    @Test("bad values, order, columns and shapes are rejected with file and line")
    func malformedTables() {
        #expect(failure(ecb: "effective_from,rate_percent,source\n2022-13-01,1.00,x\n")?.description
            == "ecb-mro.csv line 2: effective_from '2022-13-01' is not a YYYY-MM-DD date")
        #expect(failure(ecb: "effective_from,rate_percent,source\n2022-01-01,1.005,x\n")?.code == .invalidValue)
        #expect(failure(ecb: "effective_from,rate_percent,source\n2022-01-01,1.00,x\n")?.description
            == "ecb-mro.csv line 2: the last row must be '<date>,unknown,<note>': the day from which the rate is not known yet")
        #expect(failure(ecb: "effective_from,rate_percent,source\n2022-02-01,1.00,x\n2022-01-01,2.00,y\n")?.code == .outOfOrder)
        #expect(failure(ecb: "effective_from,source\n2022-01-01,x\n")?.code == .missingColumn)
        #expect(failure(ecb: "effective_from,rate_percent,source\n")?.code == .empty)
        #expect(failure(ecb: "")?.code == .empty)
        #expect(failure(ecb: "effective_from,rate_percent,source\n2022-01-01,1.00\n")?.code == .malformedLine)
        #expect(failure(ecb: "effective_from,rate_percent,source\n2022-01-01,1.00,\"unclosed\n")?.code == .malformedLine)
        #expect(failure(ecb: "effective_from,rate_percent,Rate_Percent,source\n2022-01-01,1.00,2.00,x\n")?.description
            == "ecb-mro.csv line 1: the header names column 'rate_percent' twice")
        #expect(failure(german: "half_year_start,rate_percent,source\n2022-02-01,1.00,x\n")?.description
            == "de-base-rate.csv line 2: half_year_start 2022-02-01 is not 1 January or 1 July")
        #expect(failure(german: "half_year_start,rate_percent,source\n2022-07-01,1.00,x\n2022-01-01,1.00,x\n")?.code == .outOfOrder)
        #expect(failure(uk: "half_year_start,reference_date,rate_percent,source\n2022-07-01,2022-07-01,1.25,x\n")?.description
            == "uk-boe-base-rate.csv line 2: reference_date 2022-07-01 should be 2022-06-30, the day before 2022 S2 starts")
    }

    @Test("tables keyed by file name must all be present")
    func filesByName() {
        #expect(throws: RateTableError.self) {
            try PenaltyRateTables(files: [PenaltyRateTables.ecbFileName: Self.ecb])
        }
    }
}
