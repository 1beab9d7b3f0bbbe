/// A money operation that cannot give an exact answer: mixed currencies, overflow, bad text.
public struct MoneyError: Error, Sendable, Hashable, CustomStringConvertible {
    public typealias Code = ErrorCode<MoneyError>

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

extension ErrorCode where Domain == MoneyError {
    public static var currencyMismatch: Self { Self(name: "currency_mismatch") }
    public static var overflow: Self { Self(name: "overflow") }
    public static var invalidAmount: Self { Self(name: "invalid_amount") }
    public static var invalidCurrency: Self { Self(name: "invalid_currency") }
}
