/// A person stopped the ladder for a while: a negotiation under way, a hospitalised debtor,
/// a pending credit note.
public struct ManualPause: Sendable, Hashable, Codable {
    public let pausedOn: CalendarDate
    /// Who paused it (an operator's name or id), for the audit trail.
    public let pausedBy: String
    public let reason: String
    /// The first day the ladder runs again by itself; nil means until someone resumes it.
    public let resumesOn: CalendarDate?

    public init(pausedOn: CalendarDate, pausedBy: String, reason: String, resumesOn: CalendarDate?) {
        self.pausedOn = pausedOn
        self.pausedBy = pausedBy
        self.reason = reason
        self.resumesOn = resumesOn
    }
}
