/// An amount of money: a whole number of minor units (cents) in one currency.
///
/// Arithmetic throws rather than overflow or mix currencies; there is no floating point.
public struct Money: Sendable, Hashable, Codable, CustomStringConvertible {
    public let minorUnits: Int64
    public let currency: Currency

    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    public static func zero(_ currency: Currency) -> Money {
        Money(minorUnits: 0, currency: currency)
    }

    /// Parses a decimal amount such as `"3000"`, `"3000.5"`, `"-12.34"` in `currency`.
    /// More decimals than the currency has is an error, never a silent rounding.
    public init(decimal text: String, currency: Currency) throws(MoneyError) {
        var digits = text.trimmedWhitespace
        var negative = false
        if digits.first == "-" || digits.first == "+" {
            negative = digits.first == "-"
            digits = digits.dropFirst()
        }
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        let fraction = parts.count > 1 ? parts[1] : ""
        guard !whole.isEmpty || !fraction.isEmpty,
              whole.allSatisfy({ $0.isASCII && $0.isNumber }),
              fraction.allSatisfy({ $0.isASCII && $0.isNumber }),
              !(parts.count > 1 && fraction.isEmpty)
        else {
            throw MoneyError(.invalidAmount, "'\(text)' is not a decimal amount")
        }
        guard fraction.count <= currency.minorUnitDigits else {
            throw MoneyError(
                .invalidAmount,
                "'\(text)' has more than \(currency.minorUnitDigits) decimals for \(currency.code)"
            )
        }
        let paddedFraction = fraction + String(repeating: "0", count: currency.minorUnitDigits - fraction.count)
        guard let units = Int64(whole.isEmpty ? "0" : String(whole)),
              let minor = Int64(paddedFraction.isEmpty ? "0" : paddedFraction)
        else {
            throw MoneyError(.overflow, "'\(text)' is too large")
        }
        let (scaled, o1) = units.multipliedReportingOverflow(by: currency.minorUnitsPerMajor)
        let (total, o2) = scaled.addingReportingOverflow(minor)
        guard !o1, !o2 else { throw MoneyError(.overflow, "'\(text)' is too large") }
        self.init(minorUnits: negative ? -total : total, currency: currency)
    }

    /// The amount as a plain decimal string with the currency's digits: `"56.44"`, `"-0.05"`.
    public var decimalString: String {
        let per = currency.minorUnitsPerMajor
        let magnitude = minorUnits.magnitude
        let whole = magnitude / UInt64(per)
        let fraction = magnitude % UInt64(per)
        let sign = minorUnits < 0 ? "-" : ""
        guard currency.minorUnitDigits > 0 else { return "\(sign)\(whole)" }
        let fractionText = String(fraction)
        let padded = String(repeating: "0", count: currency.minorUnitDigits - fractionText.count) + fractionText
        return "\(sign)\(whole).\(padded)"
    }

    public var description: String { "\(decimalString) \(currency.code)" }

    public var isZero: Bool { minorUnits == 0 }
    public var isNegative: Bool { minorUnits < 0 }
    public var isPositive: Bool { minorUnits > 0 }

    public func adding(_ other: Money) throws(MoneyError) -> Money {
        try sameCurrency(other)
        let (sum, overflow) = minorUnits.addingReportingOverflow(other.minorUnits)
        guard !overflow else { throw MoneyError(.overflow, "\(self) + \(other) overflows") }
        return Money(minorUnits: sum, currency: currency)
    }

    public func subtracting(_ other: Money) throws(MoneyError) -> Money {
        try sameCurrency(other)
        let (difference, overflow) = minorUnits.subtractingReportingOverflow(other.minorUnits)
        guard !overflow else { throw MoneyError(.overflow, "\(self) - \(other) overflows") }
        return Money(minorUnits: difference, currency: currency)
    }

    public func multiplied(by factor: Int64) throws(MoneyError) -> Money {
        let (product, overflow) = minorUnits.multipliedReportingOverflow(by: factor)
        guard !overflow else { throw MoneyError(.overflow, "\(self) × \(factor) overflows") }
        return Money(minorUnits: product, currency: currency)
    }

    /// Compares two amounts of the same currency; throws when the currencies differ.
    public func compare(_ other: Money) throws(MoneyError) -> Int {
        try sameCurrency(other)
        return minorUnits < other.minorUnits ? -1 : (minorUnits == other.minorUnits ? 0 : 1)
    }

    /// Sums amounts that must all be in `currency`.
    public static func sum(_ amounts: some Sequence<Money>, currency: Currency) throws(MoneyError) -> Money {
        var total = Money.zero(currency)
        for amount in amounts { total = try total.adding(amount) }
        return total
    }

    private func sameCurrency(_ other: Money) throws(MoneyError) {
        guard currency == other.currency else {
            throw MoneyError(.currencyMismatch, "cannot combine \(currency.code) and \(other.currency.code)")
        }
    }
}
