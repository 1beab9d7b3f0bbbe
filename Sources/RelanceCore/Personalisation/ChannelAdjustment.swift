/// A change personalisation made to the ladder's channels, and why.
public struct ChannelAdjustment: Sendable, Hashable {
    public enum Change: Sendable, Hashable {
        /// The policy's first call after the due date was brought forward.
        case callMoved(fromOffsetDays: Int, toOffsetDays: Int)
        /// The policy had no call after the due date; one was added.
        case callInserted(offsetDays: Int)
    }

    public let change: Change
    public let reason: String

    public init(change: Change, reason: String) {
        self.change = change
        self.reason = reason
    }
}
