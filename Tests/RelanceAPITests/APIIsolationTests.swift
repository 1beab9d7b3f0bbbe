import Foundation
import Logging
import PostgresNIO
import RelanceAPI
import RelanceCore
import RelanceStore
import RelanceTestSupport
import Testing

/// One tenant never reaches another's rows: every route tried with another tenant's ids, and
/// PostgreSQL's own policies checked without the API.
@Suite struct APIIsolationTests {
    /// A body each POST route accepts from the right tenant.
    static func body(for route: String) -> String? {
        switch route {
        case "POST /v1/invoices/{id}/payments": #"{"amount": "10.00"}"#
        case "POST /v1/invoices/{id}/disputes": #"{"reason": "r"}"#
        case "POST /v1/invoices/{id}/disputes/resolve": #"{"resolution": "resume"}"#
        case "POST /v1/invoices/{id}/promises": #"{"pay_by": "2026-12-20"}"#
        case "POST /v1/invoices/{id}/payment-plans": #"{"installments": [{"due_date": "2026-12-20", "amount": "1250.40"}]}"#
        case "POST /v1/invoices/{id}/pause", "POST /v1/debtors/{id}/pause": #"{"reason": "r"}"#
        case "POST /v1/invoices/{id}/write-off": #"{"reason": "r"}"#
        case "POST /v1/call-tasks/{id}/result": #"{"agent": "Eve", "result": "no_answer"}"#
        case "POST /v1/legal-dossiers/{id}/filed", "POST /v1/legal-dossiers/{id}/withdrawn": #"{"by": "Eve"}"#
        case "POST /v1/policies/{id}/preview":
            #"{"issue_date": "2026-10-01", "due_date": "2026-10-31", "currency": "EUR", "amount": "10.00"}"#
        default: nil
        }
    }

    @Test func everyRouteWithAnotherTenantsIdsAnswers404AndNoData() async throws {
        try await APIHarness.run { api in
            let alice = try await api.makeTenant("Alice SARL")
            let bob = try await api.makeTenant("Bob SAS")
            let a = try await api.seed(alice.key, number: "ALICE-1")
            _ = try await api.seed(bob.key, number: "BOB-1")
            let policy = try await api.call("POST", "/v1/policies", key: alice.key, json: APIPolicyTests.ladder)
            let alicePolicy = try #require(policy.string("id"))

            var tried = 0
            // Operator routes (/v1/ops) belong to no tenant: a tenant's key gets 403 there (their suites check it).
            for route in api.server.routeList() where route.contains("{id}") && !route.contains(" /v1/ops/") {
                let parts = route.split(separator: " ", maxSplits: 1)
                let (method, template) = (String(parts[0]), String(parts[1]))
                let id = template.hasPrefix("/v1/creditors") ? a.creditor : template.hasPrefix("/v1/debtors") ? a.debtor
                    : template.hasPrefix("/v1/policies") ? alicePolicy : a.invoice
                let path = template.replacingOccurrences(of: "{id}", with: id)
                let body = method == "PUT" ? #"{"policy_id": null}"# : method == "POST" ? Self.body(for: route) ?? "{}" : nil
                let reply = try await api.call(method, path, key: bob.key, json: body)
                #expect(reply.status == 404, "\(route) answered \(reply.status): \(reply.text)")
                #expect(reply.errorCode == "not_found", "\(route)")
                #expect(!reply.text.contains("ALICE") && !reply.text.contains("Alice"), "\(route) leaked: \(reply.text)")
                tried += 1
            }
            #expect(tried >= 16)

            // Ids of another tenant in a body are not found either.
            let invoice = try await api.call("POST", "/v1/invoices", key: bob.key, json: """
                {"creditor_id": "\(a.creditor)", "debtor_id": "\(a.debtor)", "number": "X-1", "issue_date": "2026-10-01",
                 "due_date": "2026-10-31", "currency": "EUR", "amount": "10.00"}
                """)
            #expect(invoice.status == 404)
            let debtor = try await api.call("POST", "/v1/debtors", key: bob.key, json: """
                {"creditor_id": "\(a.creditor)", "name": "X", "kind": "business"}
                """)
            #expect(debtor.status == 404)

            // Lists show Bob his own rows only.
            for list in ["/v1/creditors", "/v1/debtors", "/v1/invoices"] {
                let reply = try await api.call("GET", list, key: bob.key)
                #expect(reply.status == 200)
                #expect((reply.json["items"] as? [Any])?.count == 1, "\(list)")
                #expect(!reply.text.contains(a.creditor) && !reply.text.contains(a.debtor) && !reply.text.contains(a.invoice), "\(list)")
            }

            // And Alice's invoice is as she left it.
            let mine = try await api.call("GET", "/v1/invoices/\(a.invoice)", key: alice.key)
            #expect((mine.json["invoice"] as? [String: Any])?["status"] as? String == "open")
            #expect((mine.json["payments"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func theApplicationRoleSeesOnlyTheNamedTenantsRowsEvenWithoutATenantFilter() async throws {
        try await APIHarness.run { api in
            let alice = try await api.makeTenant("Alice SARL")
            let bob = try await api.makeTenant("Bob SAS")
            _ = try await api.seed(alice.key, number: "A-1")
            _ = try await api.seed(alice.key, number: "A-2")
            _ = try await api.seed(bob.key, number: "B-1")
            let logger = FreshDatabase.logger
            let app = api.server.database

            // Named tenant: its rows only, though the query has no WHERE.
            let counts = try await app.withTenant(alice.tenant, logger: logger) { connection in
                var result: [Int] = []
                for table in ["tenants", "creditors", "debtors", "invoices", "schedule_steps", "invoice_events", "api_keys"] {
                    let rows = try await connection.query(PostgresQuery(unsafeSQL: "SELECT count(*)::int8 FROM \(table)"), logger: logger)
                    for try await count in rows.decode(Int.self) { result.append(count) }
                }
                return result
            }
            #expect(counts[0] == 1)
            #expect(counts[1] == 2)
            #expect(counts[2] == 2)
            #expect(counts[3] == 2)
            #expect(counts[4] > 0)
            #expect(counts[6] == 1)

            // No tenant named: nothing at all.
            let none = try await app.query("SELECT count(*)::int8 FROM invoices", logger: logger)
            for try await count in none.decode(Int.self) { #expect(count == 0) }

            // Writing another tenant's row is refused by PostgreSQL.
            await #expect(throws: (any Error).self) {
                try await app.withTenant(alice.tenant, logger: logger) { connection in
                    try await connection.query(
                        "UPDATE tenants SET name = 'taken' WHERE id = \(bob.tenant.uuid) RETURNING id", logger: logger
                    ).collect().isEmpty ? () : ()
                    try await connection.query(
                        """
                        INSERT INTO creditors (tenant_id, id, name, postal_address)
                        VALUES (\(bob.tenant.uuid), \(UUID.timeOrdered()), 'Planted', '{}'::jsonb)
                        """,
                        logger: logger
                    )
                }
            }
            let bobName = try await api.owner.query("SELECT name FROM tenants WHERE id = \(bob.tenant.uuid)", logger: logger)
            for try await name in bobName.decode(String.self) { #expect(name == "Bob SAS") }

            // The pipeline's tables that carry no tenant are closed to the application role.
            await #expect(throws: (any Error).self) {
                try await app.query("SELECT count(*) FROM outbox", logger: logger).collect()
            }
        }
    }

    @Test func theServerRefusesADatabaseRoleThatSeesEveryTenant() async throws {
        try await FreshDatabase.withMigrated { _, owner in
            let server = APIServer(
                database: owner, reference: APIHarness.reference,
                settings: APISettings(today: { APIHarness.today }), logger: APIHarness.serverLogger
            )
            await #expect(throws: APIServer.IsolationError.self) { try await server.checkIsolation() }
        }
    }
}
