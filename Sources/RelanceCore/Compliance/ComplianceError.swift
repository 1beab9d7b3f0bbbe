/// A compliance rule set that cannot be read, or a question it cannot answer.
public typealias ComplianceError = CodedError<ComplianceErrorDomain>

/// Tags `ComplianceError` and its codes (`ErrorCode where Domain == ComplianceError`).
public enum ComplianceErrorDomain {}

extension ErrorCode where Domain == ComplianceError {
    /// The rule text is not valid JSON or breaks a rule of its format.
    public static var invalidRules: Self { Self(name: "invalid_rules") }
    /// The debtor's time zone is not a known IANA identifier.
    public static var unknownTimeZone: Self { Self(name: "unknown_time_zone") }
    /// The debtor's holiday region is not in the rule set.
    public static var unknownRegion: Self { Self(name: "unknown_region") }
    /// No allowed moment exists within the search horizon.
    public static var noAllowedMoment: Self { Self(name: "no_allowed_moment") }
}
