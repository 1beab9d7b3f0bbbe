import RelanceCore
import Testing

@Suite("Half-years")
struct HalfYearTests {
    typealias F = PenaltyFixtures

    @Test("a date belongs to S1 through 30 June and to S2 from 1 July")
    func containing() {
        #expect(HalfYear(containing: F.date("2025-06-30")).description == "2025 S1")
        #expect(HalfYear(containing: F.date("2025-07-01")).description == "2025 S2")
        #expect(HalfYear(containing: F.date("2024-12-31")) == HalfYear(year: 2024, half: 2))
    }

    @Test("bounds and neighbours")
    func bounds() throws {
        let s2 = try #require(HalfYear(year: 2025, half: 2))
        #expect(s2.start == F.date("2025-07-01"))
        #expect(s2.end == F.date("2025-12-31"))
        #expect(s2.next == HalfYear(year: 2026, half: 1))
        #expect(s2.previous == HalfYear(year: 2025, half: 1))
        #expect(s2.next.previous == s2)
        #expect(HalfYear(year: 2025, half: 1)! < s2)
        #expect(HalfYear(year: 2025, half: 3) == nil)
    }
}
