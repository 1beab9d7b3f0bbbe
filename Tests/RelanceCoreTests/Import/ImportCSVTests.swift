import RelanceCore
import Testing

@Suite("Import: CSV")
struct ImportCSVTests {
    @Test("a full row decodes exactly: money in minor units, dates, address, creditor")
    func fullRow() throws {
        let csv = """
            creditor_ref,creditor_name,debtor_ref,debtor_name,debtor_kind,debtor_language,debtor_time_zone,debtor_email,debtor_phone,debtor_address_line1,debtor_address_line2,debtor_postal_code,debtor_city,debtor_country,debtor_siren,invoice_number,issue_date,due_date,currency,amount,outstanding,contract_rate_bp,jurisdiction,policy
            CR-1,Acme SA,D-42,Dupont SARL,consumer,en,America/Martinique,compta@dupont.fr,+33 (0)6 12-34-56-78,12 rue de la Paix,Bâtiment B,75002,Paris,fr,443 061 841,F-2026-001,2026-01-15,2026-02-14,EUR,1234.5,1000.05,1200,fr-b2c,Standard

            """
        let records = try parseImport(csv)
        let expected = ImportRow(
            line: 2,
            creditor: ImportCreditor(reference: "CR-1", name: "Acme SA"),
            debtor: ImportDebtor(
                reference: "D-42", name: "Dupont SARL", kind: .consumer, language: .en,
                timeZone: try TimeZoneID("America/Martinique"), email: "compta@dupont.fr",
                phone: "+33 (0)6 12-34-56-78",
                postalAddress: PostalAddress(lines: ["12 rue de la Paix", "Bâtiment B"], postalCode: "75002", city: "Paris", countryCode: "FR"),
                siren: "443061841"
            ),
            invoice: ImportInvoice(
                number: "F-2026-001", issueDate: isoDate("2026-01-15"), dueDate: isoDate("2026-02-14"),
                amount: euros(123_450), outstanding: euros(100_005), contractRateBasisPoints: 1_200,
                jurisdiction: .frB2C, policyName: "Standard"
            )
        )
        #expect(records == [.row(expected)])
    }

    @Test("a minimal row takes the defaults: business, French, Europe/Paris, no creditor")
    func defaults() throws {
        let records = try parseImport("\(minimalHeader)\nD-1,Martin,F1,2026-03-01,2026-03-31,EUR,99\n")
        #expect(records == [.row(ImportRow(
            line: 2,
            debtor: ImportDebtor(reference: "D-1", name: "Martin"),
            invoice: ImportInvoice(number: "F1", issueDate: isoDate("2026-03-01"), dueDate: isoDate("2026-03-31"), amount: euros(9_900))
        ))])
        let debtor = try #require(records.rows.first).debtor
        #expect(debtor.kind == .business && debtor.language == .fr && debtor.timeZone == .paris)
    }

    @Test("amount_minor gives minor units; the currency's digits are respected")
    func minorUnits() throws {
        let csv = """
            debtor_ref,debtor_name,invoice_number,issue_date,due_date,currency,amount,amount_minor
            D-1,Martin,F1,2026-03-01,2026-03-31,EUR,,12345
            D-1,Martin,F2,2026-03-01,2026-03-31,JPY,1500,
            D-1,Martin,F3,2026-03-01,2026-03-31,kwd,1.234,
            """
        let amounts = try parseImport(csv).rows.map(\.invoice.amount)
        #expect(amounts == [
            euros(12_345),
            Money(minorUnits: 1_500, currency: try Currency(code: "JPY")),
            Money(minorUnits: 1_234, currency: try Currency(code: "KWD")),
        ])
    }

    @Test("quoted values hold commas, doubled quotes and line breaks; line numbers stay physical")
    func quotedValues() throws {
        let csv = #"""
            \#(minimalHeader),debtor_address_line1,debtor_postal_code,debtor_city,debtor_country
            D-1,"Dupont, ""Le Petit""",F1,2026-03-01,2026-03-31,EUR,10,"12 rue de la Paix
            Escalier B",75002,Paris,FR
            D-2,"Durand
            et
            fils",F2,2026-03-01,2026-03-31,EUR,20,1 place,75001,Paris,FR

            D-3,Martin,F3,2026-03-01,2026-03-31,EUR,30,2 place,75001,Paris,FR
            """#
        let rows = try parseImport(csv).rows
        #expect(rows.map(\.line) == [2, 4, 8])
        #expect(rows.map(\.debtor.name) == ["Dupont, \"Le Petit\"", "Durand\net\nfils", "Martin"])
        #expect(rows.first?.debtor.postalAddress?.lines == ["12 rue de la Paix\nEscalier B"])
    }

    @Test("a byte order mark, CRLF line ends and no final line break are read as plain LF")
    func bomAndCRLF() throws {
        let text = "\u{FEFF}\(minimalHeader)\r\nD-1,Martin,F1,2026-03-01,2026-03-31,EUR,10\r\n\r\nD-2,\"Durand\r\nfils\",F2,2026-03-01,2026-03-31,EUR,20\r\nD-3,Petit,F3,2026-03-01,2026-03-31,EUR,30"
        let records = try parseImport(text)
        #expect(records.issues.isEmpty)
        #expect(records.rows.map(\.line) == [2, 4, 6])
        #expect(records.rows.map(\.debtor.name) == ["Martin", "Durand\r\nfils", "Petit"])
        #expect(records.rows.map(\.invoice.amount) == [euros(1_000), euros(2_000), euros(3_000)])
    }

    @Test("values are trimmed; empty cells are absent; spaces may surround a quoted value")
    func trimming() throws {
        let csv = "\(minimalHeader),debtor_email\n  D-1 , \"Martin \" ,F1,2026-03-01,2026-03-31, EUR ,10,   \n"
        let row = try #require(try parseImport(csv).rows.first)
        #expect(row.debtor.reference == "D-1")
        #expect(row.debtor.name == "Martin")
        #expect(row.debtor.email == nil)
    }

    @Test("an unterminated quote makes the last record malformed, not a crash")
    func unterminatedQuote() throws {
        let csv = "\(minimalHeader)\nD-1,Martin,F1,2026-03-01,2026-03-31,EUR,10\nD-2,\"Durand,F2,2026-03-01,2026-03-31,EUR,20\n"
        let records = try parseImport(csv)
        #expect(records.rows.count == 1)
        #expect(records.issues.summaries == ["3 - malformed_csv"])
        #expect(records.issues.first?.message.contains("not closed") == true)
    }

    @Test("stray quotes and text after a closing quote are malformed; the next record is read")
    func strayQuotes() throws {
        let csv = "\(minimalHeader)\nD-1,Mar\"tin,F1,2026-03-01,2026-03-31,EUR,10\nD-2,\"Durand\"x,F2,2026-03-01,2026-03-31,EUR,20\nD-3,Petit,F3,2026-03-01,2026-03-31,EUR,30\n"
        let records = try parseImport(csv)
        #expect(records.issues.summaries == ["2 - malformed_csv", "3 - malformed_csv"])
        #expect(records.rows.map(\.line) == [4])
    }

    @Test("a record with the wrong number of cells names both counts")
    func wrongCellCount() throws {
        let csv = "\(minimalHeader)\nD-1,Martin,F1,2026-03-01,2026-03-31,EUR\nD-2,Durand,F2,2026-03-01,2026-03-31,EUR,20,extra\n"
        let found = try parseImport(csv).issues
        #expect(found.summaries == ["2 - malformed_csv", "3 - malformed_csv"])
        #expect(found.map(\.message) == [
            "the record has 6 cells where the header has 7",
            "the record has 8 cells where the header has 7",
        ])
    }

    @Test("a record over the limit is too_long; reading resumes after it, past its quoted line breaks")
    func tooLong() throws {
        let long = String(repeating: "x", count: 300)
        let csv = "\(minimalHeader)\nD-1,\"\(long)\n\(long)\",F1,2026-03-01,2026-03-31,EUR,10\nD-2,Durand,F2,2026-03-01,2026-03-31,EUR,20\n"
        let records = try parseImport(csv, maximumRecordBytes: 200)
        #expect(records.issues.summaries == ["2 - too_long"])
        #expect(records.rows.map(\.line) == [4])
    }

    @Test("header problems are file errors", arguments: [
        ("", "missing_header"),
        ("\n\n", "missing_header"),
        ("\(minimalHeader),colour\n", "unknown_column"),
        ("\(minimalHeader),debtor_ref\n", "duplicate_column"),
        ("debtor_ref,debtor_name,invoice_number,issue_date,due_date,amount\n", "missing_column"),
        ("debtor_ref,debtor_name,invoice_number,issue_date,due_date,currency\n", "missing_column"),
        ("\(minimalHeader),,\n", "empty_column_name"),
        ("debtor_ref,\"debtor_name\n", "malformed_header"),
    ])
    func headerErrors(text: String, code: String) {
        do {
            _ = try parseImport(text)
            Issue.record("expected \(code)")
        } catch {
            #expect(error.code.name == code)
            #expect(error.line == 1 || code == "missing_header")
        }
    }

    @Test("a missing column is named in the error")
    func missingColumnMessage() {
        #expect(throws: ImportFileError(.missingColumn, line: 1, "the header lacks the required columns currency, amount or amount_minor")) {
            try parseImport("debtor_ref,debtor_name,invoice_number,issue_date,due_date\n")
        }
    }

    @Test("a file with a header and no rows has no records")
    func headerOnly() throws {
        #expect(try parseImport("\(minimalHeader)\n").isEmpty)
        #expect(try parseImport(minimalHeader).isEmpty)
    }

    @Test("a file error reads with its line")
    func fileErrorDescription() {
        let error = ImportFileError(.unknownColumn, line: 1, "the header names an unknown column: colour")
        #expect(error.description == "line 1: the header names an unknown column: colour")
    }

    @Test("header names are matched in any case")
    func headerCase() throws {
        let csv = "DEBTOR_REF,Debtor_Name,invoice_number,issue_date,due_date,currency,amount\nD-1,Martin,F1,2026-03-01,2026-03-31,EUR,10\n"
        #expect(try parseImport(csv).rows.count == 1)
    }

    @Test("bytes that are not UTF-8 are a file error with their line")
    func notUTF8() {
        var bytes = Array("\(minimalHeader)\nD-1,Martin,F1,2026-03-01,2026-03-31,EUR,10\nD-2,".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array(",F2,2026-03-01,2026-03-31,EUR,20\n".utf8)
        do {
            _ = try parseImport(bytes, format: .csv, chunkSizes: [Int.max])
            Issue.record("expected not_utf8")
        } catch {
            #expect(error.code == .notUTF8)
            #expect(error.line == 3)
        }
    }
}
