/// The kind of payer a debtor has shown itself to be; it drives tone and channel choices.
public enum PayerSegment: String, Sendable, Hashable, Codable, CaseIterable {
    /// Too little history to judge: the policy is applied as written.
    case new
    /// Pays on time: a late invoice is probably an oversight or a passing problem.
    case reliable
    /// Used to pay on time, now pays much later: something changed, a person should ask.
    case deteriorating
    /// Neither reliable nor chronically late: the policy as written.
    case ordinary
    /// Habitually late: firmer wording, sooner.
    case chronicLate = "chronic_late"
}
