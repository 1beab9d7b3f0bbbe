import Foundation
import Testing
import RelanceCore

/// Every shipped template rendered over varied contexts, compared byte for byte with the
/// renderings recorded in `Golden/<variant>.txt` (one file per variant, e.g. `fr-single.txt`),
/// so that work on the renderer cannot change a single character a debtor reads.
///
/// To re-record after a deliberate template change, run the suite with
/// `RELANCE_RECORD_GOLDEN=1`; the run then fails on purpose, and the diff of the `Golden`
/// folder shows what changed.
@Suite("Golden renderings")
struct GoldenRenderingTests {
    struct Variant: Sendable, CustomTestStringConvertible {
        let name: String
        let context: MessageContext
        var testDescription: String { name }
        /// The file holding its recorded rendering: the name with dashes for spaces.
        var file: URL {
            GoldenRenderingTests.directory.appendingPathComponent(name.split(separator: " ").joined(separator: "-") + ".txt")
        }
    }

    /// `Golden/`, next to this file.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static let variants: [Variant] = Language.allCases.flatMap { language in
        [
            Variant(name: "\(language.rawValue) single", context: single(language: language)),
            Variant(name: "\(language.rawValue) full business", context: SampleMessages.full(language: language)),
            Variant(name: "\(language.rawValue) three consumer", context: threeInvoices(language: language)),
            Variant(name: "\(language.rawValue) agency first", context: SampleMessages.viaAgency(language: language, later: false)),
            Variant(name: "\(language.rawValue) agency later", context: SampleMessages.viaAgency(language: language, debtorKind: .consumer, later: true)),
        ]
    }

    @Test("Every shipped template renders exactly as recorded", arguments: variants)
    func rendersAsRecorded(_ variant: Variant) throws {
        let rendered = Self.renderings(of: variant.context)
        if ProcessInfo.processInfo.environment["RELANCE_RECORD_GOLDEN"] != nil {
            try Data(rendered.utf8).write(to: variant.file)
            Issue.record("recorded \(variant.file.lastPathComponent): run once more without RELANCE_RECORD_GOLDEN")
            return
        }
        let expected = try Data(contentsOf: variant.file)
        // Bytes, not characters: String equality would let a change of Unicode normalisation pass.
        guard !rendered.utf8.elementsEqual(expected) else { return }
        let renderedLines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(renderedLines, expectedLines).enumerated().first { !$0.element.0.utf8.elementsEqual($0.element.1.utf8) }?.offset
            ?? min(renderedLines.count, expectedLines.count)
        let got = first < renderedLines.count ? String(renderedLines[first]) : "<end>"
        let wanted = first < expectedLines.count ? String(expectedLines[first]) : "<end>"
        Issue.record("\(variant.file.lastPathComponent) line \(first + 1) differs:\n  got:      \(got)\n  expected: \(wanted)")
    }

    // MARK: - Renderings

    /// Every key in every tone that has its own file, and once through the default file, as
    /// text that shows every field of the rendered message (or the error), each line ending
    /// with a line feed.
    static func renderings(of context: MessageContext) -> String {
        let library = ShippedTemplateTests.library
        let renderer = TemplateRenderer(library: library, agencyRules: SampleMessages.rules.collectionAgency)
        var text = ""
        for key in TemplateKey.all {
            let channel = ShippedTemplateTests.channels[key]!
            let ownTones = library.tones(key: key, language: context.language)
            var tones = ownTones
            if library.hasDefault(key: key, language: context.language), let other = Tone.allCases.first(where: { !ownTones.contains($0) }) {
                tones.append(other)
            }
            for tone in tones {
                text += "=== \(key) \(channel.rawValue) \(tone.rawValue)\n"
                do {
                    let message = try renderer.render(key: key, channel: channel, tone: tone, context: context)
                    write(message, label: "", indent: 0, into: &text)
                } catch {
                    text += "error \(error.code): \(error.description)\n"
                }
            }
        }
        return text
    }

    /// One line per field, found by reflection so that no field can be left out; texts are
    /// written escaped, so a changed space or line break shows.
    private static func write(_ value: Any, label: String, indent: Int, into text: inout String) {
        let pad = String(repeating: "  ", count: indent)
        if let string = value as? String {
            text += pad + label + string.debugDescription + "\n"
            return
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            if let wrapped = mirror.children.first {
                write(wrapped.value, label: label, indent: indent, into: &text)
            } else {
                text += pad + label + "nil\n"
            }
        case .collection:
            text += pad + label + "[\(mirror.children.count)]\n"
            for child in mirror.children { write(child.value, label: "- ", indent: indent + 1, into: &text) }
        case .enum:
            for child in mirror.children { write(child.value, label: label + (child.label ?? "?") + " ", indent: indent, into: &text) }
        default:
            text += pad + label + "\(mirror.subjectType)\n"
            for child in mirror.children { write(child.value, label: (child.label ?? "?") + ": ", indent: indent + 1, into: &text) }
        }
    }

    // MARK: - Contexts

    /// One invoice not yet late, no penalties, no history, no next step, one payment method.
    static func single(language: Language) -> MessageContext {
        MessageContext(
            language: language,
            letter: LetterReference(reference: "REL-2026-0001", date: SampleMessages.day("2026-03-01")),
            debtor: LetterParty(name: "Café du Port", addressLines: ["1 quai Rambaud", "69002 Lyon"], email: "cafe@port.example"),
            debtorKind: .business,
            creditor: SampleMessages.creditor,
            invoices: [
                MessageInvoice(number: "F-2026-007", issueDate: SampleMessages.day("2026-02-01"), dueDate: SampleMessages.day("2026-03-01"),
                               amount: SampleMessages.eur("99.99"), outstanding: SampleMessages.eur("99.99")),
            ],
            penalties: .none(.eur),
            paymentDeadline: SampleMessages.day("2026-04-01"),
            paymentMethods: [MessagePaymentMethod(label: "IBAN", details: "FR76 3000 6000 0112 3456 7890 189")]
        )
    }

    /// Three invoices in a currency without a symbol, large amounts, names HTML must escape,
    /// three earlier actions and court proceedings next.
    static func threeInvoices(language: Language) -> MessageContext {
        func chf(_ text: String) -> Money { try! Money(decimal: text, currency: .chf) }
        let day = SampleMessages.day
        return MessageContext(
            language: language,
            letter: LetterReference(reference: "REL-2026-0999", date: day("2026-12-01")),
            debtor: LetterParty(name: "Jean \"Jo\" O'Neil <Ateliers>", addressLines: ["Rue du Rhône 5", "1204 Genève", "Suisse"],
                                contactName: "Jean O'Neil", phone: "+41 22 000 00 00", email: "jo@oneil.example"),
            debtorKind: .consumer,
            creditor: LetterParty(name: "Horlogerie Besson & Cie", addressLines: ["2 rue de la Paix"]),
            invoices: [
                MessageInvoice(number: "H-1", issueDate: day("2026-01-01"), dueDate: day("2026-02-01"),
                               amount: chf("1234567.89"), outstanding: chf("1000000")),
                MessageInvoice(number: "H-2", issueDate: day("2026-06-15"), dueDate: day("2026-07-15"),
                               amount: chf("0.05"), outstanding: chf("0.05")),
                MessageInvoice(number: "H-3", issueDate: day("2026-11-01"), dueDate: day("2026-12-31"),
                               amount: chf("12000"), outstanding: chf("11999.99")),
            ],
            penalties: MessagePenalties(interest: chf("31415.92"), fixedIndemnity: chf("0"), rate: Rate(basisPoints: 800)),
            history: [
                MessageAction(date: day("2026-02-02"), channel: .email, summary: "Rappel <1> & \"amical\""),
                MessageAction(date: day("2026-03-01"), channel: .letter, summary: "Courrier"),
                MessageAction(date: day("2026-04-10"), channel: .registeredLetter, summary: "Mise en demeure"),
            ],
            nextStep: MessageNextStep(channel: .legal, date: day("2027-01-01")),
            paymentDeadline: day("2026-12-15"),
            paymentMethods: [
                MessagePaymentMethod(label: "Virement", details: "CH93 0076 2011 6238 5295 7"),
                MessagePaymentMethod(label: "Chèque", details: "à l'ordre de Besson & Cie"),
                MessagePaymentMethod(label: "Espèces", details: "au comptoir"),
            ]
        )
    }
}
