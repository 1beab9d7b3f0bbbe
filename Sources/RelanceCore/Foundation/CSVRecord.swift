/// One line of CSV as RFC 4180 writes it: fields separated by commas; a field holding a comma,
/// a double quote or a line break is quoted, its quotes doubled.
public enum CSVRecord {
    public static func line(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",")
    }

    static func quoted(_ field: String) -> String {
        // By scalar: "\r\n" is one Character, equal to neither "\r" nor "\n".
        guard field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        var text = "\""
        for character in field {
            text.append(character)
            if character == "\"" { text.append("\"") }
        }
        return text + "\""
    }
}
