/// Writes one header field as RFC 5322 wants it on the wire: ASCII only, text outside ASCII
/// as RFC 2047 encoded-words in UTF-8, folded at spaces into lines of at most 78 characters
/// (continuation lines start with a space), joined by CRLF, without the final CRLF.
enum HeaderField {
    /// The line length folding aims for (RFC 5322 §2.1.1).
    static let lineLimit = 78
    /// The longest encoded-word RFC 2047 allows (§2).
    static let encodedWordLimit = 75

    /// A piece of a header value, separated from the next by one space (or a fold).
    enum Token {
        /// Written as is.
        case literal(String)
        /// Text written as encoded-words, as many as needed, each holding whole characters.
        case encoded(String)
        /// Text in quotes.
        case quoted(String)
    }

    /// Spaces, tabs and line breaks: what separates the words of a header. Other spaces (the
    /// no-break spaces inside French amounts) are text and are kept.
    static func isSeparator(_ character: Character) -> Bool {
        character == " " || character == "\t" || character.isNewline
    }

    /// An unstructured field (`Subject`): runs of spaces, tabs and line breaks become one space; plain words
    /// when the text is printable ASCII and could not be mistaken for an encoded-word,
    /// encoded-words otherwise.
    static func unstructured(_ name: String, _ value: String) -> String {
        let words = value.split(whereSeparator: isSeparator).map(String.init)
        let collapsed = words.joined(separator: " ")
        if needsEncoding(collapsed) {
            return fold(name, [.encoded(collapsed)])
        }
        return fold(name, words.map { .literal($0) })
    }

    /// An address field (`From`, `To`, `Reply-To`): mailboxes separated by commas.
    static func mailboxes(_ name: String, _ mailboxes: [Mailbox]) -> String {
        var tokens: [Token] = []
        for (index, mailbox) in mailboxes.enumerated() {
            let last = index == mailboxes.count - 1
            let address = mailbox.address.angleBracketed + (last ? "" : ",")
            if let displayName = mailbox.displayName?.split(whereSeparator: isSeparator).joined(separator: " "),
               !displayName.isEmpty {
                tokens.append(contentsOf: phrase(displayName))
            }
            tokens.append(.literal(address))
        }
        return fold(name, tokens)
    }

    /// A display name: atoms as they are, other printable ASCII quoted, anything else (or a
    /// quoted name too long for a line) as encoded-words.
    static func phrase(_ name: String) -> [Token] {
        if needsEncoding(name) { return [.encoded(name)] }
        let words = name.split(separator: " ").map(String.init)
        if words.allSatisfy({ $0.utf8.allSatisfy(EmailAddress.isAtext) }) {
            return words.map { .literal($0) }
        }
        if name.utf8.count + 2 + name.utf8.count(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) > 60 {
            return [.encoded(name)]
        }
        return [.quoted(name)]
    }

    /// A field whose value is written as given (`Message-ID`, `MIME-Version`, dates): it must be
    /// ASCII already; split at spaces when long.
    static func plain(_ name: String, _ value: String) -> String {
        fold(name, value.split(separator: " ").map { .literal(String($0)) })
    }

    /// True when `text` cannot stand in a header as written: characters outside printable
    /// ASCII, or a sequence a reader would take for the start of an encoded-word.
    static func needsEncoding(_ text: String) -> Bool {
        text.utf8.contains { $0 < 0x20 || $0 > 0x7E } || text.contains("=?")
    }

    // MARK: Folding

    static func fold(_ name: String, _ tokens: [Token]) -> String {
        var lines: [String] = []
        var line = name + ":"
        func place(_ piece: String) {
            // The first piece stays on the name's line even when long: there is nowhere better.
            if line.utf8.count + 1 + piece.utf8.count > lineLimit && line != name + ":" {
                lines.append(line)
                line = " " + piece
            } else {
                line += " " + piece
            }
        }
        for token in tokens {
            switch token {
            case .literal(let text):
                place(text)
            case .quoted(let text):
                var quoted = "\""
                for character in text {
                    if character == "\"" || character == "\\" { quoted.append("\\") }
                    quoted.append(character)
                }
                quoted.append("\"")
                place(quoted)
            case .encoded(let text):
                let useQ = qEncodedLength(text) <= bEncodedLength(text)
                var remaining = Substring(text)
                while !remaining.isEmpty {
                    // Fill what is left of this line, or a whole continuation line.
                    let room = lineLimit - line.utf8.count - 1
                    let width = min(encodedWordLimit, room >= 16 ? room : lineLimit - 1)
                    let (word, rest) = encodedWord(remaining, width: width, useQ: useQ)
                    place(word)
                    remaining = rest
                }
            }
        }
        lines.append(line)
        return lines.joined(separator: "\r\n")
    }

    // MARK: Encoded-words (RFC 2047)

    /// The longest encoded-word of at most `width` characters that starts `text`, holding
    /// whole characters (at least one, whatever the width), and the text left.
    static func encodedWord(_ text: Substring, width: Int, useQ: Bool) -> (String, Substring) {
        let overhead = 12 // "=?UTF-8?Q?" and "?="
        var bytes: [UInt8] = []
        var encodedLength = 0
        var end = text.startIndex
        for index in text.indices {
            let character = text[index]
            let characterBytes = Array(character.utf8)
            let length: Int
            if useQ {
                length = encodedLength + characterBytes.reduce(0) { $0 + qLength($1) }
            } else {
                length = (bytes.count + characterBytes.count + 2) / 3 * 4
            }
            if overhead + length > width && !bytes.isEmpty { break }
            bytes += characterBytes
            encodedLength = length
            end = text.index(after: index)
        }
        let payload = useQ ? qEncode(bytes) : base64(bytes)
        return ("=?UTF-8?" + (useQ ? "Q" : "B") + "?" + payload + "?=", text[end...])
    }

    /// Q encoding restricted to what an encoded-word may hold in a phrase as well (§5(3)), so
    /// the same words serve subjects and display names.
    static func qEncode(_ bytes: [UInt8]) -> String {
        var out = ""
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            if byte == UInt8(ascii: " ") {
                out.append("_")
            } else if qLiteral(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out.append("=")
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return out
    }

    private static func qLiteral(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/")
    }

    private static func qLength(_ byte: UInt8) -> Int {
        byte == UInt8(ascii: " ") || qLiteral(byte) ? 1 : 3
    }

    private static func qEncodedLength(_ text: String) -> Int {
        text.utf8.reduce(0) { $0 + qLength($1) }
    }

    private static func bEncodedLength(_ text: String) -> Int {
        (text.utf8.count + 2) / 3 * 4
    }

    static let hexDigits: [Character] = Array("0123456789ABCDEF")

    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let b0 = bytes[index]
            let b1 = index + 1 < bytes.count ? bytes[index + 1] : 0
            let b2 = index + 2 < bytes.count ? bytes[index + 2] : 0
            out.append(alphabet[Int(b0 >> 2)])
            out.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
            out.append(index + 1 < bytes.count ? alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            out.append(index + 2 < bytes.count ? alphabet[Int(b2 & 0x3F)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
