import Foundation
import Synchronization

/// Local dates and wall-clock times of one time zone, the answers Foundation's calendar gives,
/// at a fraction of its cost on the days that allow it.
///
/// Most days are *steady*: the zone's UTC offset is the same from two days before to two days
/// after. On such a day every wall-clock time exists exactly once, at the day's local midnight
/// plus the time elapsed on the clock, so the calendar is asked once per day (and cached); on
/// the days around an offset change (DST) every answer comes from the calendar itself.
final class ZoneClock: Sendable {
    /// The Gregorian calendar in the zone, for the days that are not steady and for callers.
    let calendar: Calendar
    private let zone: TimeZone
    private let state = Mutex(State())

    private struct State {
        var days: [CalendarDate: Day] = [:]
        /// The offset of the last steady day looked up: the guess for the next instant.
        var lastOffset: Int?
    }

    /// A local day: where it starts, and whether its offset is steady.
    private struct Day {
        /// Seconds since 1970 of local midnight; meaningful only when `steady`.
        let start: Int
        let offset: Int
        let steady: Bool
    }

    /// Days kept per zone before the cache starts over (a batch touches a handful).
    private static let maxDays = 2_048
    /// A transition this close to a day (in days) makes it unsteady: no wall-clock time of a
    /// steady day can then repeat or be skipped, since offsets never differ by 48 hours.
    private static let marginDays = 2

    /// Seconds from 1970 to 2001, Foundation's reference date.
    private static let referenceSince1970 = 978_307_200

    private static func floorDays(_ seconds: Int) -> Int {
        seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    }

    private static let clocks = Mutex<[String: ZoneClock]>([:])

    /// The shared clock of `zone` (one per zone identifier).
    static func of(_ zone: TimeZone) -> ZoneClock {
        clocks.withLock { clocks in
            if let known = clocks[zone.identifier] { return known }
            let clock = ZoneClock(zone)
            if clocks.count >= 512 { clocks.removeAll() }
            clocks[zone.identifier] = clock
            return clock
        }
    }

    init(_ zone: TimeZone) {
        self.zone = zone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        self.calendar = calendar
    }

    /// The local calendar date of `moment`, as `calendar.dateComponents` reads it.
    func localDate(of moment: Date) -> CalendarDate {
        let reference = moment.timeIntervalSinceReferenceDate
        if let offset = state.withLock({ $0.lastOffset }), abs(reference) < 1e12 {
            // The calendar's own arithmetic: the instant shifted by the offset, in whole seconds.
            let local = Int((reference + Double(offset)).rounded(.down)) + Self.referenceSince1970
            let guess = CalendarDate(daysSinceEpoch: Self.floorDays(local))
            let day = self.day(guess)
            // A steady day with this offset: it is the instant's own offset too.
            if day.steady, day.offset == offset { return guess }
        }
        let parts = calendar.dateComponents([.year, .month, .day], from: moment)
        let date = CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
        _ = day(date)  // learns the offset for the next guess
        return date
    }

    /// The instant `time` shows on the zone's clocks on `day`, as `calendar.date(from:)` gives it
    /// (`24:00` is not handled here).
    func moment(_ day: CalendarDate, hour: Int, minute: Int) -> Date {
        let info = self.day(day)
        if info.steady {
            return Date(timeIntervalSince1970: TimeInterval(info.start + hour * 3600 + minute * 60))
        }
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute))!
    }

    private func day(_ date: CalendarDate) -> Day {
        if let known = state.withLock({ $0.days[date] }) { return known }
        let day = measure(date)
        state.withLock { state in
            if state.days.count >= Self.maxDays { state.days.removeAll() }
            state.days[date] = day
            if day.steady { state.lastOffset = day.offset }
        }
        return day
    }

    /// Asks the calendar and the zone once for `date`.
    private func measure(_ date: CalendarDate) -> Day {
        let unsteady = Day(start: 0, offset: 0, steady: false)
        guard let midnight = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: 0, minute: 0)) else {
            return unsteady
        }
        let offset = zone.secondsFromGMT(for: midnight)
        let start = date.daysSinceEpoch * 86_400 - offset
        // The calendar must agree (it would not before the Gregorian reform, for one).
        guard midnight.timeIntervalSince1970 == TimeInterval(start) else { return unsteady }
        let margin = TimeInterval(Self.marginDays * 86_400)
        let from = midnight.addingTimeInterval(-margin)
        let until = midnight.addingTimeInterval(86_400 + margin)
        if let transition = zone.nextDaylightSavingTimeTransition(after: from.addingTimeInterval(-1)), transition <= until {
            return unsteady
        }
        guard zone.secondsFromGMT(for: from) == offset, zone.secondsFromGMT(for: until) == offset else { return unsteady }
        return Day(start: start, offset: offset, steady: true)
    }
}
