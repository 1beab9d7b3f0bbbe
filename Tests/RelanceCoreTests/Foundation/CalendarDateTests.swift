import RelanceCore
import Testing

@Suite("CalendarDate")
struct CalendarDateTests {
    @Test("parses YYYY-MM-DD and prints it back", arguments: ["2025-03-01", "2024-02-29", "1970-01-01", "0999-12-31"])
    func roundTrip(text: String) throws {
        #expect(try CalendarDate(iso: text).iso == text)
    }

    @Test("rejects what is not a real date in that form", arguments: [
        "2025-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "2025-3-1", "25-03-01", "2025/03/01", "", "2025-03-01T00:00",
    ])
    func rejects(text: String) {
        #expect {
            try CalendarDate(iso: text)
        } throws: { error in
            (error as? CalendarDateError)?.description == "'\(text)' is not a date in YYYY-MM-DD form"
        }
    }

    @Test("leap years follow the Gregorian rules")
    func leapYears() {
        #expect(CalendarDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2023, month: 2, day: 29) == nil)
    }

    @Test("day arithmetic crosses months, years and leap days")
    func arithmetic() throws {
        let due = try CalendarDate(iso: "2025-03-01")
        #expect(due.adding(days: 20).iso == "2025-03-21")
        #expect(due.adding(days: -1).iso == "2025-02-28")
        #expect(try CalendarDate(iso: "2024-02-28").adding(days: 1).iso == "2024-02-29")
        #expect(try CalendarDate(iso: "2024-12-31").adding(days: 1).iso == "2025-01-01")
        #expect(due.days(until: try CalendarDate(iso: "2025-03-21")) == 20)
        #expect(try CalendarDate(iso: "2024-01-01").days(until: CalendarDate(iso: "2025-01-01")) == 366)
        #expect(try CalendarDate(iso: "2025-03-21").days(until: due) == -20)
        #expect(CalendarDate(daysSinceEpoch: 0).iso == "1970-01-01")
        #expect(CalendarDate(daysSinceEpoch: -1).iso == "1969-12-31")
    }

    @Test("days since the epoch round-trip over centuries")
    func epochRoundTrip() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CalendarDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
    }

    @Test("ISO weekday: 1 Monday … 7 Sunday", arguments: [
        ("1970-01-01", 4), ("2025-03-01", 6), ("2025-03-02", 7), ("2025-03-03", 1), ("1969-12-31", 3), ("2000-01-01", 6),
    ])
    func weekday(text: String, weekday: Int) throws {
        let date = try CalendarDate(iso: text)
        #expect(date.isoWeekday == weekday)
        #expect(date.isWeekend == (weekday >= 6))
    }

    @Test("orders chronologically and knows its half-year start")
    func ordering() throws {
        #expect(try CalendarDate(iso: "2025-01-31") < CalendarDate(iso: "2025-02-01"))
        #expect(try CalendarDate(iso: "2024-12-31") < CalendarDate(iso: "2025-01-01"))
        #expect(try CalendarDate(iso: "2025-08-15").startOfHalfYear.iso == "2025-07-01")
        #expect(try CalendarDate(iso: "2025-06-30").startOfHalfYear.iso == "2025-01-01")
    }
}
