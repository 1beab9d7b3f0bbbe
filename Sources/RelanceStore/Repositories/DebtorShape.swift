import RelanceCore

/// What the invoices of a uniform bulk load have in common, so they are personalised once:
/// their debtors' kind, time zone, behaviour and signals, and the policy that applies to them.
/// The caller vouches that every invoice's debtor fits it (the benchmark's seeded debtors do).
public struct DebtorShape: Sendable {
    public var kind: DebtorKind
    /// IANA identifier, e.g. `Europe/Paris`: steps fall due at 08:00 there.
    public var timeZone: String
    public var profile: BehaviourProfile
    public var signals: DebtorSignals
    public var policy: ResolvedPolicy

    public init(
        kind: DebtorKind,
        timeZone: String = "Europe/Paris",
        profile: BehaviourProfile,
        signals: DebtorSignals = DebtorSignals(),
        policy: ResolvedPolicy = ResolvedPolicy(policy: .defaultFrench, source: .builtIn)
    ) {
        self.kind = kind
        self.timeZone = timeZone
        self.profile = profile
        self.signals = signals
        self.policy = policy
    }
}
