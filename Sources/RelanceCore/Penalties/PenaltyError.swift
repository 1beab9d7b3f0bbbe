/// Why a penalty cannot be computed: the request is wrong, or a rate table does not cover the
/// dates (the engine never guesses a rate that has not been published or recorded).
public typealias PenaltyError = CodedError<PenaltyErrorDomain>

/// Tags `PenaltyError` and its codes (`ErrorCode where Domain == PenaltyError`).
public enum PenaltyErrorDomain {}

extension PenaltyError {
    /// True when the request itself is at fault, false when the rate tables must be completed.
    public var isInvalidRequest: Bool { code != .rateUnavailable }
}

extension ErrorCode where Domain == PenaltyError {
    /// The currency is not the one the jurisdiction's law is written in.
    public static var currencyNotAllowed: Self { Self(name: "currency_not_allowed") }
    /// A payment in another currency than the invoice.
    public static var currencyMismatch: Self { Self(name: "currency_mismatch") }
    /// A principal or payment that is zero or negative.
    public static var invalidAmount: Self { Self(name: "invalid_amount") }
    /// Partial payments adding up to more than the principal.
    public static var paymentsExceedAmount: Self { Self(name: "payments_exceed_amount") }
    /// A partial payment dated after the settlement or as-of date.
    public static var paymentAfterEnd: Self { Self(name: "payment_after_end") }
    /// An option that the chosen jurisdiction does not use (a contract rate outside fr-b2b…).
    public static var optionNotApplicable: Self { Self(name: "option_not_applicable") }
    /// A rate table lacks the date or half-year the computation needs.
    public static var rateUnavailable: Self { Self(name: "rate_unavailable") }
    /// Amounts too large to compute exactly.
    public static var overflow: Self { Self(name: "overflow") }
}
