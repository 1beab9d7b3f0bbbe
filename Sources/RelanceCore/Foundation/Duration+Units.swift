import Foundation

extension Duration {
    /// In seconds, as `Date` arithmetic takes them.
    public var timeInterval: TimeInterval {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }

    /// Whole milliseconds (rounded toward zero), as intervals are bound in SQL.
    public var wholeMilliseconds: Int64 {
        components.seconds * 1_000 + components.attoseconds / 1_000_000_000_000_000
    }
}
