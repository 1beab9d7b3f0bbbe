import Foundation

/// The party that owes money: a business or a consumer, with the language and time zone its
/// messages and calls must respect.
public struct Debtor: Sendable, Hashable, Codable, Identifiable {
    public let id: DebtorID
    public let tenantId: TenantID
    public let creditorId: CreditorID
    public let name: String
    public let kind: DebtorKind
    public let language: Language
    /// Where the debtor is: quiet hours, due hours and "today" are local to it.
    public let timeZone: TimeZoneID
    public let contacts: DebtorContacts
    /// A policy used for this debtor's invoices unless an invoice names another.
    public let policyOverride: DunningPolicyID?

    /// Creates a debtor; throws when the name is blank or the time zone (an IANA name) is unknown.
    public init(
        id: DebtorID = DebtorID(),
        tenantId: TenantID,
        creditorId: CreditorID,
        name: String,
        kind: DebtorKind,
        language: Language,
        timeZone: String,
        contacts: DebtorContacts = DebtorContacts(),
        policyOverride: DunningPolicyID? = nil
    ) throws(ModelValidationError) {
        guard !name.trimmedWhitespace.isEmpty else {
            throw ModelValidationError(.emptyName, "a debtor needs a name")
        }
        self.id = id
        self.tenantId = tenantId
        self.creditorId = creditorId
        self.name = name
        self.kind = kind
        self.language = language
        self.timeZone = try TimeZoneID(timeZone)
        self.contacts = contacts
        self.policyOverride = policyOverride
    }

    private enum CodingKeys: String, CodingKey {
        case id, tenantId, creditorId, name, kind, language, timeZone, contacts, policyOverride
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            id: c.decode(DebtorID.self, forKey: .id),
            tenantId: c.decode(TenantID.self, forKey: .tenantId),
            creditorId: c.decode(CreditorID.self, forKey: .creditorId),
            name: c.decode(String.self, forKey: .name),
            kind: c.decode(DebtorKind.self, forKey: .kind),
            language: c.decode(Language.self, forKey: .language),
            timeZone: c.decode(String.self, forKey: .timeZone),
            contacts: c.decodeIfPresent(DebtorContacts.self, forKey: .contacts) ?? DebtorContacts(),
            policyOverride: c.decodeIfPresent(DunningPolicyID.self, forKey: .policyOverride)
        )
    }
}
