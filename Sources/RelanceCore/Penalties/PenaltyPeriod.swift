/// A run of late days with one annual rate and one interest base.
public struct PenaltyPeriod: Sendable, Hashable {
    /// First day that bears interest in this period.
    public let from: CalendarDate
    /// Last day that bears interest in this period, inclusive.
    public let to: CalendarDate
    /// Number of days from `from` to `to`, both included.
    public let days: Int
    public let annualRate: Rate
    /// The amount interest is computed on; lower after a partial payment.
    public let base: Money
    /// How the rate was obtained, e.g. `ECB MRO 2.15 % in force on 2025-07-01 + 10 points`.
    public let rateBasis: String

    public init(from: CalendarDate, to: CalendarDate, annualRate: Rate, base: Money, rateBasis: String) {
        self.from = from
        self.to = to
        self.days = from.days(until: to) + 1
        self.annualRate = annualRate
        self.base = base
        self.rateBasis = rateBasis
    }
}

extension PenaltyPeriod: Encodable {
    private enum CodingKeys: String, CodingKey {
        case from, to, days, annualRate = "annual_rate", base, rateBasis = "rate_basis"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(from, forKey: .from)
        try container.encode(to, forKey: .to)
        try container.encode(days, forKey: .days)
        try container.encode(annualRate.percentString, forKey: .annualRate)
        try container.encode(base.decimalString, forKey: .base)
        try container.encode(rateBasis, forKey: .rateBasis)
    }
}
