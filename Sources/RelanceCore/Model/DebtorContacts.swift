/// How a debtor can be reached. Each channel needs its own contact: a call step for a debtor
/// with no phone number cannot run.
public struct DebtorContacts: Sendable, Hashable, Codable {
    public var email: String?
    /// E.164 when known, e.g. `+33612345678`.
    public var phone: String?
    public var postalAddress: PostalAddress?

    public init(email: String? = nil, phone: String? = nil, postalAddress: PostalAddress? = nil) {
        self.email = email
        self.phone = phone
        self.postalAddress = postalAddress
    }

    /// Whether a message on `channel` has somewhere to go. Legal filings need the postal
    /// address (the court serves the order there).
    public func canReach(by channel: Channel) -> Bool {
        switch channel {
        case .email: email.map { !$0.isEmpty } ?? false
        case .call: phone.map { !$0.isEmpty } ?? false
        case .letter, .registeredLetter, .legal: postalAddress != nil
        }
    }
}
