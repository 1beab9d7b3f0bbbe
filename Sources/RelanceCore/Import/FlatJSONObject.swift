/// Reads one line of a JSON lines import: an object whose values are strings, numbers, booleans
/// or null. An object or array as a value is skipped over and reported as `.nested`; anything
/// that is not JSON is a `Malformation`.
struct FlatJSONObject {
    /// A key and its value; nil for null, an empty string, or one of spaces only.
    struct Member {
        var key: Key
        var value: ImportValue?
    }

    enum Key {
        case column(ImportColumn)
        /// A key that names no column.
        case unknown(String)
    }

    enum Failure: Error {
        /// Not a JSON object; the message says where and why.
        case malformed(String)
        /// A string is not UTF-8.
        case notUTF8
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    /// Unescaped strings are built here, its storage reused.
    private var scratch: [UInt8] = []

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The members of the object `bytes` hold, in order.
    static func members(of bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> [Member] {
        var reader = FlatJSONObject(bytes: bytes)
        return try reader.object()
    }

    // MARK: Grammar

    private mutating func object() throws(Failure) -> [Member] {
        skipWhitespace()
        guard peek == UInt8(ascii: "{") else { throw malformed("the line is not a JSON object (it must start with {)") }
        index += 1
        var members: [Member] = []
        skipWhitespace()
        if peek == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                skipWhitespace()
                guard peek == Byte.quote else { throw malformed("a key in double quotes is expected") }
                let key = try key()
                skipWhitespace()
                guard peek == UInt8(ascii: ":") else { throw malformed("a colon is expected after a key") }
                index += 1
                skipWhitespace()
                members.append(Member(key: key, value: try value()))
                skipWhitespace()
                if peek == Byte.comma {
                    index += 1
                } else if peek == UInt8(ascii: "}") {
                    index += 1
                    break
                } else {
                    throw malformed(index == bytes.count ? "the object is not closed (a } is missing)" : "a comma or } is expected")
                }
            }
        }
        skipWhitespace()
        guard index == bytes.count else { throw malformed("there is more after the object's closing }") }
        return members
    }

    private mutating func value() throws(Failure) -> ImportValue? {
        guard let first = peek else { throw malformed("a value is missing at the end of the line") }
        switch first {
        case Byte.quote:
            return try string(trimming: true).map(ImportValue.text)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try number()
        case UInt8(ascii: "t"):
            try literal("true")
            return .boolean(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .boolean(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return nil
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            try skipNested()
            return .nested
        default:
            throw malformed("a value (a string, a number, true, false or null) is expected")
        }
    }

    /// The key at `index` (on its opening quote). A column's name is matched on the bytes,
    /// without making a string of it: every row has a dozen or more keys.
    private mutating func key() throws(Failure) -> Key {
        var end = index + 1
        while end < bytes.count, bytes[end] != Byte.quote, bytes[end] != UInt8(ascii: "\\") { end += 1 }
        if end < bytes.count, bytes[end] == Byte.quote,
           let column = ImportColumn.named(UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end])) {
            index = end + 1
            return .column(column)
        }
        let name = try string(trimming: false) ?? ""
        return ImportColumn.byName[name].map(Key.column) ?? .unknown(name)
    }

    /// The string at `index` (on its opening quote), unescaped; nil when `trimming` leaves nothing.
    private mutating func string(trimming: Bool) throws(Failure) -> String? {
        index += 1
        let start = index
        var escaped = false
        while true {
            guard index < bytes.count else { throw malformed("a string is not closed (a \" is missing)") }
            let byte = bytes[index]
            if byte == Byte.quote { break }
            if byte < 0x20 { throw malformed("a string holds a control character (write it as an escape such as \\n)") }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                index += 1
            }
            index += 1
        }
        let end = index
        index += 1
        if !escaped {
            return try text(UnsafeBufferPointer(rebasing: bytes[start..<end]), trimming: trimming)
        }
        scratch.removeAll(keepingCapacity: true)
        var position = start
        while position < end {
            let byte = bytes[position]
            position += 1
            guard byte == UInt8(ascii: "\\") else {
                scratch.append(byte)
                continue
            }
            let escape = bytes[position]
            position += 1
            switch escape {
            case Byte.quote, UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(escape)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(Byte.lineFeed)
            case UInt8(ascii: "r"): scratch.append(Byte.carriageReturn)
            case UInt8(ascii: "t"): scratch.append(Byte.tab)
            case UInt8(ascii: "u"):
                var scalar = try hexQuad(at: position, end: end)
                position += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    // A high surrogate: its low half must follow as a second escape.
                    guard position + 6 <= end, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                        throw malformed("the escape \\u\(hex(scalar)) is half of a surrogate pair without its other half")
                    }
                    let low = try hexQuad(at: position + 2, end: end)
                    guard (0xDC00...0xDFFF).contains(low) else {
                        throw malformed("the escape \\u\(hex(scalar)) is half of a surrogate pair without its other half")
                    }
                    position += 6
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw malformed("the escape \\u\(hex(scalar)) is half of a surrogate pair without its other half")
                }
                // Not a surrogate, or a pair combined: always a valid scalar.
                guard let unicodeScalar = Unicode.Scalar(scalar) else { throw malformed("an escape is not a Unicode character") }
                UTF8.encode(unicodeScalar) { scratch.append($0) }
            default:
                throw malformed("\\\(Character(Unicode.Scalar(escape))) is not a JSON escape")
            }
        }
        return try scratch.withUnsafeBufferPointer { (buffer) throws(Failure) -> String? in
            try text(buffer, trimming: trimming)
        }
    }

    private func text(_ buffer: UnsafeBufferPointer<UInt8>, trimming: Bool) throws(Failure) -> String? {
        var lower = 0
        var upper = buffer.count
        if trimming {
            while lower < upper, Byte.isWhitespace(buffer[lower]) { lower += 1 }
            while upper > lower, Byte.isWhitespace(buffer[upper - 1]) { upper -= 1 }
            if lower == upper { return nil }
        }
        guard let text = UTF8Validation.decode(UnsafeBufferPointer(rebasing: buffer[lower..<upper])) else { throw .notUTF8 }
        return text
    }

    private func hexQuad(at position: Int, end: Int) throws(Failure) -> UInt32 {
        guard position + 4 <= end else { throw malformed("\\u must be followed by four hexadecimal digits") }
        var value: UInt32 = 0
        for byte in bytes[position..<position + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw malformed("\\u must be followed by four hexadecimal digits")
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// A JSON number, as written: `.integer` when it has no fraction and no exponent.
    private mutating func number() throws(Failure) -> ImportValue {
        let start = index
        if peek == UInt8(ascii: "-") { index += 1 }
        guard let first = peek, ImportTextChecks.isASCIIDigit(first) else { throw malformed("a number is expected after -") }
        if first == UInt8(ascii: "0") {
            index += 1
        } else {
            skipDigits()
        }
        var integral = true
        if peek == UInt8(ascii: ".") {
            integral = false
            index += 1
            guard skipDigits() else { throw malformed("a number's decimal point must be followed by digits") }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            integral = false
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            guard skipDigits() else { throw malformed("a number's exponent must have digits") }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        return integral ? .integer(text) : .number(text)
    }

    /// Skips digits; false when there were none.
    @discardableResult
    private mutating func skipDigits() -> Bool {
        let start = index
        while let byte = peek, ImportTextChecks.isASCIIDigit(byte) { index += 1 }
        return index > start
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let length = word.utf8CodeUnitCount
        guard index + length <= bytes.count,
              word.withUTF8Buffer({ $0.elementsEqual(bytes[index..<index + length]) })
        else { throw malformed("a value (a string, a number, true, false or null) is expected") }
        index += length
    }

    /// Skips an object or an array, whatever it holds, as far as its closing bracket.
    private mutating func skipNested() throws(Failure) {
        var depth = 0
        var inString = false
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inString {
                if byte == UInt8(ascii: "\\") { index += 1 } else if byte == Byte.quote { inString = false }
                continue
            }
            switch byte {
            case Byte.quote: inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return }
            default: break
            }
        }
        throw malformed("an object or array is not closed")
    }

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while let byte = peek, Byte.isWhitespace(byte) { index += 1 }
    }

    private func malformed(_ reason: String) -> Failure {
        .malformed("\(reason) (at column \(min(index, bytes.count) + 1))")
    }
}
