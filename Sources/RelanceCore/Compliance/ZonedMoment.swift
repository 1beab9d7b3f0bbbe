import Foundation

/// An instant together with the time zone it is read in: every moment Relance shows or
/// compares carries its zone explicitly.
public struct ZonedMoment: Sendable, Hashable, CustomStringConvertible {
    public let date: Date
    public let timeZone: TimeZone

    public init(date: Date, timeZone: TimeZone) {
        self.date = date
        self.timeZone = timeZone
    }

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// The local calendar day.
    public var localDate: CalendarDate {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// The local wall-clock time, to the minute.
    public var localTime: WallClockTime {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return WallClockTime(hour: parts.hour!, minute: parts.minute!)!
    }

    /// The local weekday.
    public var weekday: ContactWeekday { ContactWeekday(localDate) }

    /// ISO 8601 with the local offset, seconds only when not zero: `2025-06-03T09:00+02:00`.
    public var iso8601: String {
        let parts = calendar.dateComponents([.hour, .minute, .second], from: date)
        let offset = timeZone.secondsFromGMT(for: date)
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var text = "\(localDate.iso)T\(two(parts.hour!)):\(two(parts.minute!))"
        if parts.second! != 0 { text += ":\(two(parts.second!))" }
        return text + "\(sign)\(two(magnitude / 3600)):\(two(magnitude % 3600 / 60))"
    }

    /// `2025-06-03T09:00+02:00 Europe/Paris`.
    public var description: String { "\(iso8601) \(timeZone.identifier)" }
}
