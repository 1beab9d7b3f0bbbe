/// Reads the tags of a Mustache text into a tree of variables and sections.
///
/// Only the subset Relance templates need is accepted: variables (`{{a.b}}`, `{{{a}}}`,
/// `{{&a}}`), sections (`{{#a}}`, `{{^a}}`, `{{/a}}`) and comments. Partials are expanded
/// before parsing; delimiter changes, pragmas, blocks, lambdas-with-arguments and transforms are
/// refused so that every name a template reads can be checked.
enum TemplateTagParser {
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
