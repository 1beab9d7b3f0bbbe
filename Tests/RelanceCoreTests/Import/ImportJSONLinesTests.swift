import RelanceCore
import Testing

@Suite("Import: JSON lines")
struct ImportJSONLinesTests {
    static let minimal = #""debtor_ref":"D-1","debtor_name":"Martin","invoice_number":"F1","issue_date":"2026-03-01","due_date":"2026-03-31","currency":"EUR""#

    func parseLines(_ text: String) throws -> [ImportRecord] {
        try parseImport(text, format: .jsonLines)
    }

    @Test("a full object decodes exactly; blank lines are skipped but counted")
    func fullObject() throws {
        let jsonl = """
            {"creditor_ref":"CR-1","creditor_name":"Acme SA","debtor_ref":"D-42","debtor_name":"Dupont SARL","debtor_kind":"consumer","debtor_language":"en","debtor_time_zone":"Europe/Berlin","debtor_email":"compta@dupont.fr","debtor_phone":"+49 30 123456","debtor_address_line1":"Unter den Linden 1","debtor_postal_code":"10117","debtor_city":"Berlin","debtor_country":"DE","debtor_siren":"732829320","invoice_number":"F-9","issue_date":"2026-01-15","due_date":"2026-02-14","currency":"EUR","amount":"1234.56","outstanding_minor":100000,"contract_rate_bp":"950","jurisdiction":"de-b2c","policy":"Gentle"}

              
            {\(Self.minimal),"amount_minor":"4200","debtor_email":null,"policy":""}
            """
        let records = try parseLines(jsonl)
        #expect(records == [
            .row(ImportRow(
                line: 1,
                creditor: ImportCreditor(reference: "CR-1", name: "Acme SA"),
                debtor: ImportDebtor(
                    reference: "D-42", name: "Dupont SARL", kind: .consumer, language: .en,
                    timeZone: try TimeZoneID("Europe/Berlin"), email: "compta@dupont.fr", phone: "+49 30 123456",
                    postalAddress: PostalAddress(lines: ["Unter den Linden 1"], postalCode: "10117", city: "Berlin", countryCode: "DE"),
                    siren: "732829320"
                ),
                invoice: ImportInvoice(
                    number: "F-9", issueDate: isoDate("2026-01-15"), dueDate: isoDate("2026-02-14"), amount: euros(123_456),
                    outstanding: euros(100_000), contractRateBasisPoints: 950, jurisdiction: .deB2C, policyName: "Gentle"
                )
            )),
            .row(ImportRow(
                line: 4,
                debtor: ImportDebtor(reference: "D-1", name: "Martin"),
                invoice: ImportInvoice(number: "F1", issueDate: isoDate("2026-03-01"), dueDate: isoDate("2026-03-31"), amount: euros(4_200))
            )),
        ])
    }

    @Test("an amount sent as a JSON number is refused: a decimal string or amount_minor is asked for")
    func numericAmount() throws {
        for amount in ["12.5", "12", "1.25e1"] {
            let found = try parseLines("{\(Self.minimal),\"amount\":\(amount)}\n").issues
            #expect(found.summaries == ["1 amount not_a_string"])
            #expect(found.first?.message == "amount must be a decimal string such as \"1234.56\" (or amount_minor an integer of minor units): a JSON number can lose cents")
        }
    }

    @Test("amount_minor must be an integer; other fields must be strings")
    func types() throws {
        let found = try parseLines("{\(Self.minimal),\"amount_minor\":12.5,\"debtor_phone\":33612345678,\"debtor_kind\":true}\n").issues
        #expect(found.summaries == ["1 debtor_kind not_a_string", "1 debtor_phone not_a_string", "1 amount_minor not_an_integer"])
    }

    @Test("amount and amount_minor together conflict; an absent amount is missing")
    func amountForms() throws {
        let both = try parseLines("{\(Self.minimal),\"amount\":\"10\",\"amount_minor\":1000}\n").issues
        #expect(both.summaries == ["1 amount_minor conflicting"])
        let neither = try parseLines("{\(Self.minimal),\"amount\":null,\"amount_minor\":\" \"}\n").issues
        #expect(neither.summaries == ["1 amount missing"])
        #expect(neither.first?.message == "amount or amount_minor is required")
    }

    @Test("nested values, unknown and repeated keys are issues of their row, all reported")
    func nestedUnknownDuplicate() throws {
        let line = #"{"debtor_ref":"D-1","debtor_name":{"first":"Jean","tags":["a","}"]},"colour":"blue","debtor_ref":"D-2","invoice_number":"F1","issue_date":"2026-03-01","due_date":"2026-03-31","currency":"EUR","amount":"10","debtor_email":[1,2]}"#
        let found = try parseLines(line).issues
        #expect(found.summaries == [
            "1 colour unknown_field", "1 debtor_ref duplicate_field", "1 debtor_name nested_value", "1 debtor_email nested_value",
        ])
    }

    @Test("escapes are decoded: quotes, backslashes, line breaks, \\u escapes and surrogate pairs")
    func escapes() throws {
        let name = #"Caf\u00e9 \"Chez L\u00e9on\" \\ Lyon\n2\u00e8me \ud83d\ude00 \/ \t"#
        let line = #"{"debtor_ref":"D-1","debtor_name":""# + name + #"","invoice_number":"F1","issue_date":"2026-03-01","due_date":"2026-03-31","currency":"EUR","amount":"1"}"#
        let records = try parseLines(line)
        #expect(records.rows.first?.debtor.name == "Café \"Chez Léon\" \\ Lyon\n2ème 😀 /")
    }

    @Test("malformed lines are malformed_json records; the next lines are read", arguments: [
        #"{"debtor_ref":"D-1""#,
        #"{"debtor_ref" "D-1"}"#,
        #"["D-1"]"#,
        #"{"debtor_ref":"D-1"} x"#,
        #"{"debtor_ref":"\ud83d"}"#,
        #"{"debtor_ref":"\x"}"#,
        #"{"debtor_ref":01}"#,
        #"{"debtor_ref":"D-1",}"#,
        #"{"debtor_ref":tru}"#,
        "{\"debtor_ref\":\"a\tb\"}",
    ])
    func malformed(line: String) throws {
        let records = try parseLines("\(line)\n{\(Self.minimal),\"amount\":\"10\"}\n")
        #expect(records.issues.summaries == ["1 - malformed_json"])
        #expect(records.rows.map(\.line) == [2])
    }

    @Test("CRLF, a byte order mark and no final line break")
    func crlfBOM() throws {
        let text = "\u{FEFF}{\(Self.minimal),\"amount\":\"10\"}\r\n\r\n{\(Self.minimal),\"amount\":\"20\"}"
        let records = try parseLines(text)
        #expect(records.rows.map(\.line) == [1, 3])
        #expect(records.rows.map(\.invoice.amount) == [euros(1_000), euros(2_000)])
    }

    @Test("a line over the limit is too_long; the next line is read")
    func tooLong() throws {
        let long = String(repeating: "x", count: 500)
        let text = "{\(Self.minimal),\"amount\":\"10\",\"policy\":\"\(long)\"}\n{\(Self.minimal),\"amount\":\"20\"}\n"
        let records = try parseImport(text, format: .jsonLines, maximumRecordBytes: 300)
        #expect(records.issues.summaries == ["1 - too_long"])
        #expect(records.rows.map(\.line) == [2])
    }

    @Test("an empty file has no records; bytes that are not UTF-8 are a file error")
    func emptyAndNotUTF8() throws {
        #expect(try parseLines("").isEmpty)
        #expect(try parseLines("\n\n").isEmpty)
        let bytes = Array("{\"debtor_name\":\"".utf8) + [0xFF] + Array("\"}\n".utf8)
        #expect(throws: ImportFileError(.notUTF8, line: 1, "the file is not UTF-8 text")) {
            try parseImport(bytes, format: .jsonLines, chunkSizes: [Int.max])
        }
    }
}
