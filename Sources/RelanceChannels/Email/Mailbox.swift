/// An address with an optional display name, as `From`, `To` and `Reply-To` carry it:
/// `Atelier Durand <compta@atelier-durand.example>`.
public struct Mailbox: Sendable, Hashable {
    public var displayName: String?
    public var address: EmailAddress

    public init(_ address: EmailAddress, displayName: String? = nil) {
        self.address = address
        self.displayName = displayName
    }

    /// Checks `address`; the display name may hold any text (it is encoded when written).
    public init(address: String, displayName: String? = nil) throws(EmailAddressError) {
        self.init(try EmailAddress(address), displayName: displayName)
    }
}
