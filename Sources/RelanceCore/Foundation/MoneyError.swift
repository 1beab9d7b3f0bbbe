/// A money operation that cannot give an exact answer: mixed currencies, overflow, bad text.
public typealias MoneyError = CodedError<MoneyErrorDomain>

/// Tags `MoneyError` and its codes (`ErrorCode where Domain == MoneyError`).
public enum MoneyErrorDomain {}

extension ErrorCode where Domain == MoneyError {
    public static var currencyMismatch: Self { Self(name: "currency_mismatch") }
    public static var overflow: Self { Self(name: "overflow") }
    public static var invalidAmount: Self { Self(name: "invalid_amount") }
    public static var invalidCurrency: Self { Self(name: "invalid_currency") }
}
