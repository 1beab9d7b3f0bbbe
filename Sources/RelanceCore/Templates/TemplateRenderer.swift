/// Renders a step's message: picks the template for the key, tone and the context's language,
/// renders it strictly, and — when a collection agency sends it — refuses a message that lacks
/// a mention CPCE R124-4 requires.
public struct TemplateRenderer: Sendable {
    public let library: TemplateLibrary
    public let agencyRules: CollectionAgencyRules

    public init(library: TemplateLibrary, agencyRules: CollectionAgencyRules) {
        self.library = library
        self.agencyRules = agencyRules
    }

    /// Renders the message for `key` on `channel` in `tone`, in `context.language`.
    ///
    /// Throws when no template fits (unknown key, missing language, no tone variant and no
    /// default), when the template is written for another channel (letters and registered
    /// letters share templates), when the context is inconsistent, when a name has no value,
    /// or when an agency's message lacks a mandatory mention.
    public func render(key: String, channel: Channel, tone: Tone, context: MessageContext) throws(TemplateError) -> RenderedMessage {
        let template = try library.template(key: key, tone: tone, language: context.language)
        guard template.layout == TemplateLayout(channel: channel) else {
            throw TemplateError(
                .channelMismatch,
                "template '\(key)' is written for \(template.channel.rawValue), not \(channel.rawValue)",
                path: template.path
            )
        }
        let data = try context.templateData(agencyRules: agencyRules)
        let message = try template.render(data: data)
        if context.agency != nil {
            let missing = try agencyMentionErrors(in: message, channel: channel, context: context)
            guard missing.isEmpty else {
                throw TemplateError(
                    .missingMandatoryMentions,
                    "the agency's \(channel.rawValue) lacks mandatory mentions: " + missing.map(\.message).joined(separator: "; "),
                    path: template.path,
                    mentions: missing
                )
            }
        }
        return message
    }

    /// The R124-4 mentions `message` lacks when a collection agency sends it to the debtor:
    /// the full list for its first written contact, the first letter's reference and date for
    /// every later one. Court dossiers are addressed to the court and are not checked.
    public func agencyMentionErrors(in message: RenderedMessage, channel: Channel, context: MessageContext) throws(TemplateError) -> [AgencyMentionError] {
        guard let agency = context.agency, channel != .legal else { return [] }
        let checker = AgencyLetterChecker(rules: agencyRules)
        let format = MessageFormatter(language: context.language)
        let text = AgencyLetterChecker.normalised(message.plainText)
        func shows(_ fragment: String) -> Bool {
            let wanted = AgencyLetterChecker.normalised(fragment)
            return !wanted.isEmpty && text.contains(wanted)
        }

        if let first = agency.firstLetter {
            return checker.checkFollowUp(
                mentionedReference: shows(first.reference) ? first.reference : nil,
                mentionedDate: shows(format.date(first.date)) ? first.date : nil,
                firstLetter: first
            )
        }
        if channel == .call {
            return [AgencyMentionError(
                .firstLetterReference,
                "an agency may call only after its first letter: set agency.firstLetter so the call repeats its reference and date"
            )]
        }

        let totals = try context.totals()
        let creditorAddress = context.creditor.addressLines
        let agencyAddress = agency.party.addressLines
        var accessories: [DebtAccessory] = []
        let indemnity = context.penalties.fixedIndemnity
        if !indemnity.isZero {
            accessories.append(DebtAccessory(kind: .fixedRecoveryIndemnity, label: "fixed recovery indemnity", amount: indemnity))
        }
        let fields = AgencyLetterFields(
            agencyName: shows(agency.party.name) ? agency.party.name : nil,
            agencyAddress: !agencyAddress.isEmpty && agencyAddress.allSatisfy(shows) ? agencyAddress : [],
            amicableCollectionStatement: shows(agencyRules.statement(in: context.language)) ? agencyRules.statement(in: context.language) : nil,
            creditorName: shows(context.creditor.name) ? context.creditor.name : nil,
            creditorAddress: !creditorAddress.isEmpty && creditorAddress.allSatisfy(shows) ? creditorAddress : [],
            debtBasis: context.invoices.allSatisfy { shows($0.number) } ? context.invoices.map(\.number) : [],
            principal: shows(format.money(totals.outstanding)) ? totals.outstanding : nil,
            interest: shows(format.money(context.penalties.interest)) ? context.penalties.interest : nil,
            accessories: accessories,
            hasUnitemisedAccessories: !indemnity.isZero && !shows(format.money(indemnity)),
            // The demand to pay is the deadline the letter sets.
            paymentDemand: shows(format.date(context.paymentDeadline)) ? format.date(context.paymentDeadline) : nil,
            paymentMethods: context.paymentMethods.allSatisfy { shows($0.label) } ? context.paymentMethods.map(\.label) : [],
            reproducedCostsArticle: [message.plainText],
            reference: shows(context.letter.reference) ? context.letter.reference : nil,
            date: shows(format.date(context.letter.date)) ? context.letter.date : nil
        )
        return checker.check(fields, debtorKind: context.debtorKind)
    }
}
