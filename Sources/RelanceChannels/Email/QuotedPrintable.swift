/// Quoted-printable body encoding (RFC 2045 §6.7) of UTF-8 text.
///
/// Line breaks of any kind in the text (CRLF, LF, CR) become CRLF; encoded lines are at most 76
/// characters, longer ones end in a soft break (`=`). Space and tab at the end of a line are
/// encoded, and so is a `.` starting a line and the `F` of a line starting `From `: the body
/// then never has a line an SMTP server or an mbox reader would take for something else.
enum QuotedPrintable {
    /// The most characters of a line before its soft break.
    static let lineLimit = 76

    static func encode(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        var first = true
        for line in lines(of: text) {
            if !first { out += "\r\n" }
            first = false
            encode(line: line, into: &out)
        }
        return out
    }

    /// The text's lines, split at CRLF, LF or a lone CR.
    static func lines(of text: String) -> [ArraySlice<UInt8>] {
        let bytes = Array(text.utf8)
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                lines.append(bytes[start..<index])
                if byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
                start = index + 1
            }
            index += 1
        }
        lines.append(bytes[start..<bytes.count])
        return lines
    }

    private static func encode(line: ArraySlice<UInt8>, into out: inout String) {
        var physical = 0 // characters on the current encoded line
        let startsWithFrom = line.starts(with: "From ".utf8)
        for (offset, byte) in zip(line.indices, line) {
            let isLast = offset == line.index(before: line.endIndex)
            let piece: String
            if (byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")) && isLast {
                piece = escaped(byte)
            } else if byte == UInt8(ascii: ".") && physical == 0 {
                piece = escaped(byte)
            } else if startsWithFrom && offset == line.startIndex {
                piece = escaped(byte)
            } else if (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                piece = String(Character(Unicode.Scalar(byte)))
            } else {
                piece = escaped(byte)
            }
            // Room for the soft break's `=`, unless this is the line's last piece.
            let limit = isLast ? lineLimit : lineLimit - 1
            if physical + piece.utf8.count > limit {
                out += "=\r\n"
                physical = 0
                if piece == "." {
                    out += "=2E"
                    physical = 3
                    continue
                }
            }
            out += piece
            physical += piece.utf8.count
        }
    }

    private static func escaped(_ byte: UInt8) -> String {
        "=" + String(HeaderField.hexDigits[Int(byte >> 4)]) + String(HeaderField.hexDigits[Int(byte & 0x0F)])
    }
}
