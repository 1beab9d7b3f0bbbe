/// Compiles the Mustache text of one part into a `CompiledTemplate`.
///
/// Only the subset Relance templates need is accepted: variables (`{{a.b}}`, `{{{a}}}`,
/// `{{&a}}`), sections (`{{#a}}`, `{{^a}}`, `{{/a}}`) and comments. Partials are expanded
/// before parsing; delimiter changes, pragmas, blocks, lambdas-with-arguments and transforms are
/// refused so that every name a template reads can be checked.
///
/// Whitespace follows swift-mustache, which rendered Relance's templates before, byte for
/// byte: a line holding only spaces or tabs and one section-open, inverted, section-close or
/// comment tag disappears with its line break. Like swift-mustache, a section's closing tag
/// leaves the line state its opening tag set, so a multi-line section opened mid-line does not
/// make the line after its close standalone.
enum TemplateTagParser {
    static func parse(_ text: String) throws(TemplateError) -> CompiledTemplate {
        var reader = Reader(bytes: Array(text.utf8))
        return CompiledTemplate(nodes: try reader.block(inside: nil, startsLine: true))
    }

    private struct OpenSection {
        let name: String
        let inverted: Bool
        let line: Int
    }

    /// Collects nodes, merging adjacent literal text into one node.
    private struct NodeList {
        private var nodes: [CompiledTemplate.Node] = []
        private var text: [UInt8] = []

        mutating func appendText(_ bytes: ArraySlice<UInt8>) {
            text.append(contentsOf: bytes)
        }

        mutating func append(_ node: CompiledTemplate.Node) {
            flushText()
            nodes.append(node)
        }

        mutating func finish() -> [CompiledTemplate.Node] {
            flushText()
            return nodes
        }

        private mutating func flushText() {
            if !text.isEmpty { nodes.append(.text(text)) }
            text = []
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0
        /// Line numbers are counted lazily up to each tag (tags come in order).
        private var countedUpTo = 0
        private var currentLine = 1

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        /// Reads nodes up to the end of the text, or up to the closing tag of `open`.
        /// `startsLine` tells whether the reader stands at the start of a line, as far as the
        /// standalone rule goes.
        mutating func block(inside open: OpenSection?, startsLine: Bool) throws(TemplateError) -> [CompiledTemplate.Node] {
            var nodes = NodeList()
            var newLine = startsLine
            // Indentation read at the start of a line, written only if the line is not standalone.
            var pending = position..<position
            func flushPending() {
                nodes.appendText(bytes[pending])
                pending = pending.upperBound..<pending.upperBound
            }

            while position < bytes.count {
                if newLine {
                    let start = position
                    while position < bytes.count, bytes[position] == .space || bytes[position] == .tab { position += 1 }
                    pending = start..<position
                }
                let textStart = position
                var foundTag = false
                while position < bytes.count, bytes[position] != .lineFeed {
                    if bytes[position] == .openBrace, position + 1 < bytes.count, bytes[position + 1] == .openBrace {
                        foundTag = true
                        break
                    }
                    position += 1
                }
                if position < bytes.count, bytes[position] == .lineFeed {
                    flushPending()
                    nodes.appendText(bytes[textStart...position])
                    position += 1
                    newLine = true
                    continue
                }
                if position > textStart {
                    flushPending()
                    nodes.appendText(bytes[textStart..<position])
                    newLine = false
                }
                guard foundTag else { break }

                let line = line(at: position)
                position += 2
                let triple = position < bytes.count && bytes[position] == .openBrace
                let contentStart = triple ? position + 1 : position
                guard let close = firstIndex(of: triple ? [.closeBrace, .closeBrace, .closeBrace] : [.closeBrace, .closeBrace], from: contentStart) else {
                    throw TemplateError(.syntax, "line \(line): a tag opened with {{ is never closed")
                }
                let raw = String(decoding: bytes[contentStart..<close.lowerBound], as: UTF8.self)
                position = close.upperBound

                let content = raw.trimmedWhitespace
                guard let sigil = content.first else {
                    throw TemplateError(.syntax, "line \(line): empty tag {{}}")
                }
                if triple {
                    flushPending()
                    nodes.append(.variable(TemplateName(try TemplateTagParser.name(content, line: line)), escaped: false, line: line))
                    newLine = false
                    continue
                }
                let rest = content.dropFirst().trimmedWhitespace
                if "!&#^/".contains(sigil), raw.first?.isWhitespace == true {
                    // swift-mustache read `{{ #a}}` as a malformed variable; keep refusing it.
                    throw TemplateError(.syntax, "line \(line): the tag {{\(raw)}} has a space before its '\(sigil)'")
                }
                switch sigil {
                case "!":
                    newLine = newLine && lineFinished()
                case "&":
                    flushPending()
                    nodes.append(.variable(TemplateName(try TemplateTagParser.name(rest, line: line)), escaped: false, line: line))
                    newLine = false
                case "#", "^":
                    let name = try TemplateTagParser.name(rest, line: line)
                    let standalone = newLine && lineFinished()
                    if !standalone { flushPending() }
                    let inverted = sigil == "^"
                    let children = try block(inside: OpenSection(name: name, inverted: inverted, line: line), startsLine: standalone)
                    nodes.append(.section(TemplateName(name), inverted: inverted, children: children, line: line))
                    newLine = standalone
                case "/":
                    let closing = try TemplateTagParser.name(rest, line: line)
                    guard let open else {
                        throw TemplateError(.syntax, "line \(line): {{/\(closing)}} closes a section that was never opened")
                    }
                    guard open.name == closing else {
                        throw TemplateError(.syntax, "line \(line): {{/\(closing)}} closes {{#\(open.name)}} opened on line \(open.line)")
                    }
                    if !(newLine && lineFinished()) { flushPending() }
                    return nodes.finish()
                case ">":
                    throw TemplateError(.invalidPartial, "line \(line): partial {{>\(rest)}} was not expanded")
                case "=", "%", "$", "<", "*":
                    throw TemplateError(.syntax, "line \(line): the tag {{\(content)}} uses Mustache syntax Relance templates do not allow")
                default:
                    flushPending()
                    nodes.append(.variable(TemplateName(try TemplateTagParser.name(content, line: line)), escaped: true, line: line))
                    newLine = false
                }
            }
            if let open {
                throw TemplateError(.syntax, "line \(open.line): section {{#\(open.name)}} is never closed")
            }
            return nodes.finish()
        }

        /// After a tag: true when only spaces or tabs remain on the line, then moves past the
        /// line break; also true at the very end of the text (not after trailing spaces).
        private mutating func lineFinished() -> Bool {
            guard position < bytes.count else { return true }
            var end = position
            while end < bytes.count, bytes[end] == .space || bytes[end] == .tab { end += 1 }
            guard let length = lineBreakLength(at: end) else { return false }
            position = end + length
            return true
        }

        /// The length in bytes of the line break starting at `offset`, if one does: any
        /// character Swift calls a newline (`\n`, `\r\n`, `\r`, VT, FF, NEL, LS, PS).
        private func lineBreakLength(at offset: Int) -> Int? {
            guard offset < bytes.count else { return nil }
            func byte(_ index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }
            switch bytes[offset] {
            case 0x0A, 0x0B, 0x0C: return 1
            case 0x0D: return byte(offset + 1) == 0x0A ? 2 : 1
            case 0xC2: return byte(offset + 1) == 0x85 ? 2 : nil
            case 0xE2: return byte(offset + 1) == 0x80 && (byte(offset + 2) == 0xA8 || byte(offset + 2) == 0xA9) ? 3 : nil
            default: return nil
            }
        }

        /// The 1-based line of `offset`: one more than the newline characters before it.
        private mutating func line(at offset: Int) -> Int {
            while countedUpTo < offset {
                // "\r\n" is one newline, counted at its "\r".
                let afterReturn = bytes[countedUpTo] == .lineFeed && countedUpTo > 0 && bytes[countedUpTo - 1] == 0x0D
                if !afterReturn, lineBreakLength(at: countedUpTo) != nil { currentLine += 1 }
                countedUpTo += 1
            }
            return currentLine
        }

        private func firstIndex(of pattern: [UInt8], from start: Int) -> Range<Int>? {
            guard bytes.count >= pattern.count else { return nil }
            var index = start
            while index + pattern.count <= bytes.count {
                if bytes[index] == pattern[0], bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                    return index..<(index + pattern.count)
                }
                index += 1
            }
            return nil
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

private extension UInt8 {
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let lineFeed = UInt8(ascii: "\n")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
}
