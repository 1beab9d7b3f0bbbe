/// A mandatory mention missing from (or wrong in) a collection agency's letter.
public struct AgencyMentionError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate let name: String
        // R124-4 1°
        public static let agencyName = Code(name: "agency_name")
        public static let agencyAddress = Code(name: "agency_address")
        public static let amicableCollectionStatement = Code(name: "amicable_collection_statement")
        // R124-4 2°
        public static let creditorName = Code(name: "creditor_name")
        public static let creditorAddress = Code(name: "creditor_address")
        // R124-4 3°
        public static let debtBasis = Code(name: "debt_basis")
        public static let principal = Code(name: "principal")
        public static let interest = Code(name: "interest")
        public static let accessoriesNotItemised = Code(name: "accessories_not_itemised")
        public static let creditorBorneCost = Code(name: "creditor_borne_cost")
        // R124-4 4°
        public static let paymentDemand = Code(name: "payment_demand")
        public static let paymentMethods = Code(name: "payment_methods")
        // R124-4 5°
        public static let costsArticle = Code(name: "costs_article")
        // The letter's own reference and date, and their repetition in later contacts.
        public static let letterReference = Code(name: "letter_reference")
        public static let letterDate = Code(name: "letter_date")
        public static let firstLetterReference = Code(name: "first_letter_reference")
        public static let firstLetterDate = Code(name: "first_letter_date")
        public var description: String { name }
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
