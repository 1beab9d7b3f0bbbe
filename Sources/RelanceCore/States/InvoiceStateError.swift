/// A state change that is not allowed: a transition from the wrong state, or one whose
/// arguments make no sense (a payment larger than what is owed, a plan that does not add up).
public struct InvoiceStateError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate let name: String
        /// The transition is not allowed from the invoice's current state.
        public static let illegalTransition = Code(name: "illegal_transition")
        /// A time-based transition (broken promise, missed installment) whose time has not come.
        public static let notYetDue = Code(name: "not_yet_due")
        public static let wrongInvoice = Code(name: "wrong_invoice")
        public static let currencyMismatch = Code(name: "currency_mismatch")
        public static let nonPositiveAmount = Code(name: "non_positive_amount")
        public static let overpayment = Code(name: "overpayment")
        public static let dateBeforeIssue = Code(name: "date_before_issue")
        public static let emptyReason = Code(name: "empty_reason")
        public static let invalidDate = Code(name: "invalid_date")
        public static let invalidPlan = Code(name: "invalid_plan")
        public static let planDoesNotMatchOutstanding = Code(name: "plan_does_not_match_outstanding")
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
