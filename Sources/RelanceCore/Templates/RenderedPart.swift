/// One rendered part of a message, read according to its kind.
public enum RenderedPart: Sendable, Hashable {
    case line(String)
    case text(String)
    case paragraphs([String])
    case lines([String])
    case table(RenderedTable)

    init(text raw: String, kind: TemplateLayout.PartKind, name: String, path: String) throws(TemplateError) {
        let lines = raw.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.trimmedTrailingWhitespace) }
        switch kind {
        case .line:
            // Only breakable whitespace collapses: the no-break spaces inside French amounts stay.
            self = .line(raw.split(whereSeparator: { $0 == " " || $0 == "\t" || $0.isNewline }).joined(separator: " "))
        case .text, .html:
            var kept = lines
            while kept.first?.isEmpty == true { kept.removeFirst() }
            while kept.last?.isEmpty == true { kept.removeLast() }
            // Sections that render nothing leave runs of blank lines: keep one.
            var text: [String] = []
            for line in kept where !(line.isEmpty && text.last?.isEmpty == true) { text.append(line) }
            self = .text(text.joined(separator: "\n"))
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
            self = .paragraphs(paragraphs)
        case .lines:
            self = .lines(lines.map { String($0.trimmedWhitespace) }.filter { !$0.isEmpty })
        case .table:
            let rows = lines.filter { !$0.trimmedWhitespace.isEmpty }.map { line in
                line.split(separator: "|", omittingEmptySubsequences: false).map { String($0.trimmedWhitespace) }
            }
            guard let header = rows.first else {
                self = .table(RenderedTable(header: [], rows: []))
                return
            }
            for (index, row) in rows.enumerated() where row.count != header.count {
                throw TemplateError(.invalidOutput, "part '\(name)': row \(index + 1) has \(row.count) cells, the header has \(header.count)", path: path)
            }
            self = .table(RenderedTable(header: header, rows: Array(rows.dropFirst())))
        }
    }

    var isEmpty: Bool {
        switch self {
        case .line(let text), .text(let text): text.isEmpty
        case .paragraphs(let items), .lines(let items): items.isEmpty
        case .table(let table): table.header.isEmpty
        }
    }

    /// The part as plain text.
    public var plainText: String {
        switch self {
        case .line(let text), .text(let text): text
        case .paragraphs(let paragraphs): paragraphs.joined(separator: "\n\n")
        case .lines(let lines): lines.joined(separator: "\n")
        case .table(let table): table.plainText
        }
    }

    var lineValue: String { if case .line(let text) = self { text } else { plainText } }
    var textValue: String { if case .text(let text) = self { text } else { plainText } }
    var listValue: [String] {
        switch self {
        case .paragraphs(let items), .lines(let items): items
        default: [plainText]
        }
    }
    var tableValue: RenderedTable {
        if case .table(let table) = self { return table }
        return RenderedTable(header: [], rows: [])
    }
}

extension StringProtocol {
    var trimmedTrailingWhitespace: SubSequence {
        guard let last = lastIndex(where: { !$0.isWhitespace }) else { return self[startIndex..<startIndex] }
        return self[...last]
    }
}
