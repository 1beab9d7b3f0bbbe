/// A money operation that cannot give an exact answer: mixed currencies, overflow, bad text.
public struct MoneyError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate let name: String
        public static let currencyMismatch = Code(name: "currency_mismatch")
        public static let overflow = Code(name: "overflow")
        public static let invalidAmount = Code(name: "invalid_amount")
        public static let invalidCurrency = Code(name: "invalid_currency")
        public var description: String { name }
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
