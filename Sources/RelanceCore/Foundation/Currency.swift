/// An ISO 4217 currency, with the number of digits of its minor unit.
public struct Currency: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Three upper-case letters, e.g. `EUR`.
    public let code: String
    /// Digits after the decimal point: 2 for EUR, 0 for JPY, 3 for KWD.
    public let minorUnitDigits: Int

    public static let eur = Currency(validCode: "EUR", minorUnitDigits: 2)
    public static let gbp = Currency(validCode: "GBP", minorUnitDigits: 2)
    public static let usd = Currency(validCode: "USD", minorUnitDigits: 2)
    public static let chf = Currency(validCode: "CHF", minorUnitDigits: 2)

    /// Currencies whose minor unit is not two digits.
    private static let unusualExponents: [String: Int] = [
        "JPY": 0, "KRW": 0, "ISK": 0, "CLP": 0, "XOF": 0, "XAF": 0, "XPF": 0, "VND": 0,
        "BHD": 3, "KWD": 3, "OMR": 3, "JOD": 3, "TND": 3, "LYD": 3, "IQD": 3,
    ]

    private init(validCode: String, minorUnitDigits: Int) {
        self.code = validCode
        self.minorUnitDigits = minorUnitDigits
    }

    /// Parses an ISO 4217 code (`"EUR"`, `"eur"`); throws for anything that is not three letters.
    public init(code: String) throws(MoneyError) {
        let upper = code.uppercased()
        guard upper.count == 3, upper.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw MoneyError(.invalidCurrency, "'\(code)' is not an ISO 4217 currency code")
        }
        self.init(validCode: upper, minorUnitDigits: Self.unusualExponents[upper] ?? 2)
    }

    /// 10^minorUnitDigits: how many minor units make one major unit.
    public var minorUnitsPerMajor: Int64 {
        var result: Int64 = 1
        for _ in 0..<minorUnitDigits { result *= 10 }
        return result
    }

    public var description: String { code }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        try self.init(code: container.decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
