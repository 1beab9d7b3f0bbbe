import RelanceCore

/// Message contexts for template tests: a business debtor with two late invoices, penalties,
/// history and a next step; variants for consumers and agencies.
enum SampleMessages {
    static func eur(_ text: String) -> Money { try! Money(decimal: text, currency: .eur) }
    static func day(_ iso: String) -> CalendarDate { try! CalendarDate(iso: iso) }

    static let rules: ComplianceRules = try! ComplianceRules.parse(json: RepositoryFiles.complianceRules())

    static let creditor = LetterParty(
        name: "Atelier Durand & Fils SARL",
        addressLines: ["12 rue des Lilas", "69003 Lyon"],
        contactName: "Claire Durand",
        phone: "04 78 00 00 00",
        email: "compta@atelier-durand.example"
    )

    static let agency = LetterParty(
        name: "Recouvra SAS",
        addressLines: ["8 place Bellecour", "69002 Lyon"],
        phone: "04 72 00 00 00"
    )

    static func full(language: Language, debtorKind: DebtorKind = .business, agency: MessageAgency? = nil) -> MessageContext {
        MessageContext(
            language: language,
            letter: LetterReference(reference: "REL-2026-0042", date: day("2026-11-29")),
            debtor: LetterParty(
                name: "Boulangerie Martin",
                addressLines: ["3 avenue Jean Jaurès", "75019 Paris"],
                contactName: "Paul Martin",
                phone: "01 40 00 00 00"
            ),
            debtorKind: debtorKind,
            creditor: creditor,
            agency: agency,
            invoices: [
                MessageInvoice(number: "F-2026-101", issueDate: day("2026-09-01"), dueDate: day("2026-10-01"),
                               amount: eur("3000"), outstanding: eur("3000")),
                MessageInvoice(number: "F-2026-117", issueDate: day("2026-09-15"), dueDate: day("2026-10-15"),
                               amount: eur("1250.50"), outstanding: eur("250.50")),
            ],
            penalties: debtorKind == .business
                ? MessagePenalties(interest: eur("56.44"), fixedIndemnity: eur("80"), rate: Rate(basisPoints: 1215),
                                   rateDescription: language == .fr ? "taux BCE majoré de 10 points" : "ECB rate plus 10 points")
                : MessagePenalties(interest: eur("12.30"), fixedIndemnity: eur("0"), rate: Rate(basisPoints: 662)),
            history: [
                MessageAction(date: day("2026-10-02"), channel: .email, summary: language == .fr ? "Rappel amical" : "Friendly reminder"),
                MessageAction(date: day("2026-10-20"), channel: .call, summary: language == .fr ? "Appel sans réponse" : "Call, no answer"),
            ],
            nextStep: MessageNextStep(channel: .registeredLetter, date: day("2026-12-14")),
            paymentDeadline: day("2026-12-09"),
            paymentMethods: [
                MessagePaymentMethod(label: language == .fr ? "Virement bancaire" : "Bank transfer",
                                     details: "IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP"),
                MessagePaymentMethod(label: language == .fr ? "Chèque" : "Cheque",
                                     details: language == .fr ? "à l'ordre d'Atelier Durand & Fils" : "payable to Atelier Durand & Fils"),
            ]
        )
    }

    /// The same debtor reached by a collection agency, in its first letter (no `firstLetter`)
    /// or a later contact.
    static func viaAgency(language: Language, debtorKind: DebtorKind = .business, later: Bool) -> MessageContext {
        full(
            language: language,
            debtorKind: debtorKind,
            agency: MessageAgency(
                party: agency,
                firstLetter: later ? LetterReference(reference: "RCV-7781", date: day("2026-11-02")) : nil
            )
        )
    }
}
