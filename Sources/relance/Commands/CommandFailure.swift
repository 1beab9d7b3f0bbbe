import ArgumentParser

/// A command that failed for a reason the user can act on: the message is printed as is,
/// and the process exits with status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { self.description = message }
}
