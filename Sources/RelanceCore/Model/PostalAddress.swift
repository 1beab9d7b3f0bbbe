/// A postal address as it is printed on an envelope.
public struct PostalAddress: Sendable, Hashable, Codable {
    /// Street lines, in order (name of the recipient excluded).
    public var lines: [String]
    public var postalCode: String
    public var city: String
    /// ISO 3166-1 alpha-2 code, e.g. `FR`.
    public var countryCode: String

    public init(lines: [String], postalCode: String, city: String, countryCode: String) {
        self.lines = lines
        self.postalCode = postalCode
        self.city = city
        self.countryCode = countryCode
    }
}
