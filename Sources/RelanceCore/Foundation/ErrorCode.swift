/// A stable, machine-readable code for one kind of error (`Domain` is the error type it
/// belongs to, so codes of different errors cannot be mixed up). Its `name` is what logs and
/// API error bodies carry; the error's message is for people.
public struct ErrorCode<Domain>: Sendable, Hashable, CustomStringConvertible {
    public let name: String

    public init(name: String) { self.name = name }

    public var description: String { name }
}
