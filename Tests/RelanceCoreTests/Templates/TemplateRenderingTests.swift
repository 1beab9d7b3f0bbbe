import Testing
import RelanceCore

@Suite("Rendering: fallbacks, strictness and output shape")
struct TemplateRenderingTests {
    private let email = TemplateLoadingTests.email
    private let agencyRules = SampleMessages.rules.collectionAgency

    private func renderer(_ files: [String: String]) throws -> TemplateRenderer {
        TemplateRenderer(library: try TemplateLibrary(files: files), agencyRules: agencyRules)
    }

    private func variant(_ label: String) -> String {
        email.replacingOccurrences("Invoice {{invoiceNumbers}}", with: "\(label) {{invoiceNumbers}}")
    }

    @Test("The tone's own file wins; otherwise the key's default file is used")
    func toneFallback() throws {
        let renderer = try renderer([
            "en/reminder.test/firm.mustache": variant("FIRM"),
            "en/reminder.test/default.mustache": variant("DEFAULT"),
        ])
        let context = SampleMessages.full(language: .en)
        let firm = try renderer.render(key: "reminder.test", channel: .email, tone: .firm, context: context)
        #expect(firm.email?.subject == "FIRM F-2026-101 and F-2026-117")
        let courteous = try renderer.render(key: "reminder.test", channel: .email, tone: .courteous, context: context)
        #expect(courteous.email?.subject == "DEFAULT F-2026-101 and F-2026-117")
    }

    @Test("No tone file and no default is an error; so are unknown keys and missing languages")
    func noFallback() throws {
        let renderer = try renderer(["en/reminder.test/firm.mustache": email])
        let context = SampleMessages.full(language: .en)
        let tone = #expect(throws: TemplateError.self) {
            try renderer.render(key: "reminder.test", channel: .email, tone: .courteous, context: context)
        }
        #expect(tone?.code == .missingTone)
        #expect(tone?.description == "template 'reminder.test' in en has no 'courteous' variant and no default (has: firm)")

        let key = #expect(throws: TemplateError.self) {
            try renderer.render(key: "reminder.unknown", channel: .email, tone: .firm, context: context)
        }
        #expect(key?.code == .unknownKey)
        #expect(key?.description.contains("no template has the key 'reminder.unknown'") == true)

        let language = #expect(throws: TemplateError.self) {
            try renderer.render(key: "reminder.test", channel: .email, tone: .firm, context: SampleMessages.full(language: .fr))
        }
        #expect(language?.code == .missingLanguage)
    }

    @Test("A template for another channel is refused; letters and registered letters share templates")
    func channels() throws {
        let renderer = try renderer(["en/reminder.test/default.mustache": email])
        let error = #expect(throws: TemplateError.self) {
            try renderer.render(key: "reminder.test", channel: .letter, tone: .firm, context: SampleMessages.full(language: .en))
        }
        #expect(error?.code == .channelMismatch)
        let shipped = try self.renderer(RepositoryFiles.templateFiles())
        let letter = try shipped.render(key: TemplateKey.noticeFormal, channel: .letter, tone: .firm, context: SampleMessages.full(language: .fr))
        #expect(letter.letter?.title == "MISE EN DEMEURE")
    }

    @Test("Strict rendering: a name without a value is an error, not an empty hole")
    func strictRender() throws {
        let library = try TemplateLibrary(files: ["en/reminder.test/default.mustache": email])
        let template = try library.template(key: "reminder.test", tone: .neutral, language: .en)
        let value = try SampleMessages.full(language: .en).templateValue(agencyRules: agencyRules)
        guard case .object(var fields) = value else { Issue.record("context is not an object"); return }
        fields["paymentDeadline"] = nil
        let error = #expect(throws: TemplateError.self) { try template.render(value: .object(fields)) }
        #expect(error?.code == .unresolvedVariable)
        #expect(error?.description.contains("'paymentDeadline' has no value") == true)
    }

    @Test("A required part that renders empty is an error")
    func emptyPart() throws {
        let text = email.replacingOccurrences("Invoice {{invoiceNumbers}}", with: "{{#agency}}{{name}}{{/agency}}")
        let renderer = try renderer(["en/reminder.test/default.mustache": text])
        let error = #expect(throws: TemplateError.self) {
            try renderer.render(key: "reminder.test", channel: .email, tone: .firm, context: SampleMessages.full(language: .en))
        }
        #expect(error?.code == .invalidOutput)
        #expect(error?.description.contains("part 'subject' rendered empty") == true)
    }

    @Test("Tables: the first row is the header; ragged rows are refused")
    func tables() throws {
        let call = """
        channel: call
        @@ title
        Call {{debtor.name}}
        @@ summary
        {{totals.due}}
        @@ script
        Pay by {{paymentDeadline}}.
        @@ table
        Invoice | Outstanding
        {{#invoices}}
        {{number}} | {{outstanding}}
        {{/invoices}}
        """
        let renderer = try renderer(["en/call.test/default.mustache": call])
        let context = SampleMessages.full(language: .en)
        let briefing = try #require(try renderer.render(key: "call.test", channel: .call, tone: .neutral, context: context).call)
        #expect(briefing.table.header == ["Invoice", "Outstanding"])
        #expect(briefing.table.rows == [["F-2026-101", "€3,000.00"], ["F-2026-117", "€250.50"]])
        #expect(briefing.history == nil)

        let ragged = try self.renderer(["en/call.test/default.mustache": call.replacingOccurrences("{{number}} | {{outstanding}}", with: "{{number}} | {{outstanding}} | {{daysLate}}")])
        let error = #expect(throws: TemplateError.self) {
            try ragged.render(key: "call.test", channel: .call, tone: .neutral, context: context)
        }
        #expect(error?.code == .invalidOutput)
    }

    @Test("Plain-text parts keep characters as written; the HTML part escapes them")
    func escaping() throws {
        let text = email + "\n@@ html\n<p>{{creditor.name}}</p>"
        let renderer = try renderer(["en/reminder.test/default.mustache": text.replacingOccurrences("Please pay", with: "{{creditor.name}} asks you to pay")])
        let message = try renderer.render(key: "reminder.test", channel: .email, tone: .firm, context: SampleMessages.full(language: .en))
        #expect(message.email?.text.hasPrefix("Atelier Durand & Fils SARL asks you to pay €3,386.94") == true)
        #expect(message.email?.html == "<p>Atelier Durand &amp; Fils SARL</p>")
    }

    @Test("An inconsistent context is refused before rendering")
    func invalidContext() throws {
        let renderer = try renderer(["en/reminder.test/default.mustache": email])
        var noInvoices = SampleMessages.full(language: .en)
        noInvoices.invoices = []
        var noMethods = SampleMessages.full(language: .en)
        noMethods.paymentMethods = []
        var mixed = SampleMessages.full(language: .en)
        mixed.invoices[1].amount = try Money(decimal: "10", currency: .gbp)
        var mixedPenalty = SampleMessages.full(language: .en)
        mixedPenalty.penalties.interest = try Money(decimal: "10", currency: .usd)
        for context in [noInvoices, noMethods, mixed, mixedPenalty] {
            let error = #expect(throws: TemplateError.self) {
                try renderer.render(key: "reminder.test", channel: .email, tone: .firm, context: context)
            }
            #expect(error?.code == .invalidContext)
        }
    }

    @Test("The context's data always has the schema's shape")
    func schemaShape() throws {
        let full = try SampleMessages.viaAgency(language: .fr, later: true).templateValue(agencyRules: agencyRules)
        #expect(MessageContext.schema.accepts(full))
        var minimal = SampleMessages.full(language: .en, debtorKind: .consumer)
        minimal.history = []
        minimal.nextStep = nil
        minimal.debtor = LetterParty(name: "Jane Doe", addressLines: ["1 High Street"])
        minimal.creditor = LetterParty(name: "Shop", addressLines: [])
        minimal.penalties = .none(.eur)
        let value = try minimal.templateValue(agencyRules: agencyRules)
        #expect(MessageContext.schema.accepts(value))
        #expect(value["nextStep"] == nil)
        #expect(value["debtor"]?["phone"] == nil)
        #expect(value["penalties"]?["hasPenalties"] == .flag(false))
        #expect(!MessageContext.schema.accepts(.object([:])))
        #expect(MessageContext.schema.names().contains("invoices[].daysLate"))
    }

    @Test("Computed values: totals, days late as of the message date, invoice list")
    func computedValues() throws {
        let value = try SampleMessages.full(language: .en).templateValue(agencyRules: agencyRules)
        #expect(value["totals"]?["outstanding"]?.text == "€3,250.50")
        #expect(value["totals"]?["invoiced"]?.text == "€4,250.50")
        #expect(value["totals"]?["due"]?.text == "€3,386.94")
        #expect(value["penalties"]?["total"]?.text == "€136.44")
        #expect(value["invoiceNumbers"]?.text == "F-2026-101 and F-2026-117")
        guard case .list(let invoices)? = value["invoices"] else { Issue.record("no invoices"); return }
        // Due 1 October, message dated 29 November: 59 days late.
        #expect(invoices[0]["daysLateText"]?.text == "59 days")
        #expect(invoices[0]["isOverdue"] == .flag(true))
        var early = SampleMessages.full(language: .en)
        early.letter = LetterReference(reference: "R", date: SampleMessages.day("2026-09-20"))
        let before = try early.templateValue(agencyRules: agencyRules)
        #expect(before["isOverdue"] == .flag(false))
    }
}
