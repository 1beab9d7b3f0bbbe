/// The debtor of a row, its fields checked and its defaults applied.
public struct ImportDebtor: Sendable, Hashable {
    /// The debtor's external reference: the key it is matched by.
    public var reference: String
    public var name: String
    /// `business` unless the row says otherwise.
    public var kind: DebtorKind
    /// `fr` unless the row says otherwise.
    public var language: Language
    /// Europe/Paris unless the row says otherwise.
    public var timeZone: TimeZoneID
    public var email: String?
    /// As written: digits, spaces, `+`, `-` and parentheses.
    public var phone: String?
    public var postalAddress: PostalAddress?
    /// The French SIREN, its 9 digits without spaces.
    public var siren: String?

    public init(
        reference: String,
        name: String,
        kind: DebtorKind = .business,
        language: Language = .fr,
        timeZone: TimeZoneID = .paris,
        email: String? = nil,
        phone: String? = nil,
        postalAddress: PostalAddress? = nil,
        siren: String? = nil
    ) {
        self.reference = reference
        self.name = name
        self.kind = kind
        self.language = language
        self.timeZone = timeZone
        self.email = email
        self.phone = phone
        self.postalAddress = postalAddress
        self.siren = siren
    }
}
