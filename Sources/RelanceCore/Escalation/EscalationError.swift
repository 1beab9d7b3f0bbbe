/// A schedule that cannot be computed from what was given.
public typealias EscalationError = CodedError<EscalationErrorDomain>

/// Tags `EscalationError` and its codes (`ErrorCode where Domain == EscalationError`).
public enum EscalationErrorDomain {}

extension ErrorCode where Domain == EscalationError {
    /// The history names a step the policy does not have (planned from another ladder?).
    public static var unknownStep: Self { Self(name: "unknown_step") }
}
