/// A mandatory mention missing from (or wrong in) a collection agency's letter.
public typealias AgencyMentionError = CodedError<AgencyMentionErrorDomain>

/// Tags `AgencyMentionError` and its codes (`ErrorCode where Domain == AgencyMentionError`).
public enum AgencyMentionErrorDomain {}

extension ErrorCode where Domain == AgencyMentionError {
    // R124-4 1°
    public static var agencyName: Self { Self(name: "agency_name") }
    public static var agencyAddress: Self { Self(name: "agency_address") }
    public static var amicableCollectionStatement: Self { Self(name: "amicable_collection_statement") }
    // R124-4 2°
    public static var creditorName: Self { Self(name: "creditor_name") }
    public static var creditorAddress: Self { Self(name: "creditor_address") }
    // R124-4 3°
    public static var debtBasis: Self { Self(name: "debt_basis") }
    public static var principal: Self { Self(name: "principal") }
    public static var interest: Self { Self(name: "interest") }
    public static var accessoriesNotItemised: Self { Self(name: "accessories_not_itemised") }
    public static var creditorBorneCost: Self { Self(name: "creditor_borne_cost") }
    // R124-4 4°
    public static var paymentDemand: Self { Self(name: "payment_demand") }
    public static var paymentMethods: Self { Self(name: "payment_methods") }
    // R124-4 5°
    public static var costsArticle: Self { Self(name: "costs_article") }
    // The letter's own reference and date, and their repetition in later contacts.
    public static var letterReference: Self { Self(name: "letter_reference") }
    public static var letterDate: Self { Self(name: "letter_date") }
    public static var firstLetterReference: Self { Self(name: "first_letter_reference") }
    public static var firstLetterDate: Self { Self(name: "first_letter_date") }
}
