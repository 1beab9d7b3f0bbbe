import Foundation

/// Reads a message back as a mail program would, for the tests' assertions: headers unfolded
/// and decoded (RFC 2047), parts split at their boundary, bodies decoded (quoted-printable,
/// base64). Written apart from the encoder it checks.
struct ReadMessage {
    struct Part {
        var headers: [(name: String, value: String)]
        var rawBody: String

        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        /// The body as text, decoded by its Content-Transfer-Encoding, line breaks as `\n`.
        var text: String {
            let encoding = header("Content-Transfer-Encoding")?.lowercased() ?? "7bit"
            let bytes: [UInt8]
            switch encoding {
            case "quoted-printable": bytes = ReadMessage.quotedPrintableDecode(rawBody)
            case "base64": bytes = Array(Data(base64Encoded: rawBody.filter { !$0.isWhitespace }) ?? Data())
            default: bytes = Array(rawBody.utf8)
            }
            return String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        }
    }

    let raw: String
    let top: Part

    init(_ raw: String) {
        self.raw = raw
        top = Self.part(raw)
    }

    func header(_ name: String) -> String? { top.header(name) }

    /// The header with its encoded-words decoded.
    func decodedHeader(_ name: String) -> String? { header(name).map(Self.decodeWords) }

    /// Every physical line of the message, without its CRLF.
    var lines: [Substring] { raw.split(separator: "\r\n", omittingEmptySubsequences: false) }

    /// The parts of a multipart body; the message itself otherwise.
    var parts: [Part] {
        guard let type = header("Content-Type"), type.lowercased().hasPrefix("multipart/"),
              let boundary = Self.parameter("boundary", in: type) else { return [top] }
        let delimiter = "--" + boundary
        var pieces = top.rawBody.components(separatedBy: "\r\n" + delimiter)
        // Before the first delimiter: the preamble (the body may start with the delimiter).
        if top.rawBody.hasPrefix(delimiter) {
            pieces[0] = String(pieces[0].dropFirst(delimiter.count))
        } else {
            pieces.removeFirst()
        }
        var parts: [Part] = []
        for piece in pieces {
            if piece.hasPrefix("--") { break }
            // The line break that ends the delimiter line (one Character, CRLF).
            parts.append(Self.part(piece.hasPrefix("\r\n") ? String(piece.dropFirst()) : piece))
        }
        return parts
    }

    private static func part(_ text: String) -> Part {
        let split = text.range(of: "\r\n\r\n")
        let head = split.map { String(text[..<$0.lowerBound]) } ?? text
        let body = split.map { String(text[$0.upperBound...]) } ?? ""
        var headers: [(String, String)] = []
        for line in head.components(separatedBy: "\r\n") {
            if line.first == " " || line.first == "\t", !headers.isEmpty {
                headers[headers.count - 1].1 += line
            } else if let colon = line.firstIndex(of: ":") {
                headers.append((String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
            }
        }
        return Part(headers: headers, rawBody: body)
    }

    static func parameter(_ name: String, in value: String) -> String? {
        for piece in value.split(separator: ";") {
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            if trimmed.lowercased().hasPrefix(name + "=") {
                return String(trimmed.dropFirst(name.count + 1)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    /// RFC 2047: `=?UTF-8?B?…?=` and `=?UTF-8?Q?…?=` decoded; white space between two
    /// encoded-words dropped.
    static func decodeWords(_ value: String) -> String {
        let pattern = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/
        var out = ""
        var rest = Substring(value)
        var previousWasWord = false
        while let match = rest.firstMatch(of: pattern) {
            let between = rest[..<match.range.lowerBound]
            if !(previousWasWord && between.allSatisfy(\.isWhitespace)) { out += between }
            let text = String(match.output.3)
            let bytes: [UInt8]
            if match.output.2.uppercased() == "B" {
                bytes = Array(Data(base64Encoded: text) ?? Data())
            } else {
                bytes = quotedPrintableDecode(text.replacingOccurrences(of: "_", with: " "))
            }
            out += String(decoding: bytes, as: UTF8.self)
            rest = rest[match.range.upperBound...]
            previousWasWord = true
        }
        return out + rest
    }

    static func quotedPrintableDecode(_ text: String) -> [UInt8] {
        let bytes = Array(text.replacingOccurrences(of: "=\r\n", with: "").utf8)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "="), index + 2 < bytes.count,
               let value = UInt8(String(decoding: bytes[index + 1...index + 2], as: UTF8.self), radix: 16) {
                out.append(value)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }
}
