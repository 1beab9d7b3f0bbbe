/// A schedule that cannot be computed from what was given.
public struct EscalationError: Error, Sendable, Hashable, CustomStringConvertible {
    public typealias Code = ErrorCode<EscalationError>

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

extension ErrorCode where Domain == EscalationError {
    /// The history names a step the policy does not have (planned from another ladder?).
    public static var unknownStep: Self { Self(name: "unknown_step") }
}
