/// What a collection agency's letter to a debtor actually carries, field by field, as read from
/// the rendered letter. Missing fields are nil or empty; `AgencyLetterChecker` says which
/// mandatory mention (CPCE R124-4) each gap breaks.
public struct AgencyLetterFields: Sendable, Hashable {
    public var agencyName: String?
    public var agencyAddress: [String]
    /// The sentence saying the sender carries out amicable debt collection.
    public var amicableCollectionStatement: String?
    public var creditorName: String?
    public var creditorAddress: [String]
    /// What the debt rests on: invoice numbers, contract references.
    public var debtBasis: [String]
    public var principal: Money?
    public var interest: Money?
    /// Other amounts claimed, each itemised.
    public var accessories: [DebtAccessory]
    /// True when the letter shows an accessory amount it claims without itemising it.
    public var hasUnitemisedAccessories: Bool
    /// The sentence demanding payment.
    public var paymentDemand: String?
    public var paymentMethods: [String]
    /// The paragraphs of CPCE L111-8 as the letter reproduces them.
    public var reproducedCostsArticle: [String]
    public var reference: String?
    public var date: CalendarDate?

    public init(
        agencyName: String? = nil,
        agencyAddress: [String] = [],
        amicableCollectionStatement: String? = nil,
        creditorName: String? = nil,
        creditorAddress: [String] = [],
        debtBasis: [String] = [],
        principal: Money? = nil,
        interest: Money? = nil,
        accessories: [DebtAccessory] = [],
        hasUnitemisedAccessories: Bool = false,
        paymentDemand: String? = nil,
        paymentMethods: [String] = [],
        reproducedCostsArticle: [String] = [],
        reference: String? = nil,
        date: CalendarDate? = nil
    ) {
        self.agencyName = agencyName
        self.agencyAddress = agencyAddress
        self.amicableCollectionStatement = amicableCollectionStatement
        self.creditorName = creditorName
        self.creditorAddress = creditorAddress
        self.debtBasis = debtBasis
        self.principal = principal
        self.interest = interest
        self.accessories = accessories
        self.hasUnitemisedAccessories = hasUnitemisedAccessories
        self.paymentDemand = paymentDemand
        self.paymentMethods = paymentMethods
        self.reproducedCostsArticle = reproducedCostsArticle
        self.reference = reference
        self.date = date
    }
}
