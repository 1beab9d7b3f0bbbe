/// A rendered message, shaped for its channel.
public enum RenderedMessage: Sendable, Hashable {
    case email(RenderedEmail)
    case letter(RenderedLetter)
    case call(RenderedCallBriefing)
    case legal(RenderedDossierCover)

    /// Builds the typed message from rendered parts; required parts are known to be present.
    /// A layout has at most fourteen parts: finding one by name in order costs less than
    /// hashing names into a dictionary.
    init(layout: TemplateLayout, parts: [(name: String, part: RenderedPart)]) {
        func part(_ name: String) -> RenderedPart? {
            for entry in parts where entry.name == name { return entry.part }
            return nil
        }
        func line(_ name: String) -> String { part(name)?.lineValue ?? "" }
        func list(_ name: String) -> [String] { part(name)?.listValue ?? [] }
        func table(_ name: String) -> RenderedTable { part(name)?.tableValue ?? RenderedTable(header: [], rows: []) }
        switch layout {
        case .email:
            self = .email(RenderedEmail(subject: line("subject"), text: part("text")?.textValue ?? "", html: part("html")?.textValue))
        case .letter:
            self = .letter(RenderedLetter(
                title: line("title"), sender: list("sender"), recipient: list("recipient"),
                mailing: part("mailing")?.lineValue, date: line("date"), reference: list("reference"),
                subject: line("subject"), salutation: line("salutation"), body: list("body"),
                table: table("table"), totals: part("totals")?.tableValue, closing: list("closing"),
                signature: list("signature"), mentions: list("mentions")
            ))
        case .call:
            self = .call(RenderedCallBriefing(
                title: line("title"), summary: list("summary"), script: list("script"),
                table: table("table"), history: part("history")?.tableValue, outcomes: list("outcomes")
            ))
        case .legal:
            self = .legal(RenderedDossierCover(
                title: line("title"), summary: list("summary"), parties: table("parties"),
                table: table("table"), totals: table("totals"), history: part("history")?.tableValue,
                documents: list("documents")
            ))
        }
    }

    /// The message as the recipient reads it (an email's HTML body is left out).
    public var plainText: String {
        switch self {
        case .email(let email): email.plainText
        case .letter(let letter): letter.plainText
        case .call(let call): call.plainText
        case .legal(let cover): cover.plainText
        }
    }

    public var email: RenderedEmail? { if case .email(let value) = self { value } else { nil } }
    public var letter: RenderedLetter? { if case .letter(let value) = self { value } else { nil } }
    public var call: RenderedCallBriefing? { if case .call(let value) = self { value } else { nil } }
    public var legal: RenderedDossierCover? { if case .legal(let value) = self { value } else { nil } }
}
