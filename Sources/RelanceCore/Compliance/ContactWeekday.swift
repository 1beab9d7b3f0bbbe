/// A day of the week, as written in rule files (`"mon"` … `"sun"`).
public enum ContactWeekday: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case monday = "mon"
    case tuesday = "tue"
    case wednesday = "wed"
    case thursday = "thu"
    case friday = "fri"
    case saturday = "sat"
    case sunday = "sun"

    /// ISO number: 1 = Monday … 7 = Sunday.
    public var isoNumber: Int { Self.allCases.firstIndex(of: self)! + 1 }

    /// The weekday of a calendar date.
    public init(_ date: CalendarDate) {
        self = Self.allCases[date.isoWeekday - 1]
    }

    public var isWeekend: Bool { self == .saturday || self == .sunday }

    /// English name, for reasons shown to operators.
    public var englishName: String {
        switch self {
        case .monday: "Monday"
        case .tuesday: "Tuesday"
        case .wednesday: "Wednesday"
        case .thursday: "Thursday"
        case .friday: "Friday"
        case .saturday: "Saturday"
        case .sunday: "Sunday"
        }
    }

    public static func < (lhs: ContactWeekday, rhs: ContactWeekday) -> Bool { lhs.isoNumber < rhs.isoNumber }
}
