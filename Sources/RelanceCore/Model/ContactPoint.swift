/// A way of reaching a debtor that the other end can refuse for good: an email address a relay
/// rejects, a phone number that is not the debtor's.
public enum ContactPoint: String, Sendable, Hashable, Codable, CaseIterable {
    case email
    case phone

    /// The channel whose steps need this contact point.
    public var channel: Channel {
        switch self {
        case .email: .email
        case .phone: .call
        }
    }

    /// The reason a step is skipped with when this contact point is unusable.
    public var skipReason: String { "\(rawValue)_unusable" }
}
