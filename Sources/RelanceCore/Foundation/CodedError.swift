/// An error of one kind, as RelanceCore reports them: an opaque code for programs (logs,
/// API error bodies) and a message for people, which is also its description.
///
/// Each kind is this struct over a caseless `Domain` enum, named by a type alias that carries
/// the kind's documentation, e.g. `typealias MoneyError = CodedError<MoneyErrorDomain>`. Its
/// codes are declared on `ErrorCode where Domain == MoneyError`, so that a code of one kind
/// cannot be given to another: `MoneyError(.overflow, "…")`, `catch let error as MoneyError`.
public struct CodedError<Domain>: Error, Sendable, Hashable, CustomStringConvertible {
    public typealias Code = ErrorCode<CodedError<Domain>>

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
