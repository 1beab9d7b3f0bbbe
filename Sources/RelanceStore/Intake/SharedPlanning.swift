import RelanceCore

/// What the debtors of a group of invoices have in common, so that the group is planned from
/// one personalised ladder (`InvoiceIntake.add(_:sharing:today:batchSize:)`): their kind, time
/// zone, behaviour profile and signals, and the policy that applies to them. For a bulk import
/// of invoices whose debtors are alike — new customers of one creditor, say — where resolving
/// and personalising the policy per invoice would be the same work repeated.
public struct SharedPlanning: Sendable {
    public var debtorKind: DebtorKind
    /// Steps fall due at 08:00 in this zone.
    public var timeZone: TimeZoneID
    /// The policy the invoices are under, with where it came from.
    public var policy: ResolvedPolicy
    public var profile: BehaviourProfile
    public var signals: DebtorSignals
    /// The law the invoices fall under; nil means the French law for `debtorKind`.
    public var jurisdiction: Jurisdiction?

    public init(
        debtorKind: DebtorKind,
        timeZone: TimeZoneID = .paris,
        policy: ResolvedPolicy = ResolvedPolicy(policy: .defaultFrench, source: .builtIn),
        profile: BehaviourProfile,
        signals: DebtorSignals = DebtorSignals(),
        jurisdiction: Jurisdiction? = nil
    ) {
        self.debtorKind = debtorKind
        self.timeZone = timeZone
        self.policy = policy
        self.profile = profile
        self.signals = signals
        self.jurisdiction = jurisdiction
    }
}
