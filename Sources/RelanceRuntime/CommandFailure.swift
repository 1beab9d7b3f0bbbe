/// A command that failed for a reason the user can act on: the message is printed as is,
/// and the process exits with status 1.
public struct CommandFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ message: String) { self.description = message }
}
