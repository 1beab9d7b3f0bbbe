/// A domain record that cannot exist as given: a due date before the issue date, an unknown
/// time zone, an outstanding amount larger than the invoice.
public struct ModelValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate let name: String
        public static let invalidTimeZone = Code(name: "invalid_time_zone")
        public static let emptyName = Code(name: "empty_name")
        public static let dueBeforeIssue = Code(name: "due_before_issue")
        public static let nonPositiveAmount = Code(name: "non_positive_amount")
        public static let invalidOutstanding = Code(name: "invalid_outstanding")
        public static let currencyMismatch = Code(name: "currency_mismatch")
        public static let stateMismatch = Code(name: "state_mismatch")
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
