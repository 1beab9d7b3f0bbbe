/// A flat JSON object of strings (an outcome's detail), written by hand: keys sorted, strings
/// escaped as RFC 8259 requires. Several times cheaper than `JSONSerialization`, and it runs
/// once per job.
public enum JSONObjectText {
    public static func encode(_ fields: [String: String]) -> String {
        var text = "{"
        for (index, key) in fields.keys.sorted().enumerated() {
            if index > 0 { text += "," }
            append(key, to: &text)
            text += ":"
            append(fields[key]!, to: &text)
        }
        text += "}"
        return text
    }

    private static func append(_ string: String, to text: inout String) {
        text += "\""
        var plain = true
        for unit in string.utf8 where unit < 0x20 || unit == UInt8(ascii: "\"") || unit == UInt8(ascii: "\\") {
            plain = false
            break
        }
        if plain {
            text += string
        } else {
            for scalar in string.unicodeScalars {
                switch scalar {
                case "\"": text += "\\\""
                case "\\": text += "\\\\"
                case "\n": text += "\\n"
                case "\r": text += "\\r"
                case "\t": text += "\\t"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default:
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        text += "\""
    }
}
