/// The policy that applies to an invoice, and which level chose it.
public struct ResolvedPolicy: Sendable, Hashable {
    public let policy: DunningPolicy
    public let source: PolicySource

    public init(policy: DunningPolicy, source: PolicySource) {
        self.policy = policy
        self.source = source
    }
}
