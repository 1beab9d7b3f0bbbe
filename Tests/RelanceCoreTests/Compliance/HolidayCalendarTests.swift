import Testing
import RelanceCore
import PropertyBased

@Suite("Easter and French public holidays")
struct HolidayCalendarTests {
    private func day(_ iso: String) -> CalendarDate { try! CalendarDate(iso: iso) }

    @Test("Easter Sunday by the Gregorian computus", arguments: [
        (2024, "2024-03-31"), (2025, "2025-04-20"), (2026, "2026-04-05"), (2019, "2019-04-21"),
        (2000, "2000-04-23"), (1818, "1818-03-22"), (2038, "2038-04-25"), (2285, "2285-03-22"),
        (1943, "1943-04-25"), (2100, "2100-03-28"),
    ])
    func easter(year: Int, expected: String) {
        #expect(EasterComputus.easterSunday(year: year) == day(expected))
    }

    @Test("Easter is always a Sunday between 22 March and 25 April")
    func easterShape() async {
        await propertyCheck(input: Gen.int(in: 1583...4099)) { year in
            let easter = EasterComputus.easterSunday(year: year)
            #expect(easter.isoWeekday == 7)
            #expect(easter >= CalendarDate(year: year, month: 3, day: 22)!)
            #expect(easter <= CalendarDate(year: year, month: 4, day: 25)!)
        }
    }

    @Test("Metropolitan France keeps eleven holidays; 2025 list")
    func national2025() {
        let holidays = HolidayCalendar.metropolitanFrance.holidays(in: 2025)
        #expect(holidays.map(\.date.iso) == [
            "2025-01-01", "2025-04-21", "2025-05-01", "2025-05-08", "2025-05-29", "2025-06-09",
            "2025-07-14", "2025-08-15", "2025-11-01", "2025-11-11", "2025-12-25",
        ])
        #expect(holidays.map(\.holiday) == [
            .newYearsDay, .easterMonday, .labourDay, .victoryInEuropeDay, .ascension, .whitMonday,
            .bastilleDay, .assumption, .allSaints, .armisticeDay, .christmas,
        ])
    }

    @Test("Easter-based holidays move with Easter")
    func movable() {
        #expect(FrenchHoliday.ascension.date(in: 2025) == day("2025-05-29"))
        #expect(FrenchHoliday.whitMonday.date(in: 2025) == day("2025-06-09"))
        #expect(FrenchHoliday.easterMonday.date(in: 2024) == day("2024-04-01"))
        #expect(FrenchHoliday.ascension.date(in: 2024) == day("2024-05-09"))
        #expect(FrenchHoliday.easterMonday.date(in: 2026) == day("2026-04-06"))
        #expect(FrenchHoliday.ascension.date(in: 2026) == day("2026-05-14"))
        #expect(FrenchHoliday.whitMonday.date(in: 2026) == day("2026-05-25"))
    }

    @Test("Alsace-Moselle adds Good Friday and 26 December")
    func alsaceMoselle() {
        let calendar = HolidayCalendar.alsaceMoselle
        #expect(calendar.holidays(in: 2025).count == 13)
        #expect(calendar.holiday(on: day("2025-04-18"))?.holiday == .goodFriday)
        #expect(calendar.holiday(on: day("2025-12-26"))?.holiday == .saintStephen)
        #expect(HolidayCalendar.metropolitanFrance.holiday(on: day("2025-04-18")) == nil)
        #expect(HolidayCalendar.metropolitanFrance.holiday(on: day("2025-12-26")) == nil)
    }

    @Test("A working day is no holiday; names read as people say them")
    func lookup() {
        #expect(HolidayCalendar.metropolitanFrance.holiday(on: day("2025-05-28")) == nil)
        let ascension = HolidayCalendar.metropolitanFrance.holiday(on: day("2025-05-29"))
        #expect(ascension?.description == "Ascension (2025-05-29)")
        #expect(FrenchHoliday.whitMonday.name(in: .fr) == "Lundi de Pentecôte")
        #expect(FrenchHoliday.bastilleDay.name(in: .en) == "Bastille Day")
    }
}
