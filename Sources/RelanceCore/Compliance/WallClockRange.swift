/// A half-open span of local wall-clock time within one day: `[start, end)`.
public struct WallClockRange: Sendable, Hashable, CustomStringConvertible {
    public let start: WallClockTime
    public let end: WallClockTime

    public init?(start: WallClockTime, end: WallClockTime) {
        guard start < end else { return nil }
        self.start = start
        self.end = end
    }

    /// Parses `"09:00-12:00"`.
    public init?(text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let start = WallClockTime(text: parts[0]), let end = WallClockTime(text: parts[1]) else {
            return nil
        }
        self.init(start: start, end: end)
    }

    /// `"09:00–12:00"` (en dash, as shown to people).
    public var description: String { "\(start)–\(end)" }
}
