/// Splits a SQL script into its statements.
///
/// PostgresNIO speaks only the extended query protocol, which takes one statement at a time,
/// so a migration file is cut at top-level semicolons. Semicolons inside quoted strings,
/// quoted identifiers, comments and dollar-quoted bodies (`$$ … $$`, `$fn$ … $fn$`) are kept.
public enum SQLStatementSplitter {
    public static func split(_ script: String) -> [String] {
        let chars = Array(script.unicodeScalars)
        var statements: [String] = []
        var current = String.UnicodeScalarView()
        var i = 0
        var hasContent = false

        func flush() {
            let text = String(current).trimmedSQL
            if hasContent, !text.isEmpty { statements.append(text) }
            current = String.UnicodeScalarView()
            hasContent = false
        }

        while i < chars.count {
            let c = chars[i]
            let next: Unicode.Scalar? = i + 1 < chars.count ? chars[i + 1] : nil
            switch c {
            case "-" where next == "-":
                // Line comment: dropped.
                while i < chars.count, chars[i] != "\n" { i += 1 }
            case "/" where next == "*":
                // Block comment (they nest in PostgreSQL): dropped.
                var depth = 0
                repeat {
                    if chars[i] == "/", i + 1 < chars.count, chars[i + 1] == "*" {
                        depth += 1; i += 2
                    } else if chars[i] == "*", i + 1 < chars.count, chars[i + 1] == "/" {
                        depth -= 1; i += 2
                    } else {
                        i += 1
                    }
                } while depth > 0 && i < chars.count
            case "'", "\"":
                let quote = c
                current.append(c); i += 1; hasContent = true
                while i < chars.count {
                    current.append(chars[i])
                    if chars[i] == quote {
                        // A doubled quote is an escaped quote, not the end.
                        if i + 1 < chars.count, chars[i + 1] == quote {
                            current.append(chars[i + 1]); i += 2; continue
                        }
                        i += 1
                        break
                    }
                    i += 1
                }
            case "$":
                if let tagEnd = dollarTagEnd(chars, from: i) {
                    let tag = Array(chars[i...tagEnd])
                    current.append(contentsOf: tag)
                    i = tagEnd + 1
                    hasContent = true
                    while i < chars.count {
                        if chars[i] == "$", i + tag.count <= chars.count, Array(chars[i..<(i + tag.count)]) == tag {
                            current.append(contentsOf: tag)
                            i += tag.count
                            break
                        }
                        current.append(chars[i]); i += 1
                    }
                } else {
                    current.append(c); i += 1; hasContent = true
                }
            case ";":
                flush()
                i += 1
            default:
                current.append(c)
                if !c.properties.isWhitespace { hasContent = true }
                i += 1
            }
        }
        flush()
        return statements
    }

    /// If a dollar-quote tag (`$$` or `$name$`) starts at `start`, the index of its closing `$`.
    private static func dollarTagEnd(_ chars: [Unicode.Scalar], from start: Int) -> Int? {
        var j = start + 1
        while j < chars.count {
            let c = chars[j]
            if c == "$" { return j }
            let isTagChar = c == "_" || c.properties.isAlphabetic || (j > start + 1 && ("0"..."9").contains(c))
            guard isTagChar else { return nil }
            j += 1
        }
        return nil
    }
}

extension String {
    fileprivate var trimmedSQL: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
