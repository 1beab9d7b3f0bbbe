/// How a reminder reaches the debtor. The raw values are the ones stored in the database
/// and carried in queue messages.
public enum Channel: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case email
    case call
    case letter
    case registeredLetter = "registered_letter"
    case legal

    /// The queue a job for this channel travels on: registered letters share the letter queue.
    public var queueChannel: Channel { self == .registeredLetter ? .letter : self }

    /// True for channels that reach a person in real time and so obey contact windows.
    public var isRealTime: Bool { self == .call }

    public var description: String { rawValue }
}

/// Whether a debtor is a business or a consumer: it decides which law applies.
public enum DebtorKind: String, Sendable, Hashable, Codable, CaseIterable {
    case business
    case consumer
}

/// The register of a message.
public enum Tone: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case courteous
    case neutral
    case firm

    private var rank: Int {
        switch self {
        case .courteous: 0
        case .neutral: 1
        case .firm: 2
        }
    }

    public static func < (lhs: Tone, rhs: Tone) -> Bool { lhs.rank < rhs.rank }
}

/// The languages templates are shipped in.
public enum Language: String, Sendable, Hashable, Codable, CaseIterable {
    case fr
    case en
}
