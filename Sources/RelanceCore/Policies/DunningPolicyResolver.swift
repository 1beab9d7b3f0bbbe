/// Finds the policy for an invoice: the invoice's own override, else the debtor's, else the
/// creditor's, else the tenant's default, else the built-in French ladder.
public enum DunningPolicyResolver {
    /// Which policy id applies, and from which level; nil means the built-in ladder.
    public static func resolveID(invoice: Invoice, debtor: Debtor, creditor: Creditor, tenant: Tenant) -> (id: DunningPolicyID, source: PolicySource)? {
        if let id = invoice.policyOverride { return (id, .invoice) }
        if let id = debtor.policyOverride { return (id, .debtor) }
        if let id = creditor.policyOverride { return (id, .creditor) }
        if let id = tenant.defaultPolicyId { return (id, .tenant) }
        return nil
    }

    /// The policy that applies, fetched with `lookup` (e.g. the latest version from the store).
    /// A named policy that `lookup` does not know is an error (`policy_not_found`), never a
    /// silent fall-back to another ladder.
    public static func resolve(
        invoice: Invoice,
        debtor: Debtor,
        creditor: Creditor,
        tenant: Tenant,
        lookup: (DunningPolicyID) -> DunningPolicy?
    ) throws(DunningPolicyError) -> ResolvedPolicy {
        guard let (id, source) = resolveID(invoice: invoice, debtor: debtor, creditor: creditor, tenant: tenant) else {
            return ResolvedPolicy(policy: .defaultFrench, source: .builtIn)
        }
        if id == DunningPolicy.defaultFrenchId, lookup(id) == nil {
            return ResolvedPolicy(policy: .defaultFrench, source: source)
        }
        guard let policy = lookup(id) else {
            throw DunningPolicyError(.policyNotFound, "the \(source.rawValue) names dunning policy \(id), which does not exist")
        }
        return ResolvedPolicy(policy: policy, source: source)
    }

    /// The first policy present, in resolution order, when the caller already holds them.
    public static func resolve(
        invoice: DunningPolicy?,
        debtor: DunningPolicy?,
        creditor: DunningPolicy?,
        tenant: DunningPolicy?
    ) -> ResolvedPolicy {
        if let invoice { return ResolvedPolicy(policy: invoice, source: .invoice) }
        if let debtor { return ResolvedPolicy(policy: debtor, source: .debtor) }
        if let creditor { return ResolvedPolicy(policy: creditor, source: .creditor) }
        if let tenant { return ResolvedPolicy(policy: tenant, source: .tenant) }
        return ResolvedPolicy(policy: .defaultFrench, source: .builtIn)
    }
}
