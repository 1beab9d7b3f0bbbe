import Testing
import RelanceCore

/// Relance's own Mustache renderer, through small email templates rendered against
/// hand-made data and a schema of their own.
@Suite("Mustache rendering: escaping, standalone lines, sections, names, strictness")
struct MustacheRenderingTests {
    static let schema: TemplateSchema = .object([
        "name": .text,
        "company": .text,
        "flag": .flag,
        "off": .flag,
        "items": .list(.object(["name": .text, "total": .text])),
        "empty": .list(.text),
        "maybe": .optional(.text),
        "debtor": .object(["name": .text, "address": .list(.text), "city": .object(["name": .text])]),
        "totals": .object(["due": .text]),
    ])

    static let value: TemplateValue = .object([
        "name": .text("Root"),
        "company": .text("Durand & Fils <SARL> \"Lyon\" l'atelier"),
        "flag": .flag(true),
        "off": .flag(false),
        "items": .list([
            .object(["name": .text("F-1"), "total": .text("10,00\u{00A0}€")]),
            .object(["name": .text("F-2"), "total": .text("20,00\u{00A0}€")]),
        ]),
        "empty": .list([]),
        "debtor": .object([
            "name": .text("Boulangerie Martin"),
            "address": .list([.text("3 avenue Jean Jaurès"), .text("75019 Paris")]),
            "city": .object(["name": .text("Paris")]),
        ]),
        "totals": .object(["due": .text("30,00\u{00A0}€")]),
    ])

    /// An email template whose text part is `text` (and html part `html`, if given).
    private func template(text: String, html: String? = nil, subject: String = "Subject") throws -> MessageTemplate {
        var file = "channel: email\n@@ subject\n\(subject)\n@@ text\n\(text)"
        if let html { file += "\n@@ html\n\(html)" }
        let library = try TemplateLibrary(files: ["en/test.render/default.mustache": file], schema: Self.schema)
        return try library.template(key: "test.render", tone: .neutral, language: .en)
    }

    private func email(text: String, html: String? = nil, value: TemplateValue = Self.value) throws -> RenderedEmail? {
        try template(text: text, html: html).render(value: value).email
    }

    @Test("Only the HTML part escapes variables, with swift-mustache's entities; {{{x}}} and {{&x}} never escape")
    func escaping() throws {
        let email = try #require(try email(
            text: "{{company}} | {{{company}}} | {{&company}}",
            html: "<p>{{company}}</p><p>{{{company}}}</p><p>{{& company}}</p><p>{{totals.due}}</p>"
        ))
        #expect(email.text == "Durand & Fils <SARL> \"Lyon\" l'atelier | Durand & Fils <SARL> \"Lyon\" l'atelier | Durand & Fils <SARL> \"Lyon\" l'atelier")
        #expect(email.html == "<p>Durand &amp; Fils &lt;SARL&gt; &quot;Lyon&quot; l&#39;atelier</p>"
            + "<p>Durand & Fils <SARL> \"Lyon\" l'atelier</p><p>Durand & Fils <SARL> \"Lyon\" l'atelier</p>"
            + "<p>30,00\u{00A0}€</p>")
    }

    @Test("A line holding only a section or comment tag disappears with its line break; other lines stay")
    func standaloneLines() throws {
        let text = """
        Start
          {{#flag}}  \t
          indented, kept
          {{/flag}}
        {{! a comment line }}
        \t{{^off}}
        off is false
        {{/off}}
        Inline {{#flag}}yes{{/flag}} and {{^flag}}no{{/flag}}, end
          {{#flag}} text after the tag keeps the line
        {{/flag}}
        End
        """
        let email = try #require(try email(text: text))
        #expect(email.text == "Start\n  indented, kept\noff is false\nInline yes and , end\n   text after the tag keeps the line\nEnd")
    }

    @Test("Standalone lines in a list section leave one line per item")
    func standaloneList() throws {
        let text = """
        Invoices:
        {{#items}}
        - {{name}}: {{total}}
        {{/items}}
        Total {{totals.due}}
        """
        let email = try #require(try email(text: text))
        #expect(email.text == "Invoices:\n- F-1: 10,00\u{00A0}€\n- F-2: 20,00\u{00A0}€\nTotal 30,00\u{00A0}€")
    }

    @Test("Inverted sections show for false, an empty list and an absent value only")
    func invertedSections() throws {
        let text = """
        [{{^off}}false{{/off}}][{{^flag}}true{{/flag}}][{{^empty}}empty{{/empty}}][{{^items}}items{{/items}}][{{^maybe}}absent{{/maybe}}]
        """
        #expect(try email(text: text)?.text == "[false][][empty][][absent]")
        var fields: [String: TemplateValue] = [:]
        if case .object(let all) = Self.value { fields = all }
        fields["maybe"] = .text("here")
        fields["empty"] = .list([.text("one")])
        let present = try email(text: text + "{{#maybe}} maybe={{.}}{{/maybe}}", value: .object(fields))
        #expect(present?.text == "[false][][][][] maybe=here")
    }

    @Test("A list inside an object: each item is pushed, `.` is the item")
    func nestedList() throws {
        let email = try #require(try email(text: "{{#debtor}}{{name}}: {{#address}}{{.}}; {{/address}}{{/debtor}}"))
        #expect(email.text == "Boulangerie Martin: 3 avenue Jean Jaurès; 75019 Paris;")
    }

    @Test("Names resolve from the innermost scope outwards; following segments stay inside what was found")
    func scopes() throws {
        let text = """
        {{#items}}
        {{name}} of {{debtor.name}} in {{debtor.city.name}}, due {{totals.due}}
        {{/items}}
        {{#debtor}}{{#city}}{{name}} / {{debtor.name}} / {{company}}{{/city}}{{/debtor}}
        {{name}}
        """
        let email = try #require(try email(text: text))
        #expect(email.text == """
        F-1 of Boulangerie Martin in Paris, due 30,00\u{00A0}€
        F-2 of Boulangerie Martin in Paris, due 30,00\u{00A0}€
        Paris / Boulangerie Martin / Durand & Fils <SARL> "Lyon" l'atelier
        Root
        """)
    }

    @Test("A dotted name whose first segment is found inside does not fall back outwards")
    func noFallbackAfterFirstSegment() throws {
        // `debtor` is found in the item, which has no `city`: no value, even though the root's debtor has one.
        var fields: [String: TemplateValue] = [:]
        if case .object(let all) = Self.value { fields = all }
        fields["items"] = .list([.object(["name": .text("F-1"), "total": .text("1"), "debtor": .object(["name": .text("Inner")])])])
        let template = try template(text: "x\n{{#items}}{{debtor.name}} {{debtor.city.name}}{{/items}}")
        let error = #expect(throws: TemplateError.self) { try template.render(value: .object(fields)) }
        #expect(error?.code == .unresolvedVariable)
        #expect(error?.description == "en/test.render/default.mustache: part 'text': line 2: 'debtor.city.name' has no value")
    }

    @Test("A variable without a value, or not a text, is an error naming the part and the line")
    func strictVariables() throws {
        let template = try template(text: "Hello {{name}},\n\n{{#flag}}\nDue: {{totals.due}}\n{{/flag}}")
        var fields: [String: TemplateValue] = [:]
        if case .object(let all) = Self.value { fields = all }
        fields["totals"] = .object([:])
        let missing = #expect(throws: TemplateError.self) { try template.render(value: .object(fields)) }
        #expect(missing?.code == .unresolvedVariable)
        #expect(missing?.description == "en/test.render/default.mustache: part 'text': line 4: 'totals.due' has no value")

        fields["totals"] = .object(["due": .flag(true)])
        let notText = #expect(throws: TemplateError.self) { try template.render(value: .object(fields)) }
        #expect(notText?.description == "en/test.render/default.mustache: part 'text': line 4: 'totals.due' is not a text")

        // Inside a section that is not rendered, nothing is read.
        fields["flag"] = .flag(false)
        #expect(try template.render(value: .object(fields)).email?.text == "Hello Root,")
    }

    @Test("Parts are read on bytes: one-line parts collapse breakable whitespace only; no-break spaces stay")
    func partShapes() throws {
        let template = try template(text: "x", subject: "  Total\t{{totals.due}}  \n {{#flag}}now{{/flag}}  ")
        #expect(try template.render(value: Self.value).email?.subject == "Total 30,00\u{00A0}€ now")
    }

    @Test("A space between {{ and a section sigil is refused, as swift-mustache refused it")
    func spaceBeforeSigil() throws {
        for text in ["{{ #flag}}x{{/flag}}", "{{#flag}}x{{ /flag}}", "{{ ! note }}", "{{ &name}}"] {
            let error = #expect(throws: TemplateError.self) { try template(text: text) }
            #expect(error?.code == .syntax, "\(text)")
        }
        // Spaces inside the tag are fine.
        #expect(try email(text: "{{# flag }}{{ name }}{{/ flag }}{{& name }}")?.text == "RootRoot")
    }
}
