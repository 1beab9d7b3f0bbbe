/// Byte-level reading of valid UTF-8 (rendered parts), so that splitting and trimming a message
/// does not pay for grapheme breaking. Whitespace is what Swift calls whitespace (Unicode
/// White_Space, which includes the no-break spaces U+00A0 and U+202F), decided per scalar
/// rather than per character (the two differ only for a combining mark after a space).
enum UTF8Text {
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let bar = UInt8(ascii: "|")

    /// The bytes of `range` as a string.
    static func string(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// `range` without leading and trailing whitespace.
    static func trimmed(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        trimmedEnd(bytes, trimmedStart(bytes, range))
    }

    /// `range` without leading whitespace.
    static func trimmedStart(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        while start < range.upperBound {
            let length = scalarLength(bytes[start])
            guard isWhitespace(bytes, at: start, length: length) else { break }
            start += length
        }
        return start..<range.upperBound
    }

    /// `range` without trailing whitespace.
    static func trimmedEnd(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var end = range.upperBound
        while end > range.lowerBound {
            var start = end - 1
            // Back over continuation bytes to the scalar's first byte.
            while start > range.lowerBound, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            guard isWhitespace(bytes, at: start, length: end - start) else { break }
            end = start
        }
        return range.lowerBound..<end
    }

    /// The length of the line break starting at `offset` (a scalar Swift calls a newline:
    /// `\n`, `\r`, VT, FF, NEL, LS, PS), or 0.
    static func newlineLength(_ bytes: [UInt8], at offset: Int) -> Int {
        switch bytes[offset] {
        case 0x0A...0x0D: return 1
        case 0xC2: return offset + 1 < bytes.count && bytes[offset + 1] == 0x85 ? 2 : 0
        case 0xE2:
            guard offset + 2 < bytes.count, bytes[offset + 1] == 0x80 else { return 0 }
            return bytes[offset + 2] == 0xA8 || bytes[offset + 2] == 0xA9 ? 3 : 0
        default: return 0
        }
    }

    /// The number of bytes of the scalar whose first byte is `lead`.
    static func scalarLength(_ lead: UInt8) -> Int {
        switch lead {
        case ..<0x80: 1
        case ..<0xE0: 2
        case ..<0xF0: 3
        default: 4
        }
    }

    private static func isWhitespace(_ bytes: [UInt8], at start: Int, length: Int) -> Bool {
        let lead = bytes[start]
        if lead < 0x80 { return lead == space || (0x09...0x0D).contains(lead) }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for index in (start + 1)..<(start + length) { value = value << 6 | UInt32(bytes[index] & 0x3F) }
        // Unicode's White_Space beyond ASCII (unchanged since Unicode 6.3); spelt out because
        // the property lookup cost more than the rest of the trimming.
        switch value {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
