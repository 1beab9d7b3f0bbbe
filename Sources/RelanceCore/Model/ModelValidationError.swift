/// A domain record that cannot exist as given: a due date before the issue date, an unknown
/// time zone, an outstanding amount larger than the invoice.
public typealias ModelValidationError = CodedError<ModelValidationErrorDomain>

/// Tags `ModelValidationError` and its codes (`ErrorCode where Domain == ModelValidationError`).
public enum ModelValidationErrorDomain {}

extension ErrorCode where Domain == ModelValidationError {
    public static var invalidTimeZone: Self { Self(name: "invalid_time_zone") }
    public static var emptyName: Self { Self(name: "empty_name") }
    public static var dueBeforeIssue: Self { Self(name: "due_before_issue") }
    public static var nonPositiveAmount: Self { Self(name: "non_positive_amount") }
    public static var invalidOutstanding: Self { Self(name: "invalid_outstanding") }
    public static var currencyMismatch: Self { Self(name: "currency_mismatch") }
    public static var stateMismatch: Self { Self(name: "state_mismatch") }
    public static var invalidIBAN: Self { Self(name: "invalid_iban") }
    public static var invalidBIC: Self { Self(name: "invalid_bic") }
    public static var invalidRelay: Self { Self(name: "invalid_relay") }
}
