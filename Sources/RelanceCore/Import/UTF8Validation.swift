/// Text from UTF-8 bytes, checked by hand: the standard library's validating initialiser is
/// generic and not specialised across modules, and it ran on every value of every row.
enum UTF8Validation {
    /// The text `bytes` encode, or nil when they are not well-formed UTF-8 (RFC 3629).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard isWellFormed(bytes) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func isWellFormed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var index = 0
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var secondRange: ClosedRange<UInt8> = 0x80...0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; secondRange = 0xA0...0xBF
            case 0xED: length = 3; secondRange = 0x80...0x9F // no surrogates
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xF0: length = 4; secondRange = 0x90...0xBF
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; secondRange = 0x80...0x8F // nothing past U+10FFFF
            default: return false
            }
            guard index + length <= count, secondRange.contains(bytes[index + 1]) else { return false }
            for continuation in (index + 2)..<(index + length) where bytes[continuation] & 0xC0 != 0x80 {
                return false
            }
            index += length
        }
        return true
    }
}
