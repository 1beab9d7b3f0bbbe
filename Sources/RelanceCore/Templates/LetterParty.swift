/// A person or company as a message names it: debtor, creditor or collection agency.
public struct LetterParty: Sendable, Hashable, Codable {
    public var name: String
    /// Postal address, one line per element, without the name.
    public var addressLines: [String]
    public var contactName: String?
    public var phone: String?
    public var email: String?

    public init(name: String, addressLines: [String], contactName: String? = nil, phone: String? = nil, email: String? = nil) {
        self.name = name
        self.addressLines = addressLines
        self.contactName = contactName
        self.phone = phone
        self.email = email
    }
}
