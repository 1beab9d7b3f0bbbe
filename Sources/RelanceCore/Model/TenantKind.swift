/// What a tenant is: a business collecting its own receivables, or a collection agency
/// collecting for several creditors (whose letters must carry the agency's legal mentions).
public enum TenantKind: String, Sendable, Hashable, Codable, CaseIterable {
    case business
    case collectionAgency = "collection_agency"
}
