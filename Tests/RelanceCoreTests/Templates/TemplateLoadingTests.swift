import Testing
import RelanceCore

@Suite("Loading templates: every name checked before anything is sent")
struct TemplateLoadingTests {
    static let email = """
    channel: email
    @@ subject
    Invoice {{invoiceNumbers}}
    @@ text
    Please pay {{totals.due}} by {{paymentDeadline}}.
    """

    private func load(_ files: [String: String]) throws(TemplateError) -> TemplateLibrary {
        try TemplateLibrary(files: files)
    }

    private func loadError(_ text: String, path: String = "en/reminder.test/default.mustache", partials: [String: String] = [:]) -> TemplateError? {
        var files = [path: text]
        for (name, body) in partials { files["en/_partials/\(name).mustache"] = body }
        return #expect(throws: TemplateError.self) { try load(files) }
    }

    @Test("A valid template loads")
    func valid() throws {
        let library = try load(["en/reminder.test/default.mustache": Self.email, "README.md": "ignored"])
        #expect(library.keys == ["reminder.test"])
        let template = try library.template(key: "reminder.test", tone: .firm, language: .en)
        #expect(template.channel == .email)
        #expect(template.partNames == ["subject", "text"])
        #expect(template.tone == nil)
    }

    @Test("An unknown variable is a load error naming the file, part, line and name")
    func unknownVariable() {
        let text = Self.email.replacingOccurrences("{{paymentDeadline}}", with: "{{paymentDeadlin}}")
        let error = loadError(text)
        #expect(error?.code == .unknownVariable)
        #expect(error?.path == "en/reminder.test/default.mustache")
        #expect(error?.description == "en/reminder.test/default.mustache: part 'text' (from line 4): line 1: 'paymentDeadlin' is not a variable of the message context")
    }

    @Test("A misspelt field of a known object is an unknown variable too")
    func unknownField() {
        let text = Self.email + "\n{{#invoices}}{{numbr}}{{/invoices}}"
        #expect(loadError(text)?.code == .unknownVariable)
        let nested = Self.email + "\n{{totals.dues}}"
        let error = loadError(nested)
        #expect(error?.code == .unknownVariable)
        #expect(error?.description.contains("'totals' has no 'dues'") == true)
    }

    @Test("Names resolve inside sections as Mustache resolves them")
    func scoping() throws {
        let text = Self.email + """

        {{#invoices}}{{number}} {{outstanding}} {{paymentDeadline}} {{creditor.name}}{{/invoices}}
        {{#debtor}}{{name}}{{/debtor}}
        {{#debtor.address}}{{.}}{{/debtor.address}}
        """
        _ = try load(["en/reminder.test/default.mustache": text])
        // `number` exists only inside an invoice.
        #expect(loadError(Self.email + "\n{{number}}")?.code == .unknownVariable)
    }

    @Test("Optional values may only be used inside their own section")
    func optionals() throws {
        #expect(loadError(Self.email + "\n{{agency.name}}")?.code == .misusedVariable)
        #expect(loadError(Self.email + "\n{{debtor.phone}}")?.code == .misusedVariable)
        #expect(loadError(Self.email + "\n{{#nextStep}}{{/nextStep}}{{nextStep.date}}")?.code == .misusedVariable)
        let guarded = Self.email + """

        {{#agency}}{{name}} {{agency.name}}{{#firstLetter}}{{reference}}{{/firstLetter}}{{/agency}}
        {{#debtor.phone}}{{debtor.phone}} {{.}}{{/debtor.phone}}{{^debtor.phone}}no phone{{/debtor.phone}}
        {{#nextStep}}{{nextStep.date}}{{/nextStep}}
        """
        _ = try load(["en/reminder.test/default.mustache": guarded])
    }

    @Test("Types are checked: lists and objects need sections, texts cannot open one")
    func types() {
        #expect(loadError(Self.email + "\n{{invoices}}")?.code == .misusedVariable)
        #expect(loadError(Self.email + "\n{{totals}}")?.code == .misusedVariable)
        #expect(loadError(Self.email + "\n{{isOverdue}}")?.code == .misusedVariable)
        #expect(loadError(Self.email + "\n{{#paymentDeadline}}x{{/paymentDeadline}}")?.code == .misusedVariable)
        #expect(loadError(Self.email + "\n{{^totals}}x{{/totals}}")?.code == .misusedVariable)
    }

    @Test("Mustache syntax errors and unsupported tags are load errors", arguments: [
        "{{#invoices}}{{number}}",
        "{{#invoices}}{{/history}}",
        "{{/invoices}}",
        "{{=<% %>=}}",
        "{{invoiceNumbers",
        "{{invoice number}}",
        "{{lowercased(invoiceNumbers)}}",
        "{{$block}}{{/block}}",
        "{{}}",
    ])
    func syntax(fragment: String) {
        let error = loadError(Self.email + "\n" + fragment)
        #expect(error?.code == .syntax, "\(fragment): \(String(describing: error))")
    }

    @Test("Partials are included, and their names checked as part of the template")
    func partials() throws {
        let text = Self.email + "\n{{> footer}}"
        _ = try load([
            "en/reminder.test/default.mustache": text,
            "en/_partials/footer.mustache": "Ref. {{letter.reference}}\n",
        ])
        #expect(loadError(text)?.code == .invalidPartial)
        #expect(loadError(text, partials: ["footer": "{{letter.referense}}"])?.code == .unknownVariable)
        let cycle = loadError(text, partials: ["footer": "{{> header}}", "header": "{{> footer}}"])
        #expect(cycle?.code == .invalidPartial)
        #expect(cycle?.description.contains("footer → header → footer") == true)
    }

    @Test("The file structure is checked: header, parts, required parts")
    func structure() {
        #expect(loadError(Self.email.replacingOccurrences("channel: email\n", with: ""))?.code == .invalidStructure)
        #expect(loadError(Self.email.replacingOccurrences("channel: email", with: "channel: fax"))?.code == .invalidStructure)
        #expect(loadError(Self.email.replacingOccurrences("channel: email", with: "channel: email\nauthor: me"))?.code == .invalidStructure)
        #expect(loadError(Self.email + "\n@@ footer\nx")?.description.contains("'footer' is not a part of a email template") == true)
        #expect(loadError(Self.email + "\n@@ subject\nagain")?.code == .invalidStructure)
        let noText = loadError("channel: email\n@@ subject\nHello")
        #expect(noText?.description.contains("needs a '@@ text' part") == true)
        let letter = loadError("channel: letter\n@@ title\nHello")
        #expect(letter?.description.contains("needs a '@@ sender' part") == true)
    }

    @Test("Paths must name a language, a key and a tone or default", arguments: [
        "reminder.test.mustache",
        "de/reminder.test/default.mustache",
        "en/reminder.test/angry.mustache",
        "en/Reminder Test/default.mustache",
        "en/reminder.test/extra/default.mustache",
    ])
    func paths(path: String) {
        #expect(loadError(Self.email, path: path)?.code == .invalidPath)
    }

    @Test("A leading templates/ is accepted")
    func prefixedPath() throws {
        let library = try load(["templates/fr/reminder.test/firm.mustache": Self.email])
        #expect(library.tones(key: "reminder.test", language: .fr) == [.firm])
        #expect(!library.hasDefault(key: "reminder.test", language: .fr))
    }

    @Test("All variants of one key must share a channel")
    func variantChannels() {
        let call = """
        channel: call
        @@ title
        x
        @@ summary
        x
        @@ script
        x
        @@ table
        a | b
        """
        let error = #expect(throws: TemplateError.self) {
            try load(["en/reminder.test/firm.mustache": Self.email, "en/reminder.test/default.mustache": call])
        }
        #expect(error?.code == .channelMismatch)
    }
}
