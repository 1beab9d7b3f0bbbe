import RelanceCore
import Testing

@Suite("CSV records")
struct CSVRecordTests {
    @Test("plain fields go as they are; commas, quotes and line breaks are quoted, quotes doubled", arguments: [
        (["a", "b c", "é€"], "a,b c,é€"),
        (["12 rue de la Paix, 75002 Paris", "x"], "\"12 rue de la Paix, 75002 Paris\",x"),
        (["dit \"Le Petit\""], "\"dit \"\"Le Petit\"\"\""),
        (["ligne 1\nligne 2", "ligne 1\r\nligne 2"], "\"ligne 1\nligne 2\",\"ligne 1\r\nligne 2\""),
        (["", ""], ","),
    ] as [([String], String)])
    func line(fields: [String], expected: String) {
        #expect(CSVRecord.line(fields) == expected)
    }
}
