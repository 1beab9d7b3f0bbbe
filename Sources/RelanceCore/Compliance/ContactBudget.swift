/// How many contacts a debtor may receive over a rolling number of days, across channels and
/// optionally per channel.
public struct ContactBudget: Sendable, Hashable {
    /// Length of the rolling window, in calendar days of the debtor's time zone.
    public let rollingDays: Int
    /// At most this many contacts on `countedChannels` within any rolling window.
    public let maxContacts: Int
    /// Optional caps for single channels (these count that channel alone).
    public let maxPerChannel: [Channel: Int]
    /// Channels that count toward `maxContacts`; a court filing is not a contact with the debtor.
    public let countedChannels: Set<Channel>

    public init(
        rollingDays: Int,
        maxContacts: Int,
        maxPerChannel: [Channel: Int] = [:],
        countedChannels: Set<Channel>
    ) throws(ComplianceError) {
        guard rollingDays >= 1 else { throw ComplianceError(.invalidRules, "the contact budget needs rollingDays >= 1") }
        guard maxContacts >= 1 else { throw ComplianceError(.invalidRules, "the contact budget needs maxContacts >= 1") }
        for (channel, cap) in maxPerChannel where cap < 1 {
            throw ComplianceError(.invalidRules, "the \(channel) cap must be at least 1")
        }
        self.rollingDays = rollingDays
        self.maxContacts = maxContacts
        self.maxPerChannel = maxPerChannel
        self.countedChannels = countedChannels
    }
}
