/// A calendar half-year: January–June (S1) or July–December (S2). Rate tables for late-payment
/// interest change on 1 January and 1 July, so delays are split along these.
public struct HalfYear: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    /// 1 for January–June, 2 for July–December.
    public let half: Int

    /// Creates a half-year, or returns nil unless `half` is 1 or 2.
    public init?(year: Int, half: Int) {
        guard half == 1 || half == 2 else { return nil }
        self.year = year
        self.half = half
    }

    /// The half-year `date` falls in.
    public init(containing date: CalendarDate) {
        self.year = date.year
        self.half = date.month <= 6 ? 1 : 2
    }

    /// 1 January or 1 July.
    public var start: CalendarDate { CalendarDate(year: year, month: half == 1 ? 1 : 7, day: 1)! }

    /// 30 June or 31 December, inclusive.
    public var end: CalendarDate { CalendarDate(year: year, month: half == 1 ? 6 : 12, day: half == 1 ? 30 : 31)! }

    public var next: HalfYear { half == 1 ? HalfYear(year: year, half: 2)! : HalfYear(year: year + 1, half: 1)! }

    public var previous: HalfYear { half == 2 ? HalfYear(year: year, half: 1)! : HalfYear(year: year - 1, half: 2)! }

    /// `"2025 S1"` (semestre), the way French and German tables name half-years.
    public var description: String { "\(year) S\(half)" }

    public static func < (lhs: HalfYear, rhs: HalfYear) -> Bool {
        (lhs.year, lhs.half) < (rhs.year, rhs.half)
    }
}
