/// The parts a template file for one kind of channel has, and how each rendered part is read.
public enum TemplateLayout: String, Sendable, Hashable, CaseIterable {
    case email
    case letter
    case call
    case legal

    /// How a rendered part becomes structure.
    public enum PartKind: Sendable, Hashable {
        /// One line; inner line breaks and runs of spaces become single spaces.
        case line
        /// Free text kept as written (an email body).
        case text
        /// HTML; variables are HTML-escaped.
        case html
        /// Paragraphs separated by blank lines; a paragraph keeps its own line breaks.
        case paragraphs
        /// One entry per non-empty line.
        case lines
        /// Rows of cells separated by `|`; the first row is the header.
        case table
    }

    public struct Part: Sendable, Hashable {
        public let name: String
        public let kind: PartKind
        public let isRequired: Bool
    }

    /// The layout used by a channel: registered letters are letters.
    public init(channel: Channel) {
        switch channel {
        case .email: self = .email
        case .call: self = .call
        case .letter, .registeredLetter: self = .letter
        case .legal: self = .legal
        }
    }

    /// The parts, in reading order.
    public var parts: [Part] {
        func part(_ name: String, _ kind: PartKind, required: Bool = true) -> Part {
            Part(name: name, kind: kind, isRequired: required)
        }
        switch self {
        case .email:
            return [part("subject", .line), part("text", .text), part("html", .html, required: false)]
        case .letter:
            return [
                part("title", .line), part("sender", .lines), part("recipient", .lines),
                part("mailing", .line, required: false), part("date", .line), part("reference", .lines),
                part("subject", .line), part("salutation", .line), part("body", .paragraphs),
                part("table", .table), part("totals", .table, required: false), part("closing", .paragraphs),
                part("signature", .lines), part("mentions", .paragraphs, required: false),
            ]
        case .call:
            return [
                part("title", .line), part("summary", .lines), part("script", .paragraphs),
                part("table", .table), part("history", .table, required: false), part("outcomes", .lines, required: false),
            ]
        case .legal:
            return [
                part("title", .line), part("summary", .paragraphs), part("parties", .table),
                part("table", .table), part("totals", .table), part("history", .table, required: false),
                part("documents", .lines),
            ]
        }
    }

    func part(named name: String) -> Part? { parts.first { $0.name == name } }
}
