/// A call result an agent gave that cannot be recorded as given (a negative amount, a promise
/// dated in the past, a callback time already gone …).
public typealias CallResultError = CodedError<CallResultErrorDomain>

/// Tags `CallResultError` and its codes (`ErrorCode where Domain == CallResultError`).
public enum CallResultErrorDomain {}

extension ErrorCode where Domain == CallResultError {
    /// The result's values break its rules; the message says which and why.
    public static var invalidResult: Self { Self(name: "invalid_call_result") }
    /// The result's name is not one of `CallResult.Kind`.
    public static var unknownResult: Self { Self(name: "unknown_call_result") }
}
