/// An annual interest rate in hundredths of a percentage point (basis points):
/// 12.15 % is 1215. Exact for every published rate; no floating point.
public struct Rate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let basisPoints: Int

    public init(basisPoints: Int) { self.basisPoints = basisPoints }

    /// Parses a percentage such as `"10"`, `"12.15"`, `"7.5"`; more than two decimals, a sign or a
    /// value too large for `Int` basis points is an error.
    public init(percent text: String) throws(RateError) {
        let trimmed = text.trimmedWhitespace
        // A sign is rejected outright: Int("-0") is 0, so "-0.13" would otherwise read as +0.13.
        guard let first = trimmed.first, first.isASCII, first.isNumber else { throw RateError(text: text) }
        let parts = trimmed.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = Int(parts[0]), whole >= 0 else { throw RateError(text: text) }
        var hundredths = 0
        if parts.count == 2 {
            let f = parts[1]
            guard (1...2).contains(f.count), f.allSatisfy({ $0.isASCII && $0.isNumber }), let v = Int(f) else {
                throw RateError(text: text)
            }
            hundredths = f.count == 1 ? v * 10 : v
        }
        let (scaled, o1) = whole.multipliedReportingOverflow(by: 100)
        let (total, o2) = scaled.addingReportingOverflow(hundredths)
        guard !o1, !o2 else { throw RateError(text: text) }
        self.basisPoints = total
    }

    public static func + (lhs: Rate, rhs: Rate) -> Rate { Rate(basisPoints: lhs.basisPoints + rhs.basisPoints) }
    public static func * (lhs: Int, rhs: Rate) -> Rate { Rate(basisPoints: lhs * rhs.basisPoints) }
    public static func < (lhs: Rate, rhs: Rate) -> Bool { lhs.basisPoints < rhs.basisPoints }

    /// `"12.15"`: the percentage with two decimals.
    public var percentString: String {
        let sign = basisPoints < 0 ? "-" : ""
        let m = abs(basisPoints)
        let f = m % 100
        return "\(sign)\(m / 100).\(f < 10 ? "0" : "")\(f)"
    }

    public var description: String { "\(percentString) %" }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            try self.init(percent: text)
        } else {
            self.init(basisPoints: try container.decode(Int.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(percentString)
    }
}

public struct RateError: Error, Sendable, Hashable, CustomStringConvertible {
    public let text: String
    public var description: String { "'\(text)' is not a percentage such as 10 or 12.15" }
}
