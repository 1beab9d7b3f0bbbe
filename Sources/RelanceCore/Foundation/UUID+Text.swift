import Foundation

/// The 36-character text form of a UUID (`8F0C1A2B-…`), written and read without Foundation's
/// `snprintf`/`sscanf`-based codec, which costs more per identifier than the rest of encoding a
/// job message.
extension UUID {
    private static let upperDigits: StaticString = "0123456789ABCDEF"
    private static let lowerDigits: StaticString = "0123456789abcdef"

    /// Appends the 36-character form to `bytes`: the same text as `uuidString` (upper case) or
    /// `uuidString.lowercased()`.
    public func appendText(to bytes: inout [UInt8], uppercase: Bool = true) {
        bytes.reserveCapacity(bytes.count + 36)
        withText(uppercase: uppercase) { bytes.append(contentsOf: $0) }
    }

    /// The 36-character form: `uuidString` when `uppercase`, else `uuidString.lowercased()`.
    public func text(uppercase: Bool = true) -> String {
        withText(uppercase: uppercase) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the 36 ASCII bytes of the text form, on the stack.
    private func withText<Result>(uppercase: Bool, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let digits = (uppercase ? Self.upperDigits : Self.lowerDigits).utf8Start
        var value = uuid
        var text: (UInt64, UInt64, UInt64, UInt64, UInt32) = (0, 0, 0, 0, 0)  // 36 bytes
        return withUnsafeBytes(of: &value) { source in
            withUnsafeMutableBytes(of: &text) { raw in
                var out = 0
                for index in 0..<16 {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        raw[out] = UInt8(ascii: "-")
                        out += 1
                    }
                    let byte = source[index]
                    raw[out] = digits[Int(byte >> 4)]
                    raw[out + 1] = digits[Int(byte & 0x0F)]
                    out += 2
                }
                return body(UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: 36))
            }
        }
    }

    /// Parses exactly 36 characters: hex digits in either case, with dashes at offsets 8, 13,
    /// 18 and 23. Nil for anything else (no braces, spaces, signs or other lengths).
    public init?(text: some StringProtocol) {
        guard text.utf8.count == 36 else { return nil }
        // Native strings are contiguous; a bridged or sliced one is copied once.
        let contiguous = text.utf8.withContiguousStorageIfAvailable { UUID(utf8: $0) }
        guard let parsed = contiguous ?? Array(text.utf8).withUnsafeBufferPointer({ UUID(utf8: $0) }) else { return nil }
        self = parsed
    }

    /// Parses the 36-character form from UTF-8 bytes; see `init?(text:)`.
    public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 36 else { return nil }
        var value: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let valid = withUnsafeMutableBytes(of: &value) { raw -> Bool in
            var at = 0
            for index in 0..<16 {
                if index == 4 || index == 6 || index == 8 || index == 10 {
                    guard bytes[at] == UInt8(ascii: "-") else { return false }
                    at += 1
                }
                guard let high = Self.nibble(bytes[at]), let low = Self.nibble(bytes[at + 1]) else { return false }
                raw[index] = high << 4 | low
                at += 2
            }
            return true
        }
        guard valid else { return nil }
        self.init(uuid: value)
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte &- UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte &- UInt8(ascii: "A") &+ 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte &- UInt8(ascii: "a") &+ 10
        default: nil
        }
    }

    /// Orders by the 16 bytes, most significant first: the order of the text forms (upper or
    /// lower case alike, since the digits sort as their values and the dashes sit at the same
    /// places), without writing them.
    public static func textOrder(_ lhs: UUID, _ rhs: UUID) -> Bool {
        let (leftHigh, leftLow) = lhs.bigEndianHalves
        let (rightHigh, rightLow) = rhs.bigEndianHalves
        return leftHigh != rightHigh ? leftHigh < rightHigh : leftLow < rightLow
    }

    private var bigEndianHalves: (UInt64, UInt64) {
        withUnsafeBytes(of: uuid) { raw in
            (UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
             UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
        }
    }
}
