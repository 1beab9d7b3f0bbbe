/// The legal mentions a collection agency's letters must carry: who it is, where, and the
/// statement of its activity (e.g. its registration and guarantee). Stored as
/// `tenants.agency_details`: `{"name": …, "address": {…}, "statement": …}`.
public struct AgencyDetails: Sendable, Hashable, Codable {
    public var name: String
    public var address: PostalAddress
    public var statement: String
    /// The agency's account where debtors pay the sums it collects (`bank_account`), if set.
    public var bankAccount: BankAccount?

    public init(name: String, address: PostalAddress, statement: String, bankAccount: BankAccount? = nil) {
        self.name = name
        self.address = address
        self.statement = statement
        self.bankAccount = bankAccount
    }
}
