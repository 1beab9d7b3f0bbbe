/// One public holiday on one date.
public struct PublicHoliday: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let holiday: FrenchHoliday
    public let date: CalendarDate

    public init(holiday: FrenchHoliday, date: CalendarDate) {
        self.holiday = holiday
        self.date = date
    }

    /// `"Ascension (2025-05-29)"`.
    public var description: String { "\(holiday.name(in: .en)) (\(date.iso))" }

    public static func < (lhs: PublicHoliday, rhs: PublicHoliday) -> Bool { lhs.date < rhs.date }
}
