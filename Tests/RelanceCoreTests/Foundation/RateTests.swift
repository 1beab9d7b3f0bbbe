import RelanceCore
import Testing

@Suite("Rate")
struct RateTests {
    @Test("parses percentages into basis points", arguments: [
        ("10", 1_000), ("12.15", 1_215), ("7.5", 750), ("0.05", 5), ("0", 0), (" 3.71 ", 371), ("100", 10_000),
    ])
    func parses(text: String, basisPoints: Int) throws {
        #expect(try Rate(percent: text).basisPoints == basisPoints)
    }

    @Test("rejects signs, three decimals, garbage and overflow", arguments: [
        "-0.13", "-1", "+-1", "10.001", "10.", ".5", "abc", "", "1,5", "92233720368547758.99", "922337203685477580",
    ])
    func rejects(text: String) {
        #expect {
            try Rate(percent: text)
        } throws: { error in
            (error as? RateError)?.description == "'\(text)' is not a percentage such as 10 or 12.15"
        }
    }

    @Test("prints two decimals, negative included")
    func formats() {
        #expect(Rate(basisPoints: 1_215).percentString == "12.15")
        #expect(Rate(basisPoints: 5).description == "0.05 %")
        #expect(Rate(basisPoints: -88).percentString == "-0.88")
        #expect(Rate(basisPoints: 1_000).percentString == "10.00")
    }

    @Test("adds and scales exactly")
    func arithmetic() {
        #expect(Rate(basisPoints: 215) + Rate(basisPoints: 1_000) == Rate(basisPoints: 1_215))
        #expect(3 * Rate(basisPoints: 371) == Rate(basisPoints: 1_113))
    }
}
