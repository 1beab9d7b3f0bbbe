import Foundation
import RelanceCore
import Testing

@Suite("Calendar dates and moments in a time zone")
struct CalendarDateMomentTests {
    let paris = TimeZone(identifier: "Europe/Paris")!

    @Test("08:00 in Paris is 07:00 UTC in winter and 06:00 UTC in summer")
    func morningInParis() throws {
        let winter = try CalendarDate(iso: "2026-03-28").moment(hour: 8, in: paris)
        let summer = try CalendarDate(iso: "2026-03-29").moment(hour: 8, in: paris)
        #expect(winter == Date(timeIntervalSince1970: 1_774_681_200)) // 2026-03-28T07:00:00Z
        #expect(summer == Date(timeIntervalSince1970: 1_774_764_000)) // 2026-03-29T06:00:00Z
    }

    @Test("The date of a moment depends on the zone: 23:30 UTC is already tomorrow in Paris")
    func dateOfMoment() throws {
        let lateEvening = Date(timeIntervalSince1970: 1_780_011_000) // 2026-05-28T23:30:00Z
        #expect(CalendarDate(lateEvening, in: TimeZone(identifier: "UTC")!) == (try CalendarDate(iso: "2026-05-28")))
        #expect(CalendarDate(lateEvening, in: paris) == (try CalendarDate(iso: "2026-05-29")))
    }
}
