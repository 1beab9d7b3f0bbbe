import Foundation
import PostgresNIO
import RelanceAPI
import RelanceStore
import RelanceTestSupport
import Testing

/// The bulk import over real HTTP: good rows imported and planned, bad rows listed, the same
/// file twice creating nothing, a changed amount an update.
@Suite struct APIImportTests {
    static let header = "debtor_ref,debtor_name,debtor_email,debtor_siren,invoice_number,issue_date,due_date,currency,amount\n"

    static func csv(amountOfSecond: String = "980.00") -> String {
        header
            + "C-1,Boulangerie Martin,compta@martin.example,732 829 320,F-1,2026-10-01,2026-10-31,EUR,1250.40\n"
            + "C-2,\"Garage du Port, SARL\",garage@port.example,,F-2,2026-10-05,2026-11-04,EUR,\(amountOfSecond)\n"
            + "C-3,Pharmacie Lefèvre,,,F-3,2026-11-10,2026-12-10,EUR,45\n"
            + "C-4,Bad Dates,,,F-4,2026-10-05,2026-09-04,EUR,10.00\n"
            + "C-5,,nobody@,123,F-5,2026-10-05,2026-11-04,EURO,ten\n"
            + "C-1,Boulangerie Martin,compta@martin.example,,F-6,2026-11-01,2026-12-01,EUR,300.00\n"
    }

    static func count(_ api: APIHarness, _ table: String) async throws -> Int {
        let rows = try await api.owner.query(PostgresQuery(unsafeSQL: "SELECT count(*)::int8 FROM \(table)"), logger: FreshDatabase.logger)
        for try await n in rows.decode(Int.self) { return n }
        return -1
    }

    @Test func goodRowsAreImportedAndPlannedBadOnesListedAndTheSameFileTwiceCreatesNothing() async throws {
        try await APIHarness.run { api in
            let tenant = try await api.makeTenant("Atelier Durand")
            _ = try await api.call("POST", "/v1/creditors", key: tenant.key, json: """
                {"name": "Atelier Durand", "address": {"lines": ["3 rue des Lilas"], "postal_code": "75011", "city": "Paris", "country_code": "FR"}}
                """)
            let first = try await api.call("POST", "/v1/invoices/import", key: tenant.key, body: Data(Self.csv().utf8),
                                           headers: ["Content-Type": "text/csv"])
            #expect(first.status == 200, "\(first.text)")
            #expect(first.json["rows"] as? Int == 6)
            #expect(first.json["imported"] as? Int == 4)
            #expect(first.json["debtors_created"] as? Int == 3)
            #expect(first.json["rejected"] as? Int == 2)
            let issues = try #require(first.json["issues"] as? [[String: Any]])
            #expect(issues.contains { $0["line"] as? Int == 5 && $0["field"] as? String == "due_date" })
            let line6 = issues.filter { $0["line"] as? Int == 6 }.compactMap { $0["field"] as? String }
            #expect(Set(line6).isSuperset(of: ["debtor_name", "debtor_email", "debtor_siren", "currency"]))

            // Imported invoices are planned; the SIREN reached the debtor.
            let page = try await api.call("GET", "/v1/invoices?limit=10", key: tenant.key)
            let items = try #require(page.json["items"] as? [[String: Any]])
            #expect(Set(items.compactMap { $0["number"] as? String }) == ["F-1", "F-2", "F-3", "F-6"])
            #expect(items.first { $0["number"] as? String == "F-3" }?["amount"] as? String == "45.00")
            let planned = try await Self.count(api, "schedule_steps WHERE status = 'planned'")
            #expect(planned >= 4)
            let sirens = try await api.owner.query(
                "SELECT legal_identifiers->>'registration_number' FROM debtors WHERE external_ref = 'C-1'", logger: FreshDatabase.logger
            )
            for try await siren in sirens.decode(String?.self) { #expect(siren == "732829320") }

            let counts = (try await Self.count(api, "invoices"), try await Self.count(api, "debtors"),
                          try await Self.count(api, "schedule_steps"), try await Self.count(api, "invoice_events"))
            let again = try await api.call("POST", "/v1/invoices/import", key: tenant.key, body: Data(Self.csv().utf8),
                                           headers: ["Content-Type": "text/csv"])
            #expect(again.json["imported"] as? Int == 0)
            #expect(again.json["unchanged"] as? Int == 4)
            #expect(again.json["debtors_created"] as? Int == 0)
            #expect(again.json["rejected"] as? Int == 2)
            let after = (try await Self.count(api, "invoices"), try await Self.count(api, "debtors"),
                         try await Self.count(api, "schedule_steps"), try await Self.count(api, "invoice_events"))
            #expect(after == counts)

            // A changed amount is an update with its event, not a duplicate.
            let changed = try await api.call("POST", "/v1/invoices/import", key: tenant.key,
                                             body: Data(Self.csv(amountOfSecond: "1080.00").utf8), headers: ["Content-Type": "text/csv"])
            #expect(changed.json["updated"] as? Int == 1)
            #expect(changed.json["unchanged"] as? Int == 3)
            #expect(try await Self.count(api, "invoices") == 4)
            let updated = try await api.owner.query(
                """
                SELECT i.amount_minor, i.outstanding_minor, e.detail->>'from', e.detail->>'to' FROM invoices i
                JOIN invoice_events e ON e.invoice_id = i.id AND e.kind = 'amount_changed' WHERE i.number = 'F-2'
                """,
                logger: FreshDatabase.logger
            )
            var seen = 0
            for try await (amount, outstanding, from, to) in updated.decode((Int64, Int64, String, String).self) {
                #expect(amount == 108_000)
                #expect(outstanding == 108_000)
                #expect(from == "980.00")
                #expect(to == "1080.00")
                seen += 1
            }
            #expect(seen == 1)
        }
    }

    @Test func jsonLinesNameTheirCreditorAndUnknownOnesAreRefused() async throws {
        try await APIHarness.run { api in
            let tenant = try await api.makeTenant("Agence Recouvrement")
            for ref in ["CLIENT-A", "CLIENT-B"] {
                let made = try await api.call("POST", "/v1/creditors", key: tenant.key, json: """
                    {"name": "\(ref)", "external_ref": "\(ref)",
                     "address": {"lines": ["1 rue"], "postal_code": "69001", "city": "Lyon", "country_code": "FR"}}
                    """)
                #expect(made.status == 201)
            }
            let lines = [
                #"{"creditor_ref": "CLIENT-A", "debtor_ref": "D1", "debtor_name": "Alpha", "invoice_number": "A-1", "issue_date": "2026-10-01", "due_date": "2026-10-31", "currency": "EUR", "amount_minor": 10000}"#,
                #"{"creditor_ref": "CLIENT-B", "debtor_ref": "D1", "debtor_name": "Beta", "invoice_number": "A-1", "issue_date": "2026-10-01", "due_date": "2026-10-31", "currency": "EUR", "amount": "20.00"}"#,
                #"{"creditor_ref": "CLIENT-Z", "debtor_ref": "D9", "debtor_name": "Zeta", "invoice_number": "Z-1", "issue_date": "2026-10-01", "due_date": "2026-10-31", "currency": "EUR", "amount": "20.00"}"#,
                #"{"debtor_ref": "D8", "debtor_name": "Nobody", "invoice_number": "N-1", "issue_date": "2026-10-01", "due_date": "2026-10-31", "currency": "EUR", "amount": 20.5}"#,
            ].joined(separator: "\n")
            let reply = try await api.call("POST", "/v1/invoices/import?format=jsonl", key: tenant.key, body: Data(lines.utf8))
            #expect(reply.status == 200, "\(reply.text)")
            #expect(reply.json["imported"] as? Int == 2)
            #expect(reply.json["debtors_created"] as? Int == 2)
            let issues = try #require(reply.json["issues"] as? [[String: Any]])
            #expect(issues.contains { $0["line"] as? Int == 3 && $0["code"] as? String == "unknown_creditor" })
            #expect(issues.contains { $0["line"] as? Int == 4 && $0["field"] as? String == "amount" })
        }
    }

    @Test func aFileWithoutAUsableHeaderIsRefusedWhole() async throws {
        try await APIHarness.run { api in
            let tenant = try await api.makeTenant("Atelier Durand")
            let unknown = try await api.call("POST", "/v1/invoices/import", key: tenant.key,
                                             body: Data("debtor_ref,colour\nC-1,blue\n".utf8), headers: ["Content-Type": "text/csv"])
            #expect(unknown.status == 400)
            #expect(unknown.errorCode != nil)
            #expect(unknown.text.contains("colour"))
            let reader = try await api.makeKey(for: tenant.tenant, role: .readonly)
            let forbidden = try await api.call("POST", "/v1/invoices/import", key: reader, body: Data(Self.csv().utf8))
            #expect(forbidden.status == 403)
            #expect(try await Self.count(api, "invoices") == 0)
        }
    }
}
