import Testing
import RelanceCore

/// The templates in the repository's templates/ directory, loaded as the application loads them.
@Suite("Shipped templates")
struct ShippedTemplateTests {
    static let library = try! TemplateLibrary(files: RepositoryFiles.templateFiles())
    private let renderer = TemplateRenderer(library: Self.library, agencyRules: SampleMessages.rules.collectionAgency)

    static let channels: [String: Channel] = [
        TemplateKey.reminderCourteous: .email, TemplateKey.reminderNeutral: .email, TemplateKey.reminderFirm: .email,
        TemplateKey.callFirst: .call, TemplateKey.letterRecap: .letter, TemplateKey.noticeFormal: .registeredLetter,
        TemplateKey.legalPaymentOrder: .legal,
    ]

    struct Case: Sendable, CustomTestStringConvertible {
        let key: String
        let language: Language
        let tone: Tone
        let debtorKind: DebtorKind
        var testDescription: String { "\(key) \(language.rawValue) \(tone.rawValue) \(debtorKind.rawValue)" }
    }

    static let cases: [Case] = TemplateKey.all.flatMap { key in
        Language.allCases.flatMap { language in
            Tone.allCases.flatMap { tone in
                DebtorKind.allCases.map { Case(key: key, language: language, tone: tone, debtorKind: $0) }
            }
        }
    }

    private func plain(_ text: String) -> String { text.replacingOccurrences("\u{00A0}", with: " ") }

    @Test("Every key of the default ladder exists in French and English; emails in every tone")
    func coverage() {
        #expect(Self.library.keys == Set(TemplateKey.all))
        for language in Language.allCases {
            for key in [TemplateKey.reminderCourteous, TemplateKey.reminderNeutral, TemplateKey.reminderFirm] {
                #expect(Self.library.tones(key: key, language: language) == Tone.allCases, "\(key) \(language)")
            }
            for key in [TemplateKey.callFirst, TemplateKey.letterRecap, TemplateKey.noticeFormal, TemplateKey.legalPaymentOrder] {
                #expect(Self.library.hasDefault(key: key, language: language), "\(key) \(language)")
            }
        }
    }

    @Test("Every shipped template renders with a full context and states the key facts", arguments: cases)
    func rendersKeyFacts(_ test: Case) throws {
        let context = SampleMessages.full(language: test.language, debtorKind: test.debtorKind)
        let channel = try #require(Self.channels[test.key])
        let message = try renderer.render(key: test.key, channel: channel, tone: test.tone, context: context)
        let text = plain(message.plainText)
        let format = MessageFormatter(language: test.language)
        for invoice in context.invoices {
            #expect(text.contains(invoice.number), "invoice number \(invoice.number)")
            #expect(text.contains(plain(format.money(invoice.outstanding))), "outstanding of \(invoice.number)")
        }
        let totals = try context.totals()
        #expect(text.contains(plain(format.money(totals.due))) || text.contains(plain(format.money(totals.outstanding))), "total")
        #expect(text.contains(format.date(context.paymentDeadline)), "deadline")
        #expect(!text.contains("{{") && !text.contains("}}"), "no tag left")
        #expect(!text.contains("  "), "no double space")
        switch channel {
        case .email:
            let email = try #require(message.email)
            #expect(!email.subject.isEmpty && !email.subject.contains("\n"))
        case .letter, .registeredLetter:
            let letter = try #require(message.letter)
            #expect(letter.recipient.first == context.debtor.name)
            #expect(letter.sender.first == context.creditor.name)
            #expect(letter.table.rows.map(\.first) == context.invoices.map(\.number))
            #expect(letter.totals?.rows.last?.last.map(plain) == plain(format.money(totals.due)))
            #expect(letter.mentions.isEmpty, "no agency, no agency mentions")
        case .call:
            let call = try #require(message.call)
            #expect(call.table.rows.count == context.invoices.count)
            #expect(call.history?.rows.count == context.history.count)
        case .legal:
            let cover = try #require(message.legal)
            #expect(cover.parties.rows.map(\.first) == (test.language == .fr ? ["Créancier", "Débiteur"] : ["Creditor", "Debtor"]))
            #expect(cover.documents.count >= 5)
        }
    }

    @Test("The formal notice carries what a mise en demeure needs", arguments: Language.allCases)
    func formalNotice(language: Language) throws {
        let context = SampleMessages.full(language: language)
        let letter = try #require(try renderer.render(key: TemplateKey.noticeFormal, channel: .registeredLetter, tone: .firm, context: context).letter)
        let text = plain(letter.plainText).lowercased()
        let format = MessageFormatter(language: language)
        #expect(text.contains(plain(format.money(context.penalties.interest))))
        #expect(text.contains(plain(format.money(context.penalties.fixedIndemnity))))
        #expect(text.contains(plain(format.rate(Rate(basisPoints: 1215)))))
        for method in context.paymentMethods { #expect(text.contains(method.label.lowercased())) }
        #expect(text.contains("injonction de payer"))
        switch language {
        case .fr:
            #expect(letter.title == "MISE EN DEMEURE")
            #expect(text.contains("vaut mise en demeure"))
            #expect(text.contains("huit jours"))
            #expect(text.contains("continuent de courir"))
            #expect(letter.mailing == "Lettre recommandée avec demande d'avis de réception")
        case .en:
            #expect(text.contains("formal notice"))
            #expect(text.contains("eight days"))
            #expect(text.contains("continue to run"))
        }
    }

    @Test("For a consumer the notice makes legal interest run and claims no fixed indemnity", arguments: Language.allCases)
    func consumerNotice(language: Language) throws {
        let context = SampleMessages.full(language: language, debtorKind: .consumer)
        let text = try renderer.render(key: TemplateKey.noticeFormal, channel: .registeredLetter, tone: .firm, context: context).plainText
        #expect(text.contains(language == .fr ? "fait courir les intérêts au taux légal" : "interest at the statutory rate run"))
        #expect(!text.contains(language == .fr ? "indemnité forfaitaire" : "fixed recovery indemnity"))
    }

    @Test("An agency's first written contact carries every R124-4 mention", arguments: [
        (TemplateKey.reminderCourteous, Channel.email), (TemplateKey.reminderFirm, .email),
        (TemplateKey.letterRecap, .letter), (TemplateKey.noticeFormal, .registeredLetter),
    ], Language.allCases)
    func agencyFirstContact(entry: (String, Channel), language: Language) throws {
        let (key, channel) = entry
        let context = SampleMessages.viaAgency(language: language, later: false)
        // The renderer itself refuses a message that lacks a mention; check the text as well.
        let message = try renderer.render(key: key, channel: channel, tone: .neutral, context: context)
        let text = message.plainText
        #expect(text.contains("Recouvra SAS"))
        #expect(text.contains("8 place Bellecour"))
        #expect(text.contains(SampleMessages.rules.collectionAgency.statement(in: language)))
        #expect(text.contains("Atelier Durand & Fils SARL"))
        for paragraph in SampleMessages.rules.collectionAgency.costsArticleParagraphs {
            #expect(text.contains(paragraph))
        }
        #expect(text.contains("REL-2026-0042"))
        #expect(try renderer.agencyMentionErrors(in: message, channel: channel, context: context).isEmpty)
        if let letter = message.letter {
            #expect(letter.sender.first == "Recouvra SAS")
            #expect(!letter.mentions.isEmpty)
        }
    }

    @Test("An agency's later contacts repeat its first letter's reference and date", arguments: Array(Self.channels), Language.allCases)
    func agencyLaterContacts(entry: (key: String, value: Channel), language: Language) throws {
        let context = SampleMessages.viaAgency(language: language, later: true)
        let text = try renderer.render(key: entry.key, channel: entry.value, tone: .firm, context: context).plainText
        if entry.value != .legal {
            #expect(text.contains("RCV-7781"))
            #expect(text.contains(language == .fr ? "2 novembre 2026" : "2 November 2026"))
        }
    }

    @Test("An agency may not call before its first letter")
    func agencyCallNeedsFirstLetter() {
        let error = #expect(throws: TemplateError.self) {
            try renderer.render(key: TemplateKey.callFirst, channel: .call, tone: .courteous,
                                context: SampleMessages.viaAgency(language: .fr, later: false))
        }
        #expect(error?.code == .missingMandatoryMentions)
        #expect(error?.mentions.map(\.code) == [.firstLetterReference])
    }

    @Test("An agency letter from a template without the mentions is refused, each gap named")
    func agencyTemplateWithoutMentions() throws {
        let bare = """
        channel: letter
        @@ title
        Reminder
        @@ sender
        {{sender.name}}
        @@ recipient
        {{debtor.name}}
        @@ date
        {{letter.date}}
        @@ reference
        Ref. {{letter.reference}}
        @@ subject
        Invoices {{invoiceNumbers}}
        @@ salutation
        Dear Sir or Madam,
        @@ body
        Please pay {{totals.due}}.
        @@ table
        Invoice
        {{#invoices}}
        {{number}}
        {{/invoices}}
        @@ closing
        Regards,
        @@ signature
        {{sender.name}}
        """
        let renderer = TemplateRenderer(library: try TemplateLibrary(files: ["en/letter.bare/default.mustache": bare]),
                                        agencyRules: SampleMessages.rules.collectionAgency)
        let error = #expect(throws: TemplateError.self) {
            try renderer.render(key: "letter.bare", channel: .letter, tone: .neutral, context: SampleMessages.viaAgency(language: .en, later: false))
        }
        #expect(error?.code == .missingMandatoryMentions)
        #expect(error?.mentions.map(\.code) == [
            .agencyAddress, .amicableCollectionStatement, .creditorName, .creditorAddress, .principal, .interest,
            .accessoriesNotItemised, .paymentDemand, .paymentMethods, .costsArticle,
        ])
        // Without an agency the same template is fine.
        _ = try renderer.render(key: "letter.bare", channel: .letter, tone: .neutral, context: SampleMessages.full(language: .en))
    }

    @Test("An agency may not claim the fixed indemnity from a consumer")
    func agencyConsumerIndemnity() {
        var context = SampleMessages.viaAgency(language: .fr, debtorKind: .consumer, later: false)
        context.penalties.fixedIndemnity = SampleMessages.eur("40")
        let error = #expect(throws: TemplateError.self) {
            try renderer.render(key: TemplateKey.noticeFormal, channel: .registeredLetter, tone: .firm, context: context)
        }
        #expect(error?.mentions.map(\.code) == [.creditorBorneCost])
    }

    @Test("A reminder before the due date does not call the invoice late", arguments: Language.allCases)
    func beforeDueDate(language: Language) throws {
        var context = SampleMessages.full(language: language)
        context.invoices = [context.invoices[0]]
        context.letter = LetterReference(reference: "REL-1", date: SampleMessages.day("2026-09-28"))
        context.penalties = .none(.eur)
        context.history = []
        context.paymentDeadline = context.invoices[0].dueDate
        let email = try #require(try renderer.render(key: TemplateKey.reminderCourteous, channel: .email, tone: .courteous, context: context).email)
        #expect(email.text.contains(language == .fr ? "la facture suivante arrive à échéance" : "invoice is coming due"))
        #expect(!email.text.contains(language == .fr ? "de retard" : "overdue"))
        #expect(email.subject == (language == .fr
            ? "Petit rappel : votre facture F-2026-101 – 3\u{00A0}000,00\u{00A0}€"
            : "Friendly reminder: invoice F-2026-101 – €3,000.00"))
        #expect(email.html?.contains("<td>F-2026-101</td>") == true)
    }
}
