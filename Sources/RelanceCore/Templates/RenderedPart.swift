/// One rendered part of a message, read according to its kind.
public enum RenderedPart: Sendable, Hashable {
    case line(String)
    case text(String)
    case paragraphs([String])
    case lines([String])
    case table(RenderedTable)

    /// Reads the rendered bytes (UTF-8) of a part according to its kind. Works on bytes, not
    /// characters, so that no grapheme breaking is paid for: lines break at "\n" (a "\r\n"
    /// pair is one character and is not split), and whitespace is trimmed per scalar.
    init(utf8 bytes: [UInt8], kind: TemplateLayout.PartKind, name: String, path: String) throws(TemplateError) {
        switch kind {
        case .line: self = .line(Self.readLine(bytes))
        case .text, .html: self = .text(Self.readText(bytes))
        case .paragraphs: self = .paragraphs(Self.readParagraphs(bytes))
        case .lines: self = .lines(Self.readLines(bytes))
        case .table: self = .table(try Self.readTable(bytes, name: name, path: path))
        }
    }

    /// Free text: no leading or trailing blank lines, no trailing spaces, and runs of blank
    /// lines (left by sections that render nothing) kept as one.
    private static func readText(_ bytes: [UInt8]) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count)
        // A blank line is written only once a non-blank line follows it.
        var blankPending = false
        forEachLine(bytes) { line in
            if line.isEmpty {
                blankPending = !text.isEmpty
                return
            }
            if !text.isEmpty {
                text.append(UTF8Text.lineFeed)
                if blankPending { text.append(UTF8Text.lineFeed) }
            }
            blankPending = false
            text.append(contentsOf: bytes[line])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Paragraphs separated by blank lines; each keeps its own line breaks.
    private static func readParagraphs(_ bytes: [UInt8]) -> [String] {
        var paragraphs: [String] = []
        var current: [UInt8] = []
        forEachLine(bytes) { line in
            if line.isEmpty {
                if !current.isEmpty { paragraphs.append(String(decoding: current, as: UTF8.self)) }
                current.removeAll(keepingCapacity: true)
            } else {
                if !current.isEmpty { current.append(UTF8Text.lineFeed) }
                current.append(contentsOf: bytes[line])
            }
        }
        if !current.isEmpty { paragraphs.append(String(decoding: current, as: UTF8.self)) }
        return paragraphs
    }

    /// One entry per non-blank line, trimmed.
    private static func readLines(_ bytes: [UInt8]) -> [String] {
        var lines: [String] = []
        forEachLine(bytes) { line in
            let trimmed = UTF8Text.trimmedStart(bytes, line)
            if !trimmed.isEmpty { lines.append(UTF8Text.string(bytes, trimmed)) }
        }
        return lines
    }

    /// Rows of trimmed cells separated by `|`; the first row is the header and every row must
    /// have as many cells.
    private static func readTable(_ bytes: [UInt8], name: String, path: String) throws(TemplateError) -> RenderedTable {
        var rows: [[String]] = []
        forEachLine(bytes) { line in
            guard !line.isEmpty else { return }
            var cells: [String] = []
            var start = line.lowerBound
            for index in line where bytes[index] == UTF8Text.bar {
                cells.append(UTF8Text.string(bytes, UTF8Text.trimmed(bytes, start..<index)))
                start = index + 1
            }
            cells.append(UTF8Text.string(bytes, UTF8Text.trimmed(bytes, start..<line.upperBound)))
            rows.append(cells)
        }
        guard let header = rows.first else { return RenderedTable(header: [], rows: []) }
        for (index, row) in rows.enumerated() where row.count != header.count {
            throw TemplateError(.invalidOutput, "part '\(name)': row \(index + 1) has \(row.count) cells, the header has \(header.count)", path: path)
        }
        return RenderedTable(header: header, rows: Array(rows.dropFirst()))
    }

    /// Calls `body` with each line of `bytes`, split at "\n" not preceded by "\r", each without
    /// trailing whitespace. Lines are handed over as they are found: collecting them first cost
    /// an array per part.
    private static func forEachLine(_ bytes: [UInt8], _ body: (Range<Int>) -> Void) {
        var start = 0
        for index in bytes.indices where bytes[index] == UTF8Text.lineFeed {
            if index > 0, bytes[index - 1] == UTF8Text.carriageReturn { continue }
            body(UTF8Text.trimmedEnd(bytes, start..<index))
            start = index + 1
        }
        body(UTF8Text.trimmedEnd(bytes, start..<bytes.count))
    }

    /// One line: runs of spaces, tabs and line breaks become one space. Only these collapse:
    /// the no-break spaces inside French amounts stay.
    private static func readLine(_ bytes: [UInt8]) -> String {
        var line: [UInt8] = []
        line.reserveCapacity(bytes.count)
        var index = 0
        var gap = false
        while index < bytes.count {
            let byte = bytes[index]
            let separator = byte == UTF8Text.space || byte == UTF8Text.tab ? 1 : UTF8Text.newlineLength(bytes, at: index)
            if separator > 0 {
                gap = true
                index += separator
                continue
            }
            if gap, !line.isEmpty { line.append(UTF8Text.space) }
            gap = false
            line.append(byte)
            index += 1
        }
        return String(decoding: line, as: UTF8.self)
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
