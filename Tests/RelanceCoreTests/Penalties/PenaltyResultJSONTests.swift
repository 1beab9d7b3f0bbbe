import Foundation
import RelanceCore
import Testing

/// The JSON shape the CLI and the API print.
@Suite("Penalty result JSON")
struct PenaltyResultJSONTests {
    typealias F = PenaltyFixtures

    @Test("amounts are decimal strings, rates percent strings, dates ISO, keys snake_case")
    func shape() throws {
        let result = try F.engine.compute(F.paid(F.eur("3000.00"), due: "2025-06-20", paid: "2025-07-10"))
        let data = try JSONEncoder().encode(result)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["principal"] as? String == "3000.00")
        #expect(object["currency"] as? String == "EUR")
        #expect(object["jurisdiction"] as? String == "fr-b2b")
        #expect(object["due_date"] as? String == "2025-06-20")
        #expect(object["paid_on"] as? String == "2025-07-10")
        #expect(object["as_of"] == nil)
        #expect(object["days_late"] as? Int == 20)
        #expect(object["interest"] as? String == "20.79")
        #expect(object["fixed_indemnity"] as? String == "40.00")
        #expect(object["total_penalty"] as? String == "60.79")
        #expect(object["outstanding_principal"] as? String == "0.00")
        #expect(object["total_due"] as? String == "60.79")
        let periods = try #require(object["periods"] as? [[String: Any]])
        #expect(periods.count == 2)
        #expect(periods[0]["from"] as? String == "2025-06-21")
        #expect(periods[0]["to"] as? String == "2025-06-30")
        #expect(periods[0]["days"] as? Int == 10)
        #expect(periods[0]["annual_rate"] as? String == "13.15")
        #expect(periods[1]["annual_rate"] as? String == "12.15")
        #expect(periods[1]["base"] as? String == "3000.00")
        let sources = try #require(object["sources"] as? [[String: Any]])
        #expect(sources.map { $0["table"] as? String } == ["ecb-mro.csv", "ecb-mro.csv"])
        #expect(sources.map { $0["rate"] as? String } == ["3.15", "2.15"])
        #expect(object["notes"] as? [String] == [])
    }

    @Test("an unpaid invoice reports its as-of date")
    func unpaid() throws {
        let result = try F.engine.compute(F.unpaid(F.eur("3000.00"), due: "2019-03-01", asOf: "2019-03-21"))
        let object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(result)) as? [String: Any])
        #expect(object["as_of"] as? String == "2019-03-21")
        #expect(object["paid_on"] == nil)
        #expect(object["total_due"] as? String == "3056.44")
    }
}
