/// Checks a collection agency's letters against CPCE R124-4: the five mandatory mentions of the
/// first letter, and the repetition of its reference and date in every later contact.
public struct AgencyLetterChecker: Sendable {
    public let rules: CollectionAgencyRules

    public init(rules: CollectionAgencyRules) {
        self.rules = rules
    }

    /// Every mandatory mention `letter` lacks, in the order of R124-4; empty when compliant.
    public func check(_ letter: AgencyLetterFields, debtorKind: DebtorKind) -> [AgencyMentionError] {
        var errors: [AgencyMentionError] = []
        func require(_ present: Bool, _ code: AgencyMentionError.Code, _ message: String) {
            if !present { errors.append(AgencyMentionError(code, message)) }
        }
        require(letter.agencyName.isFilled, .agencyName, "the letter does not name the collection agency (R124-4 1°)")
        require(letter.agencyAddress.isFilled, .agencyAddress, "the letter does not give the agency's address or registered office (R124-4 1°)")
        require(letter.amicableCollectionStatement.isFilled, .amicableCollectionStatement,
                "the letter does not state that the agency carries out amicable debt collection (R124-4 1°)")
        require(letter.creditorName.isFilled, .creditorName, "the letter does not name the creditor (R124-4 2°)")
        require(letter.creditorAddress.isFilled, .creditorAddress, "the letter does not give the creditor's address or registered office (R124-4 2°)")
        require(letter.debtBasis.isFilled, .debtBasis, "the letter does not state what the debt rests on, e.g. the invoices (R124-4 3°)")
        require(letter.principal != nil, .principal, "the letter does not state the principal separately (R124-4 3°)")
        require(letter.interest != nil, .interest, "the letter does not state the interest separately (R124-4 3°)")
        require(!letter.hasUnitemisedAccessories, .accessoriesNotItemised,
                "the letter claims accessory amounts without itemising them (R124-4 3°)")
        for accessory in letter.accessories {
            switch accessory.kind {
            case .collectionFee:
                errors.append(AgencyMentionError(
                    .creditorBorneCost,
                    "'\(accessory.label)' (\(accessory.amount)) is a collection cost that stays with the creditor (L111-8) and cannot be claimed"
                ))
            case .fixedRecoveryIndemnity where debtorKind == .consumer && !accessory.amount.isZero:
                errors.append(AgencyMentionError(
                    .creditorBorneCost,
                    "'\(accessory.label)' (\(accessory.amount)): the fixed recovery indemnity applies to business debtors only; against a consumer collection costs stay with the creditor (L111-8)"
                ))
            default:
                break
            }
        }
        require(letter.paymentDemand.isFilled, .paymentDemand, "the letter does not demand payment of the sum due (R124-4 4°)")
        require(letter.paymentMethods.isFilled, .paymentMethods, "the letter does not give the payment methods (R124-4 4°)")
        require(reproducesCostsArticle(letter.reproducedCostsArticle), .costsArticle,
                "the letter does not reproduce paragraphs 2 and 3 of article L111-8 verbatim (R124-4 5°)")
        require(letter.reference.isFilled, .letterReference, "the letter carries no reference, which later contacts must repeat (R124-4)")
        require(letter.date != nil, .letterDate, "the letter carries no date, which later contacts must repeat (R124-4)")
        return errors
    }

    /// What a later contact (call, email, letter) lacks of the first letter's reference and date.
    public func checkFollowUp(
        mentionedReference: String?,
        mentionedDate: CalendarDate?,
        firstLetter: LetterReference
    ) -> [AgencyMentionError] {
        var errors: [AgencyMentionError] = []
        if mentionedReference?.trimmedWhitespace != Substring(firstLetter.reference).trimmedWhitespace {
            errors.append(AgencyMentionError(
                .firstLetterReference,
                "a later contact must repeat the first letter's reference '\(firstLetter.reference)' (R124-4)"
            ))
        }
        if mentionedDate != firstLetter.date {
            errors.append(AgencyMentionError(
                .firstLetterDate,
                "a later contact must repeat the first letter's date \(firstLetter.date.iso) (R124-4)"
            ))
        }
        return errors
    }

    /// True when `paragraphs` contain every paragraph of the rule set, word for word. Line
    /// breaks and runs of spaces may differ (a PDF reflows text); typographic apostrophes count
    /// as straight ones.
    public func reproducesCostsArticle(_ paragraphs: [String]) -> Bool {
        let carried = Self.normalised(paragraphs.joined(separator: " "))
        return rules.costsArticleParagraphs.allSatisfy { carried.contains(Self.normalised($0)) }
    }

    static func normalised(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.append(character == "\u{2019}" ? "'" : character)
        }
        return result
    }
}

extension Optional where Wrapped == String {
    fileprivate var isFilled: Bool { self.map { !$0.trimmedWhitespace.isEmpty } ?? false }
}

extension Array where Element == String {
    fileprivate var isFilled: Bool { contains { !$0.trimmedWhitespace.isEmpty } }
}
