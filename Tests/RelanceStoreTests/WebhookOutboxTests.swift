import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelanceStore
import Testing

/// Webhook events recorded by the triggers for tenants with an enabled endpoint, claimed and
/// marked by the deliverer's outbox, and kept apart per tenant by row-level security.
@Suite("Webhook endpoints and outbox")
struct WebhookOutboxTests {
    static let secret = "whsec-0123456789abcdef"

    /// Tenant `name`'s parties and one invoice of 1 200 € due 2025-03-20, planned on 2025-02-20.
    static func tenantWithInvoice(_ f: StoreFixture, _ name: String, number: String = "F-2025-001") async throws -> (StoreFixture.Parties, Invoice) {
        let parties = try await f.parties(tenantName: name)
        let invoice = try StoreFixture.invoice(parties.debtor, number: number, issued: "2025-02-20", due: "2025-03-20")
        try await f.intake.add([invoice], today: StoreFixture.day("2025-02-20"))
        return (parties, invoice)
    }

    static func setEndpoint(_ client: PostgresClient, _ tenant: Tenant, url: String = "https://hooks.example.test/relance", enabled: Bool = true) async throws {
        _ = try await client.withConnection { connection in
            try await WebhookEndpointStore.set(
                WebhookEndpoint(tenantId: tenant.id, url: url, secret: secret, enabled: enabled),
                on: connection, logger: TestDatabase.logger
            )
        }
    }

    /// Every recorded event, as the owner reads them: (tenant, type, payload as JSON).
    static func allEvents(_ client: PostgresClient) async throws -> [(id: UUID, tenant: UUID, type: String, payload: [String: Any])] {
        let rows = try await client.query(
            "SELECT id, tenant_id, type, payload::text FROM webhook_events ORDER BY occurred_at, type",
            logger: TestDatabase.logger
        )
        var events: [(id: UUID, tenant: UUID, type: String, payload: [String: Any])] = []
        for try await (id, tenant, type, payload) in rows.decode((UUID, UUID, String, String).self) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: Any])
            events.append((id, tenant, type, object))
        }
        return events
    }

    static func payment(_ invoice: Invoice, _ amount: String, on day: String) throws -> Payment {
        Payment(invoiceId: invoice.id, date: try StoreFixture.day(day), amount: try StoreFixture.eur(amount))
    }

    @Test("Events are recorded only for tenants with an enabled endpoint, with their type and payload")
    func eventsForEnabledEndpointsOnly() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let (a, invoiceA) = try await Self.tenantWithInvoice(f, "Alpha")
            let (_, invoiceB) = try await Self.tenantWithInvoice(f, "Beta")
            let (c, invoiceC) = try await Self.tenantWithInvoice(f, "Gamma")
            try await Self.setEndpoint(client, a.tenant)
            try await Self.setEndpoint(client, c.tenant, enabled: false)
            // Nothing happened since the endpoints were set.
            #expect(try await Self.allEvents(client).isEmpty)

            // The first email of each tenant's ladder is sent, then each invoice is part-paid.
            let sent = try await PipelineDriver(client: client).carryOut(at: InvoicePlanningTests.utc("2025-03-17T09:00:00Z"))
            #expect(sent.count == 3)
            for invoice in [invoiceA, invoiceB, invoiceC] {
                _ = try await f.transitions.recordPayment(try Self.payment(invoice, "200.00", on: "2025-03-18"), today: StoreFixture.day("2025-03-18"))
            }

            let events = try await Self.allEvents(client)
            #expect(Set(events.map(\.tenant)) == [a.tenant.id.uuid])
            #expect(events.map(\.type).sorted() == ["invoice.payment", "job.outcome"])
            for event in events {
                #expect(event.payload["id"] as? String == event.id.uuidString.lowercased())
                #expect(event.payload["type"] as? String == event.type)
                #expect(event.payload["tenant_id"] as? String == a.tenant.id.uuid.uuidString.lowercased())
                let occurredAt = try #require(event.payload["occurred_at"] as? String)
                #expect(occurredAt.hasSuffix("Z") && occurredAt.count == "2025-03-17T09:00:00.000000Z".count)
            }

            let outcome = try #require(events.first { $0.type == "job.outcome" })
            let outcomeData = try #require(outcome.payload["data"] as? [String: Any])
            #expect(outcomeData["channel"] as? String == "email")
            #expect(outcomeData["outcome"] as? String == "sent")
            #expect(outcomeData["debtor_id"] as? String == a.debtor.id.uuid.uuidString.lowercased())
            #expect(outcomeData["attempts"] as? Int == 1)
            #expect(outcomeData.keys.contains("job_id") && outcomeData.keys.contains("artefact_uri")
                    && outcomeData.keys.contains("detail") && outcomeData.keys.contains("completed_at"))

            let payment = try #require(events.first { $0.type == "invoice.payment" })
            let paymentData = try #require(payment.payload["data"] as? [String: Any])
            #expect(paymentData["invoice_id"] as? String == invoiceA.id.uuid.uuidString.lowercased())
            #expect(paymentData["invoice_number"] as? String == "F-2025-001")
            #expect(paymentData["kind"] as? String == "payment")
            #expect(paymentData["from_state"] as? String == "open")
            #expect(paymentData["to_state"] as? String == "partially_paid")
            #expect(paymentData["effective_date"] as? String == "2025-03-18")
            #expect(paymentData["detail"] is [String: Any])

            // Any other kind of invoice event is a state change.
            _ = try await f.transitions.dispute(invoiceA.id, reason: "goods not received", on: StoreFixture.day("2025-03-19"))
            let dispute = try #require(try await Self.allEvents(client).first { $0.type == "invoice.state_changed" })
            let disputeData = try #require(dispute.payload["data"] as? [String: Any])
            #expect(disputeData["kind"] as? String == "dispute")
            #expect(disputeData["to_state"] as? String == "disputed")

            // The tenant lists its events, newest first, pending.
            let listed = try await client.withConnection { connection in
                try await WebhookEndpointStore.events(of: a.tenant.id, on: connection, logger: TestDatabase.logger)
            }
            #expect(listed.map(\.type) == ["invoice.state_changed", "invoice.payment", "job.outcome"])
            #expect(listed.allSatisfy { $0.state == .pending && $0.attempts == 0 })
        }
    }

    @Test("Outcomes and invoice events of tenants without an endpoint record no event")
    func noEndpointNoEvents() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let (_, first) = try await Self.tenantWithInvoice(f, "Alpha")
            let (_, second) = try await Self.tenantWithInvoice(f, "Beta")
            let sent = try await PipelineDriver(client: client).carryOut(at: InvoicePlanningTests.utc("2025-03-17T09:00:00Z"))
            #expect(sent.count == 2)
            _ = try await f.transitions.recordPayment(try Self.payment(first, "1200.00", on: "2025-03-18"), today: StoreFixture.day("2025-03-18"))
            _ = try await f.transitions.dispute(second.id, reason: "wrong amount", on: StoreFixture.day("2025-03-18"))
            #expect(try await f.count("SELECT count(*) FROM job_outcomes") == 2)
            #expect(try await f.count("SELECT count(*) FROM webhook_events") == 0)
        }
    }

    @Test("An endpoint is set, replaced, read and deleted; a bad URL or a short secret is refused")
    func endpointRoundTrip() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let tenant = try await f.tenant("Alpha")
            try await client.withConnection { connection in
                let logger = TestDatabase.logger
                #expect(try await WebhookEndpointStore.endpoint(of: tenant.id, on: connection, logger: logger) == nil)
                let first = try await WebhookEndpointStore.set(
                    WebhookEndpoint(tenantId: tenant.id, url: "https://a.example.test/hook", secret: Self.secret), on: connection, logger: logger)
                #expect(first.enabled && first.createdAt != nil)
                try await WebhookEndpointStore.set(
                    WebhookEndpoint(tenantId: tenant.id, url: "http://b.example.test/hook", secret: Self.secret + "2", enabled: false),
                    on: connection, logger: logger)
                let read = try #require(try await WebhookEndpointStore.endpoint(of: tenant.id, on: connection, logger: logger))
                #expect(read.url == "http://b.example.test/hook" && read.secret == Self.secret + "2" && !read.enabled)
                #expect(read.createdAt == first.createdAt)

                for bad in [
                    WebhookEndpoint(tenantId: tenant.id, url: "ftp://a.example.test/", secret: Self.secret),
                    WebhookEndpoint(tenantId: tenant.id, url: "https://a.example.test/", secret: "short"),
                ] {
                    let error = await #expect(throws: StoreError.self) {
                        try await WebhookEndpointStore.set(bad, on: connection, logger: logger)
                    }
                    #expect(error?.code == .invalidRecord)
                }

                #expect(try await WebhookEndpointStore.delete(of: tenant.id, on: connection, logger: logger))
                #expect(try await WebhookEndpointStore.endpoint(of: tenant.id, on: connection, logger: logger) == nil)
                #expect(!(try await WebhookEndpointStore.delete(of: tenant.id, on: connection, logger: logger)))
            }
        }
    }

    @Test("Claimed events are leased, retried when marked failed with a next attempt, then delivered or given up")
    func claimLeaseAndMark() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let outbox = WebhookOutbox(client: client, logger: TestDatabase.logger)
            let (a, invoice) = try await Self.tenantWithInvoice(f, "Alpha")
            try await Self.setEndpoint(client, a.tenant, url: "https://hooks.example.test/a")
            _ = try await f.transitions.recordPayment(try Self.payment(invoice, "100.00", on: "2025-03-18"), today: StoreFixture.day("2025-03-18"))
            _ = try await f.transitions.recordPayment(try Self.payment(invoice, "100.00", on: "2025-03-19"), today: StoreFixture.day("2025-03-19"))

            let claimed = try await outbox.claim(limit: 10, lease: .seconds(300))
            #expect(claimed.count == 2)
            #expect(claimed.allSatisfy {
                $0.url == "https://hooks.example.test/a" && $0.secret == Self.secret && $0.attempts == 0
                    && $0.tenantId == a.tenant.id && $0.type == "invoice.payment" && $0.lockedUntil > Date()
            })
            // Held: a second deliverer gets nothing.
            #expect(try await outbox.claim(limit: 10, lease: .seconds(300)).isEmpty)

            let (retried, delivered) = (claimed[0], claimed[1])
            // Payloads name their own ids.
            for event in claimed {
                let payload = try #require(try JSONSerialization.jsonObject(with: Data(event.payload.utf8)) as? [String: Any])
                #expect(payload["id"] as? String == event.id.uuidString.lowercased())
            }
            try await outbox.markDelivered(delivered.id, status: 204)
            try await outbox.markFailed(retried.id, status: 503, error: "HTTP 503", nextAttemptAt: Date().addingTimeInterval(3600))
            // Not due yet.
            #expect(try await outbox.claim(limit: 10, lease: .seconds(300)).isEmpty)
            // An hour later (moved back by hand) it is due again: the same event, one attempt made.
            try await client.query(
                "UPDATE webhook_events SET next_attempt_at = now() - interval '1 second' WHERE id = \(retried.id)",
                logger: TestDatabase.logger
            )
            let again = try #require(try await outbox.claim(limit: 10, lease: .seconds(300)).first)
            #expect(again.id == retried.id && again.attempts == 1 && again.payload == retried.payload)
            try await outbox.markFailed(again.id, status: 500, error: "HTTP 500: boom", nextAttemptAt: nil)

            let listed = try await client.withConnection { connection in
                try await WebhookEndpointStore.events(of: a.tenant.id, on: connection, logger: TestDatabase.logger)
            }
            let byId = Dictionary(uniqueKeysWithValues: listed.map { ($0.id, $0) })
            let done = try #require(byId[delivered.id])
            #expect(done.state == .delivered && done.attempts == 1 && done.lastStatus == 204 && done.lastError == nil)
            let failed = try #require(byId[retried.id])
            #expect(failed.state == .failed && failed.attempts == 2 && failed.lastStatus == 500 && failed.lastError == "HTTP 500: boom")
            // Marks after the end change nothing.
            try await outbox.markDelivered(failed.id, status: 200)
            let after = try await client.withConnection { connection in
                try await WebhookEndpointStore.events(of: a.tenant.id, on: connection, logger: TestDatabase.logger)
            }
            #expect(after.first { $0.id == failed.id }?.state == .failed)
        }
    }

    @Test("An event whose endpoint was removed or disabled is given up with that reason")
    func removedOrDisabledEndpoint() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let outbox = WebhookOutbox(client: client, logger: TestDatabase.logger)
            let (a, invoiceA) = try await Self.tenantWithInvoice(f, "Alpha")
            let (b, invoiceB) = try await Self.tenantWithInvoice(f, "Beta")
            try await Self.setEndpoint(client, a.tenant)
            try await Self.setEndpoint(client, b.tenant)
            _ = try await f.transitions.recordPayment(try Self.payment(invoiceA, "100.00", on: "2025-03-18"), today: StoreFixture.day("2025-03-18"))
            _ = try await f.transitions.recordPayment(try Self.payment(invoiceB, "100.00", on: "2025-03-18"), today: StoreFixture.day("2025-03-18"))
            _ = try await client.withConnection { connection in
                try await WebhookEndpointStore.delete(of: a.tenant.id, on: connection, logger: TestDatabase.logger)
            }
            try await Self.setEndpoint(client, b.tenant, enabled: false)

            #expect(try await outbox.claim(limit: 10, lease: .seconds(60)).isEmpty)
            for tenant in [a.tenant, b.tenant] {
                let events = try await client.withConnection { connection in
                    try await WebhookEndpointStore.events(of: tenant.id, on: connection, logger: TestDatabase.logger)
                }
                #expect(events.count == 1)
                #expect(events.allSatisfy { $0.state == .failed && $0.attempts == 0 })
                let reason = try #require(events.first?.lastError)
                #expect(reason.contains(tenant == a.tenant ? "no webhook endpoint" : "disabled"))
            }
        }
    }

    @Test("The application role scoped to one tenant sees and changes only that tenant's endpoint and events")
    func rowLevelSecurity() async throws {
        try await TestDatabase.withMigratedDatabase { url, client in
            let f = StoreFixture(client: client)
            let (a, _) = try await Self.tenantWithInvoice(f, "Alpha")
            let (b, invoiceB) = try await Self.tenantWithInvoice(f, "Beta")
            try await Self.setEndpoint(client, a.tenant, url: "https://alpha.example.test/hook")
            try await Self.setEndpoint(client, b.tenant, url: "https://beta.example.test/hook")
            _ = try await f.transitions.recordPayment(try Self.payment(invoiceB, "100.00", on: "2025-03-18"), today: StoreFixture.day("2025-03-18"))
            #expect(try await f.count("SELECT count(*) FROM webhook_events WHERE tenant_id = \(b.tenant.id.uuid)") == 1)

            let appURL = DatabaseURL(host: url.host, port: url.port, username: "relance_app", password: "relance_app", database: url.database)
            let logger = TestDatabase.logger
            try await PostgresClient.withRunningClient(appURL, logger: logger) { app in
                try await app.withTransaction(logger: logger) { connection in
                    try await connection.query("SELECT set_config('relance.tenant_id', \(a.tenant.id.uuid.uuidString), true)", logger: logger)
                    let own = try await WebhookEndpointStore.endpoint(of: a.tenant.id, on: connection, logger: logger)
                    #expect(own?.url == "https://alpha.example.test/hook")
                    #expect(try await WebhookEndpointStore.endpoint(of: b.tenant.id, on: connection, logger: logger) == nil)
                    #expect(try await WebhookEndpointStore.events(of: b.tenant.id, on: connection, logger: logger).isEmpty)
                    #expect(!(try await WebhookEndpointStore.delete(of: b.tenant.id, on: connection, logger: logger)))
                    // The API's own writes of invoice events record webhook events (the trigger
                    // writes with the owner's rights).
                    try await connection.query(
                        """
                        INSERT INTO invoice_events (tenant_id, invoice_id, effective_date, kind, from_state, to_state)
                        SELECT tenant_id, id, DATE '2025-03-18', 'note', state, state FROM invoices
                        WHERE tenant_id = \(a.tenant.id.uuid)
                        """,
                        logger: logger
                    )
                    let events = try await WebhookEndpointStore.events(of: a.tenant.id, on: connection, logger: logger)
                    #expect(events.map(\.type) == ["invoice.state_changed"])
                }
                // Writing another tenant's endpoint is refused by the policy.
                await #expect(throws: (any Error).self) {
                    try await app.withTransaction(logger: logger) { connection in
                        try await connection.query("SELECT set_config('relance.tenant_id', \(a.tenant.id.uuid.uuidString), true)", logger: logger)
                        try await WebhookEndpointStore.set(
                            WebhookEndpoint(tenantId: b.tenant.id, url: "https://evil.example.test/", secret: Self.secret),
                            on: connection, logger: logger)
                    }
                }
                // With no tenant named, nothing at all.
                let unscoped = try await app.withTransaction(logger: logger) { connection in
                    try await WebhookEndpointStore.endpoint(of: a.tenant.id, on: connection, logger: logger)
                }
                #expect(unscoped == nil)
            }
            let stored = try await client.withConnection { connection in
                try await WebhookEndpointStore.endpoint(of: b.tenant.id, on: connection, logger: logger)
            }
            #expect(stored?.url == "https://beta.example.test/hook")
        }
    }
}
