/// A tenant as stored: the domain's `Tenant`, and the agency's legal mentions when it is a
/// collection agency.
public struct TenantRecord: Sendable, Hashable {
    public var tenant: Tenant
    /// Present exactly when `tenant.kind` is `.collectionAgency`.
    public var agencyDetails: AgencyDetails?

    public init(tenant: Tenant, agencyDetails: AgencyDetails? = nil) {
        self.tenant = tenant
        self.agencyDetails = agencyDetails
    }
}
