import RelanceCore
import Testing

@Suite("Import: field validation")
struct ImportValidationTests {
    static let header = "debtor_ref,debtor_name,debtor_kind,debtor_language,debtor_time_zone,debtor_email,debtor_phone,debtor_siren,invoice_number,issue_date,due_date,currency,amount,amount_minor,outstanding,contract_rate_bp,jurisdiction,policy"

    /// The issues of the one record of a file with `header` and `row`.
    func issuesOf(_ row: String, header: String = header) throws -> [ImportIssue] {
        let records = try parseImport("\(header)\n\(row)\n")
        try #require(records.count == 1)
        return records.issues
    }

    @Test("every bad field of a record is reported, each with its line, field and code")
    func severalIssues() throws {
        let found = try issuesOf(",Martin,company,de,Mars/Olympus,not-an-email,12,123456789,F1,2026-02-30,2026-01-01,EURO,12.345,,,200000,fr-b2x,")
        #expect(found.summaries == [
            "2 debtor_ref missing",
            "2 debtor_kind invalid",
            "2 debtor_language invalid",
            "2 debtor_time_zone invalid",
            "2 debtor_email invalid",
            "2 debtor_phone invalid",
            "2 debtor_siren invalid",
            "2 currency invalid",
            "2 issue_date invalid",
            "2 contract_rate_bp out_of_range",
            "2 jurisdiction invalid",
        ])
        let messages = Dictionary(found.map { ($0.field ?? "", $0.message) }, uniquingKeysWith: { first, _ in first })
        #expect(messages["debtor_kind"] == "'company' is not one of business or consumer")
        #expect(messages["debtor_email"] == "'not-an-email' is not an email address")
        #expect(messages["issue_date"] == "'2026-02-30' is not a date in the form YYYY-MM-DD")
        #expect(messages["jurisdiction"] == "'fr-b2x' is not one of fr-b2b, fr-b2c, eu, de-b2b, de-b2c or uk")
    }

    @Test("required fields are reported missing, all of them")
    func missing() throws {
        let found = try issuesOf(",,,,,,,,,,,,,,,,,")
        #expect(found.summaries == [
            "2 debtor_ref missing", "2 debtor_name missing", "2 currency missing", "2 invoice_number missing",
            "2 issue_date missing", "2 due_date missing", "2 amount missing",
        ])
    }

    @Test("the due date cannot be before the issue date")
    func dueBeforeIssue() throws {
        let found = try issuesOf("D-1,Martin,,,,,,,F1,2026-03-01,2026-02-28,EUR,10,,,,,")
        #expect(found.summaries == ["2 due_date due_before_issue"])
        #expect(found.first?.message == "the due date 2026-02-28 is before the issue date 2026-03-01")
    }

    @Test("amounts: positive, not both forms, at most the currency's decimals; outstanding within the amount", arguments: [
        ("0,,,", ["2 amount out_of_range"]),
        ("-5,,,", ["2 amount out_of_range"]),
        (",0,,", ["2 amount_minor out_of_range"]),
        ("10,1000,,", ["2 amount_minor conflicting"]),
        ("10.001,,,", ["2 amount invalid"]),
        ("1e3,,,", ["2 amount invalid"]),
        ("10,,10.01,", ["2 outstanding out_of_range"]),
        ("10,,-1,", ["2 outstanding out_of_range"]),
        (",12.5,,", ["2 amount_minor invalid"]),
        ("99999999999999999999,,,", ["2 amount out_of_range"]),
    ])
    func amounts(cells: String, expected: [String]) throws {
        let found = try issuesOf("D-1,Martin,,,,,,,F1,2026-03-01,2026-03-31,EUR,\(cells),,")
        #expect(found.summaries == expected)
    }

    @Test("decimal amounts read as Money(decimal:) reads them", arguments: [
        "1234.5", "1234.50", "0007.01", "0.01", ".5", "+7", "92233720368547758.07", " 12 ",
    ])
    func decimalAmounts(text: String) throws {
        let csv = "\(minimalHeader)\nD-1,Martin,F1,2026-03-01,2026-03-31,EUR,\"\(text)\"\n"
        #expect(try parseImport(csv).rows.first?.invoice.amount == (try Money(decimal: text, currency: .eur)))
    }

    @Test("an outstanding of zero up to the amount is accepted")
    func outstandingBounds() throws {
        for outstanding in ["0", "10", "0.01"] {
            let csv = "\(Self.header)\nD-1,Martin,,,,,,,F1,2026-03-01,2026-03-31,EUR,10,,\(outstanding),,,\n"
            #expect(try parseImport(csv).rows.first?.invoice.outstanding == (try Money(decimal: outstanding, currency: .eur)))
        }
    }

    @Test("emails", arguments: [
        ("a@b.fr", true), ("compta.dupont@mail.example.com", true),
        ("a@b", false), ("@b.fr", false), ("a@@b.fr", false), ("a@b@c.fr", false), ("a b@c.fr", false),
        ("a@.fr", false), ("a@b.", false), ("a@b..fr", false),
    ])
    func emails(email: String, valid: Bool) throws {
        let found = try issuesOf("D-1,Martin,,,,\(email),,,F1,2026-03-01,2026-03-31,EUR,10,,,,,")
        #expect(found.isEmpty == valid)
    }

    @Test("phones", arguments: [
        ("+33 6 12 34 56 78", true), ("(01) 23-45-67", true), ("123456", true),
        ("12345", false), ("+33 6 12 34 56 7x", false), ("06.12.34.56.78", false),
    ])
    func phones(phone: String, valid: Bool) throws {
        let found = try issuesOf("D-1,Martin,,,,,\(phone),,F1,2026-03-01,2026-03-31,EUR,10,,,,,")
        #expect(found.isEmpty == valid)
    }

    @Test("SIREN: 9 digits whose Luhn check holds, spaces dropped", arguments: [
        ("443061841", "443061841"), ("732 829 320", "732829320"), ("552 100 554", "552100554"),
        ("443061842", nil), ("44306184", nil), ("4430618410", nil), ("44306184A", nil),
    ] as [(String, String?)])
    func sirens(text: String, siren: String?) throws {
        let records = try parseImport("\(Self.header)\nD-1,Martin,,,,,,\(text),F1,2026-03-01,2026-03-31,EUR,10,,,,,\n")
        if let siren {
            #expect(records.rows.first?.debtor.siren == siren)
        } else {
            #expect(records.issues.summaries == ["2 debtor_siren invalid"])
        }
    }

    @Test("an address is all or nothing; the country is two letters, stored upper-case")
    func address() throws {
        let header = "\(minimalHeader),debtor_address_line1,debtor_address_line2,debtor_postal_code,debtor_city,debtor_country"
        let csv = """
            \(header)
            D-1,Martin,F1,2026-03-01,2026-03-31,EUR,10,1 place,,75001,Paris,fr
            D-2,Martin,F2,2026-03-01,2026-03-31,EUR,10,,Bâtiment B,,Paris,
            D-3,Martin,F3,2026-03-01,2026-03-31,EUR,10,1 place,,75001,Paris,FRA
            """
        let records = try parseImport(csv)
        #expect(records.rows.first?.debtor.postalAddress == PostalAddress(lines: ["1 place"], postalCode: "75001", city: "Paris", countryCode: "FR"))
        #expect(records.issues.summaries == [
            "3 debtor_address_line1 missing", "3 debtor_postal_code missing", "3 debtor_country missing",
            "4 debtor_country invalid",
        ])
    }

    @Test("a creditor name needs the creditor's reference")
    func creditorWithoutReference() throws {
        let csv = "creditor_name,\(minimalHeader)\nAcme,D-1,Martin,F1,2026-03-01,2026-03-31,EUR,10\n"
        #expect(try parseImport(csv).issues.summaries == ["2 creditor_ref missing"])
    }

    @Test("lengths are bounded: an invoice number of 101 characters is too long")
    func lengths() throws {
        let number = String(repeating: "é", count: 101)
        let found = try issuesOf("D-1,Martin,,,,,,,\(number),2026-03-01,2026-03-31,EUR,10,,,,,")
        #expect(found.summaries == ["2 invoice_number too_long"])
        let fits = String(repeating: "é", count: 100)
        #expect(try issuesOf("D-1,Martin,,,,,,,\(fits),2026-03-01,2026-03-31,EUR,10,,,,,").isEmpty)
    }

    @Test("choices are read in any case; the contract rate's bounds are included")
    func choices() throws {
        let csv = "\(Self.header)\nD-1,Martin,Consumer,EN,,,,,F1,2026-03-01,2026-03-31,EUR,10,,,100000,UK,\nD-2,Martin,,,,,,,F2,2026-03-01,2026-03-31,EUR,10,,,0,,\n"
        let rows = try parseImport(csv).rows
        #expect(rows.map(\.debtor.kind) == [.consumer, .business])
        #expect(rows.map(\.debtor.language) == [.en, .fr])
        #expect(rows.map(\.invoice.jurisdiction) == [.uk, nil])
        #expect(rows.map(\.invoice.contractRateBasisPoints) == [100_000, 0])
    }

    @Test("an issue reads as a sentence with its place")
    func issueDescription() {
        let issue = ImportIssue(line: 7, field: "debtor_email", code: "invalid", message: "'x' is not an email address")
        #expect(issue.description == "line 7, debtor_email: 'x' is not an email address")
    }
}
