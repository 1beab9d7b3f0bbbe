import Foundation

/// A contact already made with a debtor (or already committed to a queue): what counts
/// against the contact budget.
public struct ContactAttempt: Sendable, Hashable {
    public let at: Date
    public let channel: Channel

    public init(at: Date, channel: Channel) {
        self.at = at
        self.channel = channel
    }
}
