import Testing
import RelanceCore

@Suite("Collection agency letters: R124-4 mentions")
struct AgencyLetterCheckerTests {
    private let checker = AgencyLetterChecker(rules: SampleMessages.rules.collectionAgency)
    private let paragraphs = SampleMessages.rules.collectionAgency.costsArticleParagraphs

    private func eur(_ text: String) -> Money { SampleMessages.eur(text) }

    private var completeLetter: AgencyLetterFields {
        AgencyLetterFields(
            agencyName: "Recouvra SAS",
            agencyAddress: ["8 place Bellecour", "69002 Lyon"],
            amicableCollectionStatement: SampleMessages.rules.collectionAgency.statement(in: .fr),
            creditorName: "Atelier Durand & Fils SARL",
            creditorAddress: ["12 rue des Lilas", "69003 Lyon"],
            debtBasis: ["F-2026-101"],
            principal: eur("3000"),
            interest: eur("16.44"),
            accessories: [DebtAccessory(kind: .fixedRecoveryIndemnity, label: "Indemnité forfaitaire", amount: eur("40"))],
            paymentDemand: "Nous vous demandons de régler 3 056,44 € au plus tard le 9 décembre 2026",
            paymentMethods: ["Virement bancaire"],
            reproducedCostsArticle: paragraphs,
            reference: "RCV-7781",
            date: SampleMessages.day("2026-11-02")
        )
    }

    @Test("A letter with every mention passes")
    func complete() {
        #expect(checker.check(completeLetter, debtorKind: .business).isEmpty)
    }

    @Test("Each missing mention is reported with its own code", arguments: [
        AgencyMentionError.Code.agencyName, .amicableCollectionStatement, .creditorName, .paymentDemand, .letterReference,
    ])
    func missingText(code: AgencyMentionError.Code) {
        for blank in [nil, "   "] as [String?] {
            var letter = completeLetter
            switch code {
            case .agencyName: letter.agencyName = blank
            case .amicableCollectionStatement: letter.amicableCollectionStatement = blank
            case .creditorName: letter.creditorName = blank
            case .paymentDemand: letter.paymentDemand = blank
            default: letter.reference = blank
            }
            #expect(checker.check(letter, debtorKind: .business).map(\.code) == [code])
        }
    }

    @Test("Missing lists, amounts and date are reported too")
    func missingOthers() {
        var letter = completeLetter
        letter.agencyAddress = []
        letter.creditorAddress = []
        letter.debtBasis = []
        letter.principal = nil
        letter.interest = nil
        letter.paymentMethods = []
        letter.date = nil
        #expect(checker.check(letter, debtorKind: .business).map(\.code) == [
            .agencyAddress, .creditorAddress, .debtBasis, .principal, .interest, .paymentMethods, .letterDate,
        ])
    }

    @Test("An empty letter lacks every mention, in the order of the article")
    func empty() {
        let codes = checker.check(AgencyLetterFields(), debtorKind: .business).map(\.code)
        #expect(codes == [
            .agencyName, .agencyAddress, .amicableCollectionStatement, .creditorName, .creditorAddress,
            .debtBasis, .principal, .interest, .paymentDemand, .paymentMethods, .costsArticle,
            .letterReference, .letterDate,
        ])
    }

    @Test("Collection fees stay with the creditor (L111-8) and cannot be claimed")
    func collectionFee() {
        var letter = completeLetter
        letter.accessories.append(DebtAccessory(kind: .collectionFee, label: "Frais de dossier", amount: eur("9.80")))
        let errors = checker.check(letter, debtorKind: .business)
        #expect(errors.map(\.code) == [.creditorBorneCost])
        #expect(errors.first?.description.contains("Frais de dossier") == true)
    }

    @Test("The 40 € indemnity may be claimed from a business, never from a consumer")
    func indemnityForConsumers() {
        #expect(checker.check(completeLetter, debtorKind: .business).isEmpty)
        #expect(checker.check(completeLetter, debtorKind: .consumer).map(\.code) == [.creditorBorneCost])
    }

    @Test("Accessories shown only inside a total are refused")
    func unitemised() {
        var letter = completeLetter
        letter.hasUnitemisedAccessories = true
        #expect(checker.check(letter, debtorKind: .business).map(\.code) == [.accessoriesNotItemised])
    }

    @Test("The article may be reflowed, but not reworded or cut")
    func reproduction() {
        let reflowed = paragraphs.joined(separator: "\n").replacingOccurrences("'", with: "\u{2019}").replacingOccurrences(", sauf", with: ",\n   sauf")
        #expect(checker.reproducesCostsArticle([reflowed]))
        #expect(!checker.reproducesCostsArticle([paragraphs[0]]))
        let reworded = paragraphs.map { $0.replacingOccurrences("restent à la charge du créancier", with: "sont à la charge du débiteur") }
        #expect(!checker.reproducesCostsArticle(reworded))
        var letter = completeLetter
        letter.reproducedCostsArticle = reworded
        #expect(checker.check(letter, debtorKind: .business).map(\.code) == [.costsArticle])
    }

    @Test("Later contacts repeat the first letter's reference and date")
    func followUp() {
        let first = LetterReference(reference: "RCV-7781", date: SampleMessages.day("2026-11-02"))
        #expect(checker.checkFollowUp(mentionedReference: "RCV-7781", mentionedDate: first.date, firstLetter: first).isEmpty)
        #expect(checker.checkFollowUp(mentionedReference: nil, mentionedDate: first.date, firstLetter: first).map(\.code) == [.firstLetterReference])
        #expect(checker.checkFollowUp(mentionedReference: "RCV-7781", mentionedDate: SampleMessages.day("2026-11-03"), firstLetter: first).map(\.code) == [.firstLetterDate])
        #expect(checker.checkFollowUp(mentionedReference: "RCV-9999", mentionedDate: nil, firstLetter: first).map(\.code) == [.firstLetterReference, .firstLetterDate])
    }
}

extension String {
    func replacingOccurrences(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
