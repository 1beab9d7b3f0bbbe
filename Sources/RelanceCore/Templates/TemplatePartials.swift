/// Expands `{{> name}}` partials by inclusion before a template is compiled, so that the whole
/// text can be checked and rendered as one (and keeps its plain-text content type).
enum TemplatePartials {
    static func expand(_ text: String, partials: [String: String], chain: [String] = []) throws(TemplateError) -> String {
        guard text.contains("{{>") else { return text }
        var output = ""
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let endsWithNewline = text.hasSuffix("\n")
        if endsWithNewline { lines.removeLast() }
        for (number, line) in lines.enumerated() {
            let trimmed = line.trimmedWhitespace
            // A partial alone on its line stands for whole lines (Mustache's standalone rule).
            if trimmed.hasPrefix("{{>"), trimmed.hasSuffix("}}"), trimmed.dropFirst(3).firstRange(of: "}}")?.upperBound == trimmed.endIndex {
                let name = String(trimmed.dropFirst(3).dropLast(2).trimmedWhitespace)
                var body = try partial(name, partials: partials, chain: chain, line: number + 1)
                if !body.isEmpty, !body.hasSuffix("\n") { body += "\n" }
                output += body
                continue
            }
            var rest = line[...]
            while let open = rest.firstRange(of: "{{>") {
                guard let close = rest[open.upperBound...].firstRange(of: "}}") else {
                    throw TemplateError(.syntax, "line \(number + 1): a partial tag is never closed")
                }
                output += rest[..<open.lowerBound]
                let name = String(rest[open.upperBound..<close.lowerBound].trimmedWhitespace)
                var body = try partial(name, partials: partials, chain: chain, line: number + 1)
                while body.hasSuffix("\n") { body.removeLast() }
                output += body
                rest = rest[close.upperBound...]
            }
            output += rest
            output += "\n"
        }
        if !endsWithNewline, output.hasSuffix("\n") { output.removeLast() }
        return output
    }

    private static func partial(_ name: String, partials: [String: String], chain: [String], line: Int) throws(TemplateError) -> String {
        guard let body = partials[name] else {
            let known = partials.keys.sorted().joined(separator: ", ")
            throw TemplateError(.invalidPartial, "line \(line): partial '\(name)' does not exist (known: \(known.isEmpty ? "none" : known))")
        }
        guard !chain.contains(name) else {
            throw TemplateError(.invalidPartial, "partials include each other: \((chain + [name]).joined(separator: " → "))")
        }
        return try expand(body, partials: partials, chain: chain + [name])
    }
}
