@testable import RelanceCore
import Mustache
import Testing

// TEMPORARY: proves Relance's own renderer gives byte-identical output to swift-mustache (and
// the old strict pre-check) on every shipped template, before swift-mustache is removed.
@Suite("Renderer differential against swift-mustache (temporary)")
struct RendererDifferentialTests {
    static let library = try! TemplateLibrary(files: RepositoryFiles.templateFiles())
    static let rules = SampleMessages.rules.collectionAgency

    /// Every template file of the library, once.
    static let templates: [MessageTemplate] = {
        var seen: Set<String> = []
        var result: [MessageTemplate] = []
        for key in library.keys.sorted() {
            for language in Language.allCases {
                for tone in Tone.allCases {
                    guard let template = try? library.template(key: key, tone: tone, language: language) else { continue }
                    if seen.insert(template.path).inserted { result.append(template) }
                }
            }
        }
        return result
    }()

    // MARK: - Contexts

    static func contexts(language: Language) -> [(String, MessageContext)] {
        var result: [(String, MessageContext)] = []
        let eur = SampleMessages.eur
        let day = SampleMessages.day
        let third = MessageInvoice(number: "F-2026-130", issueDate: day("2026-11-01"), dueDate: day("2026-12-01"),
                                   amount: eur("99.90"), outstanding: eur("99.90"))
        for kind in DebtorKind.allCases {
            for agency in ["none", "first", "later"] {
                for invoiceCount in [1, 2, 3] {
                    for extras in ["full", "minimal", "partial", "early"] {
                        var context = agency == "none"
                            ? SampleMessages.full(language: language, debtorKind: kind)
                            : SampleMessages.viaAgency(language: language, debtorKind: kind, later: agency == "later")
                        switch invoiceCount {
                        case 1: context.invoices = [context.invoices[0]]
                        case 3: context.invoices.append(third)
                        default: break
                        }
                        switch extras {
                        case "minimal":
                            context.history = []
                            context.nextStep = nil
                            context.debtor = LetterParty(name: "Jane Doe", addressLines: ["1 High Street"])
                            context.creditor = LetterParty(name: "Shop", addressLines: [])
                            context.penalties = .none(.eur)
                            context.paymentMethods = [context.paymentMethods[0]]
                        case "partial":
                            context.history = [context.history[0]]
                            context.debtor.contactName = nil
                            context.debtor.phone = nil
                            context.debtor.email = "paul@boulangerie.example"
                            context.creditor.phone = nil
                            context.penalties.rate = nil
                            context.penalties.fixedIndemnity = eur("0")
                            context.nextStep = MessageNextStep(channel: .legal, date: day("2027-01-10"))
                        case "early":
                            context.letter = LetterReference(reference: "REL-1", date: day("2026-09-28"))
                            context.penalties = .none(.eur)
                            context.history = []
                            context.nextStep = MessageNextStep(channel: .call, date: day("2026-10-05"))
                        default: break
                        }
                        result.append(("\(kind.rawValue) agency=\(agency) invoices=\(invoiceCount) \(extras)", context))
                    }
                }
            }
        }
        // Characters that HTML escapes, whitespace oddities, and no-break spaces at line ends.
        var hostile = SampleMessages.full(language: language)
        hostile.debtor = LetterParty(
            name: "O'Brien & \"Sons\" <Ltd>", addressLines: ["  12  rue\tdu Port  ", "", "75001 Paris\u{00A0}"],
            contactName: "Ann\u{202F}Lee ", phone: "\t01 02 03 04 05", email: "a&b@example.com"
        )
        hostile.creditor.name = "Durand & Fils <SARL>  "
        hostile.history = [
            MessageAction(date: day("2026-10-02"), channel: .email, summary: "first line\r\nsecond line"),
            MessageAction(date: day("2026-10-03"), channel: .letter, summary: "  spaced   out  \u{00A0}"),
            MessageAction(date: day("2026-10-04"), channel: .call, summary: "two\n\nparagraphs\n"),
        ]
        hostile.paymentMethods = [MessagePaymentMethod(label: "Wire <b>", details: "IBAN 'FR76' & co\u{2028}next")]
        result.append(("hostile", hostile))
        var pipes = SampleMessages.full(language: language)
        pipes.invoices[0].number = "F|1"
        result.append(("pipe in a table cell", pipes))
        return result
    }

    // MARK: - Both renderers

    enum Outcome: Equatable, CustomStringConvertible {
        case text(String)
        case failure(TemplateError.Code, String)
        var description: String {
            switch self {
            case .text(let text): "text(\(text.debugDescription))"
            case .failure(let code, let message): "failure(\(code), \(message))"
            }
        }
    }

    enum PartOutcome: Equatable {
        case part(RenderedPart)
        case failure(TemplateError.Code, String)
    }

    static func legacyRaw(_ part: MessageTemplate.CompiledPart, _ value: TemplateValue) -> Outcome {
        do throws(TemplateError) {
            try TemplateNameChecker.check(part.template.tags, against: value)
        } catch {
            return .failure(error.code, error.message)
        }
        let source = part.part.kind == .html ? part.source : "{{% CONTENT_TYPE: TEXT }}\n" + part.source
        let mustache = try! MustacheTemplate(string: source)
        return .text(mustache.render(value.mustacheObject))
    }

    static func newRaw(_ part: MessageTemplate.CompiledPart, _ value: TemplateValue) -> Outcome {
        var bytes: [UInt8] = []
        do throws(TemplateError) {
            try part.template.render(value, escapingHTML: part.part.kind == .html, into: &bytes)
        } catch {
            return .failure(error.code, error.message)
        }
        return .text(String(decoding: bytes, as: UTF8.self))
    }

    static func read(_ raw: String, _ kind: TemplateLayout.PartKind, legacy: Bool) -> PartOutcome {
        do throws(TemplateError) {
            return .part(legacy ? try legacyPart(text: raw, kind: kind, name: "p", path: "x") : try RenderedPart(text: raw, kind: kind, name: "p", path: "x"))
        } catch {
            return .failure(error.code, error.message)
        }
    }

    struct Tally {
        var compared = 0
        var differences: [String] = []
        var kinds: [String: Int] = [:]

        mutating func compare(_ template: MessageTemplate, _ label: String, _ value: TemplateValue) {
            for part in template.parts {
                let old = RendererDifferentialTests.legacyRaw(part, value)
                let new = RendererDifferentialTests.newRaw(part, value)
                compared += 1
                if case .failure = old { kinds["error", default: 0] += 1 } else { kinds["text", default: 0] += 1 }
                if old != new {
                    differences.append("\(template.path) [\(label)] part \(part.part.name): swift-mustache \(old) ≠ new \(new)")
                    continue
                }
                if case .text(let raw) = old {
                    let oldPart = RendererDifferentialTests.read(raw, part.part.kind, legacy: true)
                    let newPart = RendererDifferentialTests.read(raw, part.part.kind, legacy: false)
                    if oldPart != newPart {
                        differences.append("\(template.path) [\(label)] part \(part.part.name) reads differently: \(oldPart) ≠ \(newPart)")
                    }
                }
            }
        }
    }

    @Test("The compiled tags are those the old parser read")
    func sameTags() throws {
        for template in Self.templates {
            for part in template.parts {
                #expect(try LegacyTagParser.parse(part.source) == part.template.tags, "\(template.path) \(part.part.name)")
            }
        }
        #expect(Self.templates.count >= 23)
    }

    @Test("Every shipped template renders byte for byte as swift-mustache did, for many contexts")
    func identicalOutput() throws {
        var tally = Tally()
        for language in Language.allCases {
            let contexts = Self.contexts(language: language)
            for template in Self.templates where template.language == language {
                for (label, context) in contexts {
                    tally.compare(template, label, try context.templateValue(agencyRules: Self.rules))
                }
            }
        }
        print("differential: \(tally.compared) parts compared \(tally.kinds), \(tally.differences.count) differences")
        #expect(tally.differences.isEmpty, "\(tally.differences.prefix(20).joined(separator: "\n"))")
        #expect(tally.compared > 5000)
    }

    /// Every field removed, or replaced by a value of each other type, one at a time.
    static func perturbations(of value: TemplateValue, path: String = "") -> [(String, TemplateValue)] {
        var result: [(String, TemplateValue)] = []
        switch value {
        case .object(let fields):
            for (key, field) in fields.sorted(by: { $0.key < $1.key }) {
                let here = path.isEmpty ? key : "\(path).\(key)"
                var removed = fields
                removed[key] = nil
                result.append(("\(here) removed", .object(removed)))
                for replacement: TemplateValue in [.text("x & <y>"), .flag(true), .flag(false), .list([]), .list([.text("a"), .text("b")]), .object([:])] where replacement != field {
                    var replaced = fields
                    replaced[key] = replacement
                    result.append(("\(here) = \(replacement)", .object(replaced)))
                }
                for (label, inner) in perturbations(of: field, path: here) {
                    var nested = fields
                    nested[key] = inner
                    result.append((label, .object(nested)))
                }
            }
        case .list(let items) where !items.isEmpty:
            // The first item only: the others are rendered the same way.
            for (label, inner) in perturbations(of: items[0], path: path + "[0]") {
                result.append((label, .list([inner] + items.dropFirst())))
            }
        default:
            break
        }
        return result
    }

    @Test("Broken data fails, or renders, the same way with both", arguments: Language.allCases)
    func identicalOnBrokenData(language: Language) throws {
        var tally = Tally()
        let base = try SampleMessages.viaAgency(language: language, later: true).templateValue(agencyRules: Self.rules)
        let perturbed = Self.perturbations(of: base)
        for template in Self.templates where template.language == language {
            for (label, value) in perturbed {
                tally.compare(template, label, value)
            }
        }
        print("differential (broken data, \(language)): \(perturbed.count) variants, \(tally.compared) parts compared \(tally.kinds), \(tally.differences.count) differences")
        #expect(tally.differences.isEmpty, "\(tally.differences.prefix(20).joined(separator: "\n"))")
    }

    @Test("Whitespace and standalone lines follow swift-mustache on odd layouts")
    func oddLayouts() throws {
        let value = try SampleMessages.full(language: .en).templateValue(agencyRules: Self.rules)
        let sources = [
            "  {{#hasHistory}}  \n  x\n  {{/hasHistory}}  \n  y",
            "a {{#hasHistory}}\nb\n{{/hasHistory}}\n  {{#isOverdue}}\nc\n  {{/isOverdue}}\nd",
            "{{#hasHistory}}\nb\nc{{/hasHistory}} {{#isOverdue}}\nx\n{{/isOverdue}}\nz",
            "  {{! comment }}  \n  {{! inline }} x\n\t{{^hasHistory}}\t\nnone\n{{/hasHistory}}",
            "{{#history}}{{date}}\n{{/history}}\n{{#invoices}}\n  - {{number}} {{outstanding}}\n{{/invoices}}   ",
            "end with tag {{#hasHistory}}x{{/hasHistory}}",
            "{{#hasHistory}}x\n  {{/hasHistory}}   ",
            "{{#hasHistory}}x\n{{/hasHistory}}",
            "line\r\n  {{#hasHistory}}\r\n  in\r\n  {{/hasHistory}}\r\nout\r\n",
            "{ {x} }{{invoiceNumbers}}{ {{invoiceNumbers}}}",
            "   \n\t\n{{#nextStep}}\n{{date}}\n{{/nextStep}}   ",
            "{{#debtor}}{{#address}}{{.}}|{{name}}\n{{/address}}{{/debtor}}",
            "{{{creditor.name}}} {{&creditor.name}} {{creditor.name}}",
            "x\u{000B}{{#hasHistory}}\u{000B}y\u{2028}  {{/hasHistory}}\u{2028}z",
        ]
        for source in sources {
            for kind in [TemplateLayout.PartKind.text, .html] {
                let compiled = try TemplateTagParser.parse(source)
                let part = MessageTemplate.CompiledPart(part: TemplateLayout.Part(name: "p", kind: kind, isRequired: false),
                                                        template: compiled, source: source)
                #expect(Self.legacyRaw(part, value) == Self.newRaw(part, value), "\(source.debugDescription) \(kind)")
                var hostile = value
                if case .object(var fields) = hostile {
                    fields["creditor"] = .object(["name": .text("A & <B> \"C\" 'D'"), "address": .list([]), "addressInline": .text("")])
                    hostile = .object(fields)
                }
                #expect(Self.legacyRaw(part, hostile) == Self.newRaw(part, hostile), "\(source.debugDescription) \(kind) hostile")
            }
        }
    }
}

// MARK: - The old code, as it was on main

/// The old `RenderedPart.init(text:kind:name:path:)`.
func legacyPart(text raw: String, kind: TemplateLayout.PartKind, name: String, path: String) throws(TemplateError) -> RenderedPart {
    let lines = raw.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.legacyTrimmedTrailingWhitespace) }
    switch kind {
    case .line:
        return .line(raw.split(whereSeparator: { $0 == " " || $0 == "\t" || $0.isNewline }).joined(separator: " "))
    case .text, .html:
        var kept = lines
        while kept.first?.isEmpty == true { kept.removeFirst() }
        while kept.last?.isEmpty == true { kept.removeLast() }
        var text: [String] = []
        for line in kept where !(line.isEmpty && text.last?.isEmpty == true) { text.append(line) }
        return .text(text.joined(separator: "\n"))
    case .paragraphs:
        var paragraphs: [String] = []
        var current: [String] = []
        for line in lines + [""] {
            if line.trimmedWhitespace.isEmpty {
                if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
                current = []
            } else {
                current.append(line)
            }
        }
        return .paragraphs(paragraphs)
    case .lines:
        return .lines(lines.map { String($0.trimmedWhitespace) }.filter { !$0.isEmpty })
    case .table:
        let rows = lines.filter { !$0.trimmedWhitespace.isEmpty }.map { line in
            line.split(separator: "|", omittingEmptySubsequences: false).map { String($0.trimmedWhitespace) }
        }
        guard let header = rows.first else { return .table(RenderedTable(header: [], rows: [])) }
        for (index, row) in rows.enumerated() where row.count != header.count {
            throw TemplateError(.invalidOutput, "part '\(name)': row \(index + 1) has \(row.count) cells, the header has \(header.count)", path: path)
        }
        return .table(RenderedTable(header: header, rows: Array(rows.dropFirst())))
    }
}

extension StringProtocol {
    var legacyTrimmedTrailingWhitespace: SubSequence {
        guard let last = lastIndex(where: { !$0.isWhitespace }) else { return self[startIndex..<startIndex] }
        return self[...last]
    }
}

/// The old `TemplateTagParser`.
enum LegacyTagParser {
    static func parse(_ text: String) throws(TemplateError) -> [TemplateNode] {
        var stack: [(name: String, inverted: Bool, line: Int, children: [TemplateNode])] = [("", false, 0, [])]
        var index = text.startIndex
        var line = 1

        func advanceLines(to end: String.Index) {
            line += text[index..<end].reduce(0) { $0 + ($1.isNewline ? 1 : 0) }
            index = end
        }

        while let open = text[index...].firstRange(of: "{{") {
            advanceLines(to: open.lowerBound)
            let tagLine = line
            let triple = text[open.upperBound...].hasPrefix("{")
            let contentStart = triple ? text.index(after: open.upperBound) : open.upperBound
            let closer = triple ? "}}}" : "}}"
            guard let close = text[contentStart...].firstRange(of: closer) else {
                throw TemplateError(.syntax, "line \(tagLine): a tag opened with {{ is never closed")
            }
            let raw = text[contentStart..<close.lowerBound]
            advanceLines(to: close.upperBound)

            let content = raw.trimmedWhitespace
            guard let sigil = content.first else {
                throw TemplateError(.syntax, "line \(tagLine): empty tag {{}}")
            }
            if triple {
                try push(.variable(name: try name(content, line: tagLine), line: tagLine))
                continue
            }
            let rest = content.dropFirst().trimmedWhitespace
            switch sigil {
            case "!":
                continue
            case "&":
                try push(.variable(name: try name(rest, line: tagLine), line: tagLine))
            case "#", "^":
                stack.append((try name(rest, line: tagLine), sigil == "^", tagLine, []))
            case "/":
                let closing = try name(rest, line: tagLine)
                guard stack.count > 1, let open = stack.last else {
                    throw TemplateError(.syntax, "line \(tagLine): {{/\(closing)}} closes a section that was never opened")
                }
                guard open.name == closing else {
                    throw TemplateError(.syntax, "line \(tagLine): {{/\(closing)}} closes {{#\(open.name)}} opened on line \(open.line)")
                }
                stack.removeLast()
                try push(.section(name: open.name, inverted: open.inverted, children: open.children, line: open.line))
            case ">":
                throw TemplateError(.invalidPartial, "line \(tagLine): partial {{>\(rest)}} was not expanded")
            case "=", "%", "$", "<", "*":
                throw TemplateError(.syntax, "line \(tagLine): the tag {{\(content)}} uses Mustache syntax Relance templates do not allow")
            default:
                try push(.variable(name: try name(content, line: tagLine), line: tagLine))
            }
        }
        if let open = stack.last, stack.count > 1 {
            throw TemplateError(.syntax, "line \(open.line): section {{#\(open.name)}} is never closed")
        }
        return stack[0].children

        func push(_ node: TemplateNode) throws(TemplateError) {
            stack[stack.count - 1].children.append(node)
        }
    }

    /// Validates a tag name: `.` or dot-separated identifiers.
    private static func name(_ text: Substring, line: Int) throws(TemplateError) -> String {
        if text == "." { return "." }
        let segments = text.split(separator: ".", omittingEmptySubsequences: false)
        let valid = !segments.isEmpty && segments.allSatisfy { segment in
            guard let first = segment.first, first.isASCII, first.isLetter || first == "_" else { return false }
            return segment.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        }
        guard valid else {
            throw TemplateError(.syntax, "line \(line): '\(text)' is not a variable name such as invoice.number")
        }
        return String(text)
    }
}
