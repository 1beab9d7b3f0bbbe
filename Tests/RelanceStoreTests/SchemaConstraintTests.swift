import Foundation
import Logging
import PostgresNIO
import RelanceStore
import Testing

/// The constraints that keep the data honest, checked by inserting rows that break them.
@Suite("Schema constraints")
struct SchemaConstraintTests {
    struct Fixture: Sendable {
        let tenant = UUID()
        let otherTenant = UUID()
        let creditor = UUID()
        let otherCreditor = UUID()
        let foreignCreditor = UUID()
        let debtor = UUID()

        func insert(_ client: PostgresClient) async throws {
            let log = TestDatabase.logger
            try await client.query("INSERT INTO tenants (id, name, kind) VALUES (\(tenant), 'Acme', 'business')", logger: log)
            try await client.query("INSERT INTO tenants (id, name, kind) VALUES (\(otherTenant), 'Other', 'business')", logger: log)
            try await client.query("INSERT INTO creditors (tenant_id, id, name) VALUES (\(tenant), \(creditor), 'Acme SAS')", logger: log)
            try await client.query("INSERT INTO creditors (tenant_id, id, name) VALUES (\(tenant), \(otherCreditor), 'Acme Services')", logger: log)
            try await client.query("INSERT INTO creditors (tenant_id, id, name) VALUES (\(otherTenant), \(foreignCreditor), 'Other SA')", logger: log)
            try await client.query(
                "INSERT INTO debtors (tenant_id, id, creditor_id, name, kind) VALUES (\(tenant), \(debtor), \(creditor), 'Dupont SARL', 'business')",
                logger: log
            )
        }

        func insertInvoice(
            _ client: PostgresClient, creditor: UUID? = nil, number: String, currency: String = "EUR",
            amount: Int64 = 300_000, outstanding: Int64 = 300_000, state: String = "open",
            tenant: UUID? = nil
        ) async throws {
            try await client.query(
                """
                INSERT INTO invoices (tenant_id, id, creditor_id, debtor_id, number, issue_date, due_date,
                                      currency, amount_minor, outstanding_minor, state, state_detail)
                VALUES (\(tenant ?? self.tenant), \(UUID()), \(creditor ?? self.creditor), \(debtor), \(number),
                        '2025-02-01'::date, '2025-03-01'::date, \(currency), \(amount), \(outstanding), \(state),
                        jsonb_build_object('status', \(state)::text))
                """,
                logger: TestDatabase.logger
            )
        }
    }

    static func expectRejected(_ constraint: String, _ body: () async throws -> Void) async {
        await #expect {
            try await body()
        } throws: { error in
            guard let psql = error as? PSQLError, let message = psql.serverInfo?[.message] else { return false }
            let detail = (psql.serverInfo?[.constraintName] ?? "") + " " + message
            return detail.contains(constraint)
        }
    }

    @Test("An invoice number is unique per creditor, not across creditors")
    func invoiceNumberUniquePerCreditor() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = Fixture()
            try await f.insert(client)
            try await f.insertInvoice(client, number: "F-2025-001")
            await Self.expectRejected("invoices_creditor_id_number_key") {
                try await f.insertInvoice(client, number: "F-2025-001")
            }
            // The same number at another creditor is another invoice.
            let otherDebtor = UUID()
            try await client.query(
                "INSERT INTO debtors (tenant_id, id, creditor_id, name, kind) VALUES (\(f.tenant), \(otherDebtor), \(f.otherCreditor), 'Martin', 'consumer')",
                logger: TestDatabase.logger
            )
            try await client.query(
                """
                INSERT INTO invoices (tenant_id, id, creditor_id, debtor_id, number, issue_date, due_date,
                                      currency, amount_minor, outstanding_minor)
                VALUES (\(f.tenant), \(UUID()), \(f.otherCreditor), \(otherDebtor), 'F-2025-001',
                        '2025-02-01'::date, '2025-03-01'::date, 'EUR', 1000, 1000)
                """,
                logger: TestDatabase.logger
            )
        }
    }

    @Test("Money is positive minor units with an ISO currency; outstanding stays within the amount")
    func moneyConstraints() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = Fixture()
            try await f.insert(client)
            await Self.expectRejected("invoices_currency_check") {
                try await f.insertInvoice(client, number: "A", currency: "eur")
            }
            await Self.expectRejected("invoices_amount_minor_check") {
                try await f.insertInvoice(client, number: "B", amount: 0, outstanding: 0, state: "paid")
            }
            await Self.expectRejected("invoices_check") {
                try await f.insertInvoice(client, number: "C", amount: 100, outstanding: 101)
            }
        }
    }

    @Test("States are the domain's: unknown ones are refused, and paid means nothing outstanding")
    func stateConstraints() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = Fixture()
            try await f.insert(client)
            await Self.expectRejected("invoices_state_check") {
                try await f.insertInvoice(client, number: "A", state: "forgotten")
            }
            await Self.expectRejected("invoices_check") {
                try await f.insertInvoice(client, number: "B", outstanding: 0, state: "open")
            }
            try await f.insertInvoice(client, number: "C", outstanding: 0, state: "paid")
        }
    }

    @Test("The stored state detail must agree with the state column")
    func stateDetailAgrees() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = Fixture()
            try await f.insert(client)
            await Self.expectRejected("invoices_check") {
                try await client.query(
                    """
                    INSERT INTO invoices (tenant_id, id, creditor_id, debtor_id, number, issue_date, due_date,
                                          currency, amount_minor, outstanding_minor, state, state_detail)
                    VALUES (\(f.tenant), \(UUID()), \(f.creditor), \(f.debtor), 'D-1', '2025-02-01'::date,
                            '2025-03-01'::date, 'EUR', 100, 100, 'disputed', '{"status": "open"}'::jsonb)
                    """,
                    logger: TestDatabase.logger
                )
            }
        }
    }

    @Test("A row cannot point into another tenant")
    func crossTenantReferencesRejected() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = Fixture()
            try await f.insert(client)
            // The debtor belongs to tenant A; an invoice for tenant B's creditor naming it fails.
            await Self.expectRejected("invoices_tenant_id_") {
                try await f.insertInvoice(client, creditor: f.foreignCreditor, number: "X", tenant: f.otherTenant)
            }
        }
    }

    @Test("Channels and policy steps are checked")
    func policyStepConstraints() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = Fixture()
            try await f.insert(client)
            let policy = UUID()
            let log = TestDatabase.logger
            try await client.query(
                "INSERT INTO dunning_policies (tenant_id, id, name, version) VALUES (\(f.tenant), \(policy), 'default', 1)",
                logger: log
            )
            try await client.query(
                """
                INSERT INTO dunning_policy_steps (tenant_id, policy_id, position, offset_days, channel, template_key)
                VALUES (\(f.tenant), \(policy), 0, -3, 'email', 'reminder.courteous')
                """,
                logger: log
            )
            await Self.expectRejected("dunning_policy_steps_channel_check") {
                try await client.query(
                    """
                    INSERT INTO dunning_policy_steps (tenant_id, policy_id, position, offset_days, channel, template_key)
                    VALUES (\(f.tenant), \(policy), 1, 5, 'fax', 'x')
                    """,
                    logger: log
                )
            }
            await Self.expectRejected("dunning_policy_steps_policy_id_offset_days_key") {
                try await client.query(
                    """
                    INSERT INTO dunning_policy_steps (tenant_id, policy_id, position, offset_days, channel, template_key)
                    VALUES (\(f.tenant), \(policy), 2, -3, 'call', 'call.first')
                    """,
                    logger: log
                )
            }
        }
    }
}
