/// One part of a template, compiled by `TemplateTagParser`: literal text (standalone tag lines
/// already removed), variables and sections, rendered straight against `TemplateData`.
///
/// Rendering is strict in the same pass: a variable with no value, or whose value is not a
/// text, is an `unresolvedVariable` error naming its line.
///
/// A class, immutable: rendering a message hands each part's template around, and a reference
/// is one retain where a struct of five arrays was five.
final class CompiledTemplate: Sendable {
    enum Node: Sendable, Hashable {
        /// Literal text, as UTF-8.
        case text([UInt8])
        /// `{{name}}` (escaped in HTML parts) or `{{{name}}}` / `{{&name}}` (never escaped).
        case variable(TemplateName, escaped: Bool, line: Int)
        /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
        case section(TemplateName, inverted: Bool, children: [Node], line: Int)
    }

    /// The parsed tree, as the parser built it.
    let nodes: [Node]

    /// The tree flattened into instructions that hold only indices and flags, so that walking
    /// it at render time copies nothing reference-counted (measured: a tenth of render time).
    /// A section's children are the instructions after it, up to its `end`.
    /// A name is an index into `names` (for errors) and the range of its segments in
    /// `segments`, every name's segments in one array, so that resolving a name copies no
    /// `TemplateName`.
    private enum Instruction: Sendable {
        case text(Int)
        case variable(Int, segments: Range<Int>, escaped: Bool, line: Int)
        case section(Int, segments: Range<Int>, inverted: Bool, end: Int)
    }

    private let program: [Instruction]
    private let texts: [[UInt8]]
    private let names: [TemplateName]
    private let segments: [String]

    init(nodes: [Node]) {
        self.nodes = nodes
        var program: [Instruction] = []
        var texts: [[UInt8]] = []
        var names: [TemplateName] = []
        var segments: [String] = []
        func add(_ name: TemplateName) -> Range<Int> {
            names.append(name)
            segments.append(contentsOf: name.segments)
            return (segments.count - name.segments.count)..<segments.count
        }
        func flatten(_ nodes: [Node]) {
            for node in nodes {
                switch node {
                case .text(let bytes):
                    texts.append(bytes)
                    program.append(.text(texts.count - 1))
                case .variable(let name, let escaped, let line):
                    let path = add(name)
                    program.append(.variable(names.count - 1, segments: path, escaped: escaped, line: line))
                case .section(let name, let inverted, let children, _):
                    let path = add(name)
                    let nameIndex = names.count - 1
                    let at = program.count
                    program.append(.text(-1))   // replaced once the children's end is known
                    flatten(children)
                    program[at] = .section(nameIndex, segments: path, inverted: inverted, end: program.count)
                }
            }
        }
        flatten(nodes)
        self.program = program
        self.texts = texts
        self.names = names
        self.segments = segments
    }

    /// The tags that read data, for the load-time check against the context schema.
    var tags: [TemplateNode] { Self.tags(of: nodes) }

    private static func tags(of nodes: [Node]) -> [TemplateNode] {
        nodes.compactMap { node in
            switch node {
            case .text: nil
            case .variable(let name, _, let line): .variable(name: name.text, line: line)
            case .section(let name, let inverted, let children, let line):
                .section(name: name.text, inverted: inverted, children: tags(of: children), line: line)
            }
        }
    }

    /// Appends the rendering of `value` to `output` (UTF-8). `escapingHTML` is set for HTML
    /// parts: escaped variables then replace `& < > " '` with entities.
    func render(_ value: TemplateData, escapingHTML: Bool, into output: inout [UInt8]) throws(TemplateError) {
        // Room for a few nested sections, so that entering one does not grow the array.
        var scopes: [TemplateData] = []
        scopes.reserveCapacity(8)
        scopes.append(value)
        try run(0..<program.count, scopes: &scopes, escapingHTML: escapingHTML, into: &output)
    }

    private func run(
        _ range: Range<Int>,
        scopes: inout [TemplateData],
        escapingHTML: Bool,
        into output: inout [UInt8]
    ) throws(TemplateError) {
        var index = range.lowerBound
        while index < range.upperBound {
            switch program[index] {
            case .text(let text):
                output.append(contentsOf: texts[text])
                index += 1
            case .variable(let name, let path, let escaped, let line):
                guard let value = resolve(path, in: scopes) else {
                    throw TemplateError(.unresolvedVariable, "line \(line): '\(names[name].text)' has no value")
                }
                guard case .text(let text) = value else {
                    throw TemplateError(.unresolvedVariable, "line \(line): '\(names[name].text)' is not a text")
                }
                if escaped && escapingHTML {
                    Self.appendEscaped(text, to: &output)
                } else {
                    output.append(contentsOf: text.utf8)
                }
                index += 1
            case .section(_, let path, let inverted, let end):
                let children = (index + 1)..<end
                // An absent value is an absent optional: the section is skipped (or, inverted, shown).
                switch resolve(path, in: scopes) {
                case .flag(let flag)?:
                    if flag != inverted { try run(children, scopes: &scopes, escapingHTML: escapingHTML, into: &output) }
                case .list(let items)?:
                    if inverted {
                        if items.isEmpty { try run(children, scopes: &scopes, escapingHTML: escapingHTML, into: &output) }
                    } else {
                        for item in items {
                            scopes.append(item)
                            try run(children, scopes: &scopes, escapingHTML: escapingHTML, into: &output)
                            scopes.removeLast()
                        }
                    }
                case .some(let present):
                    if !inverted {
                        scopes.append(present)
                        try run(children, scopes: &scopes, escapingHTML: escapingHTML, into: &output)
                        scopes.removeLast()
                    }
                case nil:
                    if inverted { try run(children, scopes: &scopes, escapingHTML: escapingHTML, into: &output) }
                }
                index = end
            }
        }
    }

    /// The value the name whose segments are `path` reads, as Mustache resolves it: `.` is the
    /// current item; otherwise the first segment is looked up from the innermost scope outwards,
    /// the following segments inside the value found (no going back out).
    private func resolve(_ path: Range<Int>, in scopes: [TemplateData]) -> TemplateData? {
        guard !path.isEmpty else { return scopes.last }
        var index = scopes.count
        while index > 0 {
            index -= 1
            guard var current = scopes[index][segments[path.lowerBound]] else { continue }
            for position in (path.lowerBound + 1)..<path.upperBound {
                guard let next = current[segments[position]] else { return nil }
                current = next
            }
            return current
        }
        return nil
    }

    /// The entities swift-mustache used, so that HTML output is unchanged: `&lt; &gt; &amp;
    /// &quot; &#39;`.
    private static func appendEscaped(_ text: String, to output: inout [UInt8]) {
        let utf8 = text.utf8
        func escapes(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
        }
        guard utf8.contains(where: escapes) else {
            output.append(contentsOf: utf8)
            return
        }
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): output.append(contentsOf: "&#39;".utf8)
            default: output.append(byte)
            }
        }
    }
}
