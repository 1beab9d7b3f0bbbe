/// How a dispute ends.
public enum DisputeResolution: Sendable, Hashable, Codable {
    /// The debt stands: the ladder resumes for the outstanding amount.
    case resume
    /// The debt is abandoned (the debtor was right, or collecting is not worth it).
    case writeOff(reason: String)
}
