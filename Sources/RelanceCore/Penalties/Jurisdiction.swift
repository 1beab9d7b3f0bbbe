/// The law a late-payment penalty is computed under. The raw values are the ones used on the
/// command line and in stored data (`fr-b2b`, `uk`, …).
public enum Jurisdiction: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// France, between professionals: Code de commerce L441-10 II and D441-5.
    case frB2B = "fr-b2b"
    /// France, professional creditor and consumer debtor: legal interest from the formal notice
    /// (Code civil 1231-6, 1344-1; CMF L313-2).
    case frB2C = "fr-b2c"
    /// The default of Directive 2011/7/EU for a euro-area creditor.
    case eu
    /// Germany, no consumer involved: BGB §288(2) and §288(5).
    case deB2B = "de-b2b"
    /// Germany, a consumer involved: BGB §288(1).
    case deB2C = "de-b2c"
    /// United Kingdom: Late Payment of Commercial Debts (Interest) Act 1998.
    case uk

    /// The only currency a claim under this law is computed in: its fixed sums are set in it.
    public var currency: Currency {
        self == .uk ? .gbp : .eur
    }

    /// The texts the computation follows, for display next to the result.
    public var legalBasis: String {
        switch self {
        case .frB2B: "Code de commerce L441-10 II and D441-5"
        case .frB2C: "Code civil 1231-6 and 1344-1; Code monétaire et financier L313-2"
        case .eu: "Directive 2011/7/EU, articles 3, 6 and 7"
        case .deB2B: "BGB §247, §288(2) and §288(5)"
        case .deB2C: "BGB §247 and §288(1)"
        case .uk: "Late Payment of Commercial Debts (Interest) Act 1998, s.5A; SI 2002/1675"
        }
    }

    /// True when the applicable rate is looked up again for each half-year the delay spans;
    /// false when one rate is fixed for the life of the debt (UK).
    public var ratesChangeEachHalfYear: Bool { self != .uk }

    public var description: String { rawValue }
}
