/// A schedule that cannot be computed from what was given.
public struct EscalationError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate let name: String
        /// The history names a step the policy does not have (planned from another ladder?).
        public static let unknownStep = Code(name: "unknown_step")
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
