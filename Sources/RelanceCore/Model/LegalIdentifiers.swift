/// A company's registration numbers, printed on letters and court filings.
public struct LegalIdentifiers: Sendable, Hashable, Codable {
    /// The company register number: SIREN or SIRET in France, HRB in Germany, the Companies
    /// House number in the UK.
    public var registrationNumber: String?
    /// The intra-community VAT number, e.g. `FR40303265045`.
    public var vatNumber: String?

    public init(registrationNumber: String? = nil, vatNumber: String? = nil) {
        self.registrationNumber = registrationNumber
        self.vatNumber = vatNumber
    }
}
