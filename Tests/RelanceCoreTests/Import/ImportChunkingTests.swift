import RelanceCore
import Testing

@Suite("Import: chunked input")
struct ImportChunkingTests {
    /// A CSV file with what chunk boundaries can split: a byte order mark, CRLF, quoted commas,
    /// quotes and line breaks, multi-byte characters, blank lines, bad records, no final line break.
    static let csv = "\u{FEFF}\(minimalHeader),debtor_city,debtor_address_line1,debtor_postal_code,debtor_country\r\n"
        + "D-1,\"Dupont, \"\"Le Petit\"\"\",F1,2026-03-01,2026-03-31,EUR,10.5,Besançon,\"1 rue\r\nEscalier B\",25000,FR\r\n"
        + "\r\n"
        + "D-2,Ævar 😀,F2,2026-03-01,2026-02-01,EUR,abc,Paris,1 place,75001,FR\n"
        + "D-3,Durand,F3,2026-03-01,2026-03-31,EUR,1\n"
        + "D-4,\"Martin\n\nfils\",F4,2026-03-01,2026-03-31,EUR,7,Lyon,2 quai,69001,FR\n"
        + "D-5,Petit,F5,2026-03-01,2026-03-31,EUR,8,Nice,3 av,06000,FR"

    /// The same for JSON lines, with escapes split across chunks.
    static let jsonLines = "\u{FEFF}"
        + #"{"debtor_ref":"D-1","debtor_name":"Caf\u00e9 \ud83d\ude00 \"x\"","invoice_number":"F1","issue_date":"2026-03-01","due_date":"2026-03-31","currency":"EUR","amount":"10.5"}"# + "\r\n"
        + "\n"
        + #"{"debtor_ref":"D-2","debtor_name":"Ævar","invoice_number":"F2","issue_date":"2026-03-01","due_date":"2026-03-31","currency":"EUR","amount":10.5,"x":[{"y":"]"}]}"# + "\n"
        + #"{"debtor_ref":"D-3","#  + "\n"
        + #"{"debtor_ref":"D-4","debtor_name":"Martin","invoice_number":"F4","issue_date":"2026-03-01","due_date":"2026-03-31","currency":"EUR","amount_minor":700}"#

    @Test("the expected records, read whole", arguments: [ImportFormat.csv, .jsonLines])
    func whole(format: ImportFormat) throws {
        let records = try parseImport(Self.text(format), format: format)
        switch format {
        case .csv:
            #expect(records.rows.map(\.line) == [2, 7, 10])
            #expect(records.rows.map(\.debtor.name) == ["Dupont, \"Le Petit\"", "Martin\n\nfils", "Petit"])
            #expect(records.rows.first?.debtor.postalAddress?.city == "Besançon")
            #expect(records.issues.summaries == ["5 due_date due_before_issue", "5 amount invalid", "6 - malformed_csv"])
        case .jsonLines:
            #expect(records.rows.map(\.line) == [1, 5])
            #expect(records.rows.first?.debtor.name == "Café 😀 \"x\"")
            #expect(records.issues.summaries == ["3 x unknown_field", "3 amount not_a_string", "4 - malformed_json"])
        }
    }

    @Test("fed byte by byte, in random chunk sizes or whole, a file gives the same records", arguments: [ImportFormat.csv, .jsonLines])
    func chunkingChangesNothing(format: ImportFormat) throws {
        let bytes = Array(Self.text(format).utf8)
        let whole = try parseImport(bytes, format: format, chunkSizes: [Int.max])
        #expect(try parseImport(bytes, format: format, chunkSizes: [1]) == whole)
        var generator = SeededGenerator(state: 20_261_207)
        for _ in 0..<200 {
            let sizes = (0..<64).map { _ in Int.random(in: 1...40, using: &generator) }
            #expect(try parseImport(bytes, format: format, chunkSizes: sizes) == whole)
        }
    }

    @Test("a record over the limit is skipped the same way whatever the chunks", arguments: [ImportFormat.csv, .jsonLines])
    func tooLongInChunks(format: ImportFormat) throws {
        let long = String(repeating: "y", count: 150)
        let tail = switch format {
        case .csv: "\nD-6,\"\(long)\n\(long)\",F6,2026-03-01,2026-03-31,EUR,6,Nice,3 av,06000,FR\nD-7,Roux,F7,2026-03-01,2026-03-31,EUR,7,Nice,3 av,06000,FR\n"
        case .jsonLines: "\n{\"debtor_ref\":\"\(long)\(long)\"}\n{\"debtor_ref\":\"D-7\",\"debtor_name\":\"Roux\",\"invoice_number\":\"F7\",\"issue_date\":\"2026-03-01\",\"due_date\":\"2026-03-31\",\"currency\":\"EUR\",\"amount\":\"7\"}\n"
        }
        let bytes = Array((Self.text(format) + tail).utf8)
        let whole = try parseImport(bytes, format: format, chunkSizes: [Int.max], maximumRecordBytes: 250)
        #expect(whole.issues.filter { $0.code == "too_long" }.map(\.line) == [format == .csv ? 11 : 6])
        #expect(whole.rows.last?.debtor.name == "Roux")
        #expect(whole.rows.last?.line == (format == .csv ? 13 : 7))
        #expect(try parseImport(bytes, format: format, chunkSizes: [1], maximumRecordBytes: 250) == whole)
        var generator = SeededGenerator(state: 7)
        for _ in 0..<50 {
            let sizes = (0..<64).map { _ in Int.random(in: 1...40, using: &generator) }
            #expect(try parseImport(bytes, format: format, chunkSizes: sizes, maximumRecordBytes: 250) == whole)
        }
    }

    @Test("a byte order mark split across chunks is dropped; bytes that only begin like one are kept")
    func splitByteOrderMark() throws {
        let bytes = Array("\u{FEFF}\(minimalHeader)\nD-1,Martin,F1,2026-03-01,2026-03-31,EUR,10\n".utf8)
        #expect(try parseImport(bytes, format: .csv, chunkSizes: [1, 1, 1, 1000]).rows.count == 1)
        // U+FEEE: EF BB AE, not a mark; as a header's first character it is an unknown column.
        let notAMark = Array("\u{FEEE}\(minimalHeader)\n".utf8)
        do {
            _ = try parseImport(notAMark, format: .csv, chunkSizes: [1])
            Issue.record("expected an unknown column")
        } catch {
            #expect(error.code == .unknownColumn)
            #expect(error.message.hasPrefix("the header names an unknown column: \u{FEEE}debtor_ref"))
        }
    }

    @Test("a large file streams through: every row of 20 000 comes back, in order, with its line")
    func manyRows() throws {
        var parser = ImportParser(format: .csv)
        var lines = 0
        var count = 0
        var lastLine = 0
        var chunk = Array("\(minimalHeader),debtor_email,debtor_siren\n".utf8)
        for index in 1...20_000 {
            chunk += Array("D-\(index),Débiteur \(index),F-\(index),2026-01-01,2026-02-01,EUR,\(index).25,d\(index)@example.fr,443 061 841\n".utf8)
            if chunk.count > 8_192 {
                for record in try parser.feed(chunk) {
                    guard case .row(let row) = record else { Issue.record("unexpected \(record)"); continue }
                    count += 1
                    #expect(row.line == lastLine + 1 || lastLine == 0)
                    lastLine = row.line
                }
                chunk.removeAll(keepingCapacity: true)
            }
            lines += 1
        }
        for record in try parser.feed(chunk) + parser.finish() {
            if case .row(let row) = record { count += 1; lastLine = row.line }
        }
        #expect(count == lines)
        #expect(lastLine == 20_001)
    }

    static func text(_ format: ImportFormat) -> String {
        format == .csv ? csv : jsonLines
    }
}
