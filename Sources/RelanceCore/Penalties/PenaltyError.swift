/// Why a penalty cannot be computed: the request is wrong, or a rate table does not cover the
/// dates (the engine never guesses a rate that has not been published or recorded).
public struct PenaltyError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate let name: String
        /// The currency is not the one the jurisdiction's law is written in.
        public static let currencyNotAllowed = Code(name: "currency_not_allowed")
        /// A payment in another currency than the invoice.
        public static let currencyMismatch = Code(name: "currency_mismatch")
        /// A principal or payment that is zero or negative.
        public static let invalidAmount = Code(name: "invalid_amount")
        /// Partial payments adding up to more than the principal.
        public static let paymentsExceedAmount = Code(name: "payments_exceed_amount")
        /// A partial payment dated after the settlement or as-of date.
        public static let paymentAfterEnd = Code(name: "payment_after_end")
        /// An option that the chosen jurisdiction does not use (a contract rate outside fr-b2b…).
        public static let optionNotApplicable = Code(name: "option_not_applicable")
        /// A rate table lacks the date or half-year the computation needs.
        public static let rateUnavailable = Code(name: "rate_unavailable")
        /// Amounts too large to compute exactly.
        public static let overflow = Code(name: "overflow")
        public var description: String { name }
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// True when the request itself is at fault, false when the rate tables must be completed.
    public var isInvalidRequest: Bool { code != .rateUnavailable }

    public var description: String { message }
}
