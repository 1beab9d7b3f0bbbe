/// One part of a template, compiled by `TemplateTagParser`: literal text (standalone tag lines
/// already removed), variables and sections, rendered straight against a `TemplateValue`.
///
/// Rendering is strict in the same pass: a variable with no value, or whose value is not a
/// text, is an `unresolvedVariable` error naming its line.
struct CompiledTemplate: Sendable {
    indirect enum Node: Sendable, Hashable {
        /// Literal text, as UTF-8.
        case text([UInt8])
        /// `{{name}}` (escaped in HTML parts) or `{{{name}}}` / `{{&name}}` (never escaped).
        case variable(TemplateName, escaped: Bool, line: Int)
        /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
        case section(TemplateName, inverted: Bool, children: [Node], line: Int)
    }

    let nodes: [Node]

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
    func render(_ value: TemplateValue, escapingHTML: Bool, into output: inout [UInt8]) throws(TemplateError) {
        var scopes = [value]
        try Self.write(nodes, scopes: &scopes, escapingHTML: escapingHTML, into: &output)
    }

    private static func write(
        _ nodes: [Node],
        scopes: inout [TemplateValue],
        escapingHTML: Bool,
        into output: inout [UInt8]
    ) throws(TemplateError) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                output.append(contentsOf: bytes)
            case .variable(let name, let escaped, let line):
                guard let value = name.resolve(in: scopes) else {
                    throw TemplateError(.unresolvedVariable, "line \(line): '\(name.text)' has no value")
                }
                guard case .text(let text) = value else {
                    throw TemplateError(.unresolvedVariable, "line \(line): '\(name.text)' is not a text")
                }
                if escaped && escapingHTML {
                    appendEscaped(text, to: &output)
                } else {
                    output.append(contentsOf: text.utf8)
                }
            case .section(let name, let inverted, let children, _):
                // An absent value is an absent optional: the section is skipped (or, inverted, shown).
                switch name.resolve(in: scopes) {
                case .flag(let flag)?:
                    if flag != inverted { try write(children, scopes: &scopes, escapingHTML: escapingHTML, into: &output) }
                case .list(let items)?:
                    if inverted {
                        if items.isEmpty { try write(children, scopes: &scopes, escapingHTML: escapingHTML, into: &output) }
                    } else {
                        for item in items {
                            scopes.append(item)
                            try write(children, scopes: &scopes, escapingHTML: escapingHTML, into: &output)
                            scopes.removeLast()
                        }
                    }
                case .some(let present):
                    if !inverted {
                        scopes.append(present)
                        try write(children, scopes: &scopes, escapingHTML: escapingHTML, into: &output)
                        scopes.removeLast()
                    }
                case nil:
                    if inverted { try write(children, scopes: &scopes, escapingHTML: escapingHTML, into: &output) }
                }
            }
        }
    }

    /// The entities swift-mustache used, so that HTML output is unchanged: `&lt; &gt; &amp;
    /// &quot; &#39;`.
    private static func appendEscaped(_ text: String, to output: inout [UInt8]) {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }) else {
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
