/// What the broker did with one published message.
public enum PublishOutcome: Sendable, Hashable {
    /// The broker took responsibility for the message (for a persistent message to a
    /// durable queue: it is on disk, or replicated for a quorum queue).
    case confirmed
    /// A mandatory message that no queue received, with the broker's reason
    /// (usually 312 NO_ROUTE).
    case returned(replyCode: UInt16, replyText: String)
    /// The broker refused the message (for example a full queue with
    /// `x-overflow: reject-publish`). Publishing it again later may succeed.
    case nacked

    /// True for ``confirmed``.
    public var isConfirmed: Bool { self == .confirmed }
}
