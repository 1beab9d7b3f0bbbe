/// The party money is owed to. A business tenant usually has one creditor (itself); a
/// collection agency has one per client.
public struct Creditor: Sendable, Hashable, Codable, Identifiable {
    public var id: CreditorID
    public var tenantId: TenantID
    public var name: String
    public var address: PostalAddress
    public var legalIdentifiers: LegalIdentifiers?
    /// A policy used for this creditor's invoices unless the debtor or invoice names another.
    public var policyOverride: DunningPolicyID?
    /// The name and Reply-To of the emails sent on its behalf.
    public var sender: SenderSettings?
    /// Where its debtors pay by transfer (printed on letters and emails).
    public var bankAccount: BankAccount?

    public init(
        id: CreditorID = CreditorID(),
        tenantId: TenantID,
        name: String,
        address: PostalAddress,
        legalIdentifiers: LegalIdentifiers? = nil,
        policyOverride: DunningPolicyID? = nil,
        sender: SenderSettings? = nil,
        bankAccount: BankAccount? = nil
    ) {
        self.id = id
        self.tenantId = tenantId
        self.name = name
        self.address = address
        self.legalIdentifiers = legalIdentifiers
        self.policyOverride = policyOverride
        self.sender = sender
        self.bankAccount = bankAccount
    }
}
