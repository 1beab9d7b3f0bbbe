/// When a channel may reach a debtor: which weekdays, which local hours, and whether public
/// holidays are closed. Hours are read on the debtor's wall clock, in the debtor's time zone.
public struct ContactWindow: Sendable, Hashable, CustomStringConvertible {
    public let days: Set<ContactWeekday>
    /// Sorted, non-overlapping ranges.
    public let hours: [WallClockRange]
    public let excludesPublicHolidays: Bool
    /// `"09:00–12:00/14:00–19:00"`: written once, since every deferral for quiet hours names it.
    public let hoursDescription: String

    /// Throws when there is no day or no hour, or when ranges overlap.
    public init(days: Set<ContactWeekday>, hours: [WallClockRange], excludesPublicHolidays: Bool) throws(ComplianceError) {
        guard !days.isEmpty else { throw ComplianceError(.invalidRules, "a contact window needs at least one day") }
        guard !hours.isEmpty else { throw ComplianceError(.invalidRules, "a contact window needs at least one range of hours") }
        let sorted = hours.sorted { $0.start < $1.start }
        for (earlier, later) in zip(sorted, sorted.dropFirst()) where later.start < earlier.end {
            throw ComplianceError(.invalidRules, "contact hours \(earlier) and \(later) overlap")
        }
        self.days = days
        self.hours = sorted
        self.excludesPublicHolidays = excludesPublicHolidays
        self.hoursDescription = sorted.map(\.description).joined(separator: "/")
    }

    /// True when the window is open all day long (letters, dossiers).
    public var isAllDay: Bool {
        hours.count == 1 && hours[0].start.minutesSinceMidnight == 0 && hours[0].end.minutesSinceMidnight == 1440
    }

    /// `"mon,tue,wed,thu,fri 09:00–12:00/14:00–19:00, closed on public holidays"`.
    public var description: String {
        let dayList = days.sorted().map(\.rawValue).joined(separator: ",")
        return "\(dayList) \(hoursDescription)\(excludesPublicHolidays ? ", closed on public holidays" : "")"
    }
}
