/// The legal mentions a collection agency's letters must carry: who it is, where, and the
/// statement of its activity (e.g. its registration and guarantee). Stored as
/// `tenants.agency_details`: `{"name": …, "address": {…}, "statement": …}`.
public struct AgencyDetails: Sendable, Hashable, Codable {
    public var name: String
    public var address: PostalAddress
    public var statement: String

    public init(name: String, address: PostalAddress, statement: String) {
        self.name = name
        self.address = address
        self.statement = statement
    }
}
