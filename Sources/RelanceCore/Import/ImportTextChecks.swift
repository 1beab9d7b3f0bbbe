/// The forms an import's values must have, checked on their UTF-8 bytes: they run on every
/// row of files of a hundred thousand rows. The API checks what it is sent by the same rules.
public enum ImportTextChecks {
    /// One `@` between a non-empty local part and a domain holding a dot (not at either end);
    /// no spaces or control characters.
    public static func isEmailAddress(_ text: String) -> Bool {
        var at: Int?
        var index = 0
        var lastDot: Int?
        var firstDotAfterAt: Int?
        for byte in text.utf8 {
            if byte <= 0x20 || byte == 0x7F { return false }
            if byte == UInt8(ascii: "@") {
                guard at == nil else { return false }
                at = index
            } else if byte == UInt8(ascii: "."), let at {
                if firstDotAfterAt == nil { firstDotAfterAt = index }
                if lastDot == index - 1 || index == at + 1 { return false }
                lastDot = index
            }
            index += 1
        }
        guard let at, at > 0, let firstDotAfterAt, let lastDot else { return false }
        return firstDotAfterAt > at + 1 && lastDot < index - 1
    }

    /// Digits, spaces, `+`, `-` and parentheses, with at least 6 digits.
    static func isPhoneNumber(_ text: String) -> Bool {
        var digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: " "), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "("), UInt8(ascii: ")"): break
            default: return false
            }
        }
        return digits >= 6
    }

    /// The 9 digits of a French SIREN written with or without spaces, when its Luhn check
    /// digit holds; nil otherwise.
    public static func siren(_ text: String) -> String? {
        var digits: [UInt8] = []
        for byte in text.utf8 where byte != UInt8(ascii: " ") {
            guard isASCIIDigit(byte), digits.count < 9 else { return nil }
            digits.append(byte - UInt8(ascii: "0"))
        }
        guard digits.count == 9 else { return nil }
        // Luhn: from the right, every second digit doubled (its digits summed).
        var sum = 0
        for (position, digit) in digits.reversed().enumerated() {
            let value = Int(digit) * (position % 2 == 1 ? 2 : 1)
            sum += value > 9 ? value - 9 : value
        }
        guard sum % 10 == 0 else { return nil }
        return String(decoding: digits.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
    }

    /// `YYYY-MM-DD`, a day that exists.
    static func calendarDate(_ text: String) -> CalendarDate? {
        var fields = (0, 0, 0)
        var count = 0
        for byte in text.utf8 {
            switch count {
            case 4, 7:
                guard byte == UInt8(ascii: "-") else { return nil }
            case 0..<10:
                guard isASCIIDigit(byte) else { return nil }
                let digit = Int(byte - UInt8(ascii: "0"))
                switch count {
                case 0..<4: fields.0 = fields.0 * 10 + digit
                case 5..<7: fields.1 = fields.1 * 10 + digit
                default: fields.2 = fields.2 * 10 + digit
                }
            default:
                return nil
            }
            count += 1
        }
        guard count == 10 else { return nil }
        return CalendarDate(year: fields.0, month: fields.1, day: fields.2)
    }

    /// A whole number: ASCII digits, optionally after a minus sign; nil when it does not fit an Int64.
    static func integer(_ text: String) -> Int64? {
        var utf8 = Substring(text).utf8
        let negative = utf8.first == UInt8(ascii: "-")
        if negative { utf8 = utf8.dropFirst() }
        guard !utf8.isEmpty, utf8.count <= 19 else { return nil }
        var value: Int64 = 0
        for byte in utf8 {
            guard isASCIIDigit(byte) else { return nil }
            let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = shifted.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
            guard !o1, !o2 else { return nil }
            value = next
        }
        return negative ? -value : value
    }

    /// The minor units of a plain decimal such as `1234.5` with at most `digits` decimals;
    /// nil for any other text (a sign, a leading point, too many decimals, an overflow), which
    /// `Money(decimal:currency:)` then reads or refuses with its own message.
    static func minorUnits(_ text: String, digits: Int) -> Int64? {
        var units: Int64 = 0
        var decimals = -1 // -1 until the point
        var wholeDigits = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "."), decimals < 0, wholeDigits > 0 {
                decimals = 0
                continue
            }
            guard isASCIIDigit(byte), decimals < digits else { return nil }
            let (shifted, o1) = units.multipliedReportingOverflow(by: 10)
            let (next, o2) = shifted.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
            guard !o1, !o2 else { return nil }
            units = next
            if decimals >= 0 { decimals += 1 } else { wholeDigits += 1 }
        }
        guard wholeDigits > 0, decimals != 0 else { return nil }
        for _ in 0..<(digits - max(decimals, 0)) {
            let (shifted, overflow) = units.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            units = shifted
        }
        return units
    }

    static func isASCIIDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }
}
