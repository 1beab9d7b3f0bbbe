/// An account of Relance: everything else (creditors, debtors, invoices, policies) belongs to one.
public struct Tenant: Sendable, Hashable, Codable, Identifiable {
    public var id: TenantID
    public var name: String
    public var kind: TenantKind
    /// The tenant's default dunning policy; nil means the built-in French ladder
    /// (`DunningPolicy.defaultFrench`).
    public var defaultPolicyId: DunningPolicyID?

    public init(id: TenantID = TenantID(), name: String, kind: TenantKind, defaultPolicyId: DunningPolicyID? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.defaultPolicyId = defaultPolicyId
    }
}
