/// A state change that is not allowed: a transition from the wrong state, or one whose
/// arguments make no sense (a payment larger than what is owed, a plan that does not add up).
public typealias InvoiceStateError = CodedError<InvoiceStateErrorDomain>

/// Tags `InvoiceStateError` and its codes (`ErrorCode where Domain == InvoiceStateError`).
public enum InvoiceStateErrorDomain {}

extension ErrorCode where Domain == InvoiceStateError {
    /// The transition is not allowed from the invoice's current state.
    public static var illegalTransition: Self { Self(name: "illegal_transition") }
    /// A time-based transition (broken promise, missed installment) whose time has not come.
    public static var notYetDue: Self { Self(name: "not_yet_due") }
    public static var wrongInvoice: Self { Self(name: "wrong_invoice") }
    public static var currencyMismatch: Self { Self(name: "currency_mismatch") }
    public static var nonPositiveAmount: Self { Self(name: "non_positive_amount") }
    public static var overpayment: Self { Self(name: "overpayment") }
    public static var dateBeforeIssue: Self { Self(name: "date_before_issue") }
    public static var emptyReason: Self { Self(name: "empty_reason") }
    public static var invalidDate: Self { Self(name: "invalid_date") }
    public static var invalidPlan: Self { Self(name: "invalid_plan") }
    public static var planDoesNotMatchOutstanding: Self { Self(name: "plan_does_not_match_outstanding") }
}
