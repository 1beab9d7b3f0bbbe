import Foundation
import Glibc
import Logging
import PostgresNIO
import RelanceChannels
import RelanceCore
import RelanceStore
import RelanceTestSupport
import Testing

/// Webhook signatures, the retry schedule, and delivery end to end: events recorded in a fresh
/// database, posted by the deliverer over libcurl to a real HTTP receiver (Python's
/// http.server), retried after refusals, and given up when the receiver cannot be reached.
@Suite("Webhook delivery")
struct WebhookDeliveryTests {
    static let secret = "whsec_0123456789abcdef"
    static let body = #"{"id":"8f0c2f4e-1111-4222-8333-944455556666","type":"job.outcome"}"#

    // MARK: - Signature

    @Test("The signature is HMAC-SHA256 of \"<t>.<body>\" in lowercase hex (known answer)")
    func signatureKnownAnswer() {
        // Computed with Python's hmac module.
        #expect(WebhookSignature.header(secret: Self.secret, timestamp: 1_700_000_000, body: Array(Self.body.utf8))
                == "t=1700000000,v1=450451934c3be9a09a4d1ea529dd51b9a57a6f50d41148ef6052c8ce454e50a5")
        #expect(WebhookSignature.header(secret: Self.secret, date: Date(timeIntervalSince1970: 1_700_000_000.9), body: Array(Self.body.utf8))
                == "t=1700000000,v1=450451934c3be9a09a4d1ea529dd51b9a57a6f50d41148ef6052c8ce454e50a5")
    }

    @Test("A signature verifies with its secret and body; a tampered body, another secret or an old timestamp is refused")
    func verify() throws {
        let sent = Date(timeIntervalSince1970: 1_700_000_000)
        let body = Array(Self.body.utf8)
        let header = WebhookSignature.header(secret: Self.secret, date: sent, body: body)
        try WebhookSignature.verify(header: header, body: body, secret: Self.secret, now: sent.addingTimeInterval(30))
        // Several v1 values (a change of secret): one match is enough.
        try WebhookSignature.verify(header: "t=1700000000,v1=00ff," + header.dropFirst("t=1700000000,".count), body: body,
                                    secret: Self.secret, now: sent)

        #expect(throws: WebhookSignatureError.mismatch) {
            try WebhookSignature.verify(header: header, body: Array(Self.body.replacingOccurrences(of: "job", with: "jab").utf8),
                                        secret: Self.secret, now: sent)
        }
        #expect(throws: WebhookSignatureError.mismatch) {
            try WebhookSignature.verify(header: header, body: body, secret: "whsec_another_secret_0000", now: sent)
        }
        #expect(throws: WebhookSignatureError.outsideTolerance) {
            try WebhookSignature.verify(header: header, body: body, secret: Self.secret, now: sent.addingTimeInterval(301))
        }
        #expect(throws: WebhookSignatureError.outsideTolerance) {
            try WebhookSignature.verify(header: header, body: body, secret: Self.secret, now: sent.addingTimeInterval(61), tolerance: .seconds(60))
        }
        #expect(throws: WebhookSignatureError.malformed) {
            try WebhookSignature.verify(header: "v1=abc", body: body, secret: Self.secret, now: sent)
        }
    }

    @Test("Retries wait 5 s doubling per attempt up to an hour, moved by at most ±20 %")
    func retrySchedule() {
        let settings = WebhookDeliverer.Settings()
        #expect(settings.maxAttempts == 15 && settings.pollInterval == .seconds(1))
        #expect((1...6).map { settings.backoff(afterAttempts: $0) } == [5, 10, 20, 40, 80, 160].map { Duration.seconds($0) })
        #expect(settings.backoff(afterAttempts: 10) == .seconds(2560))
        #expect(settings.backoff(afterAttempts: 11) == .seconds(3600))
        #expect(settings.backoff(afterAttempts: 14) == .seconds(3600))
        #expect(settings.retryDelay(afterAttempts: 1, unit: -1) == .seconds(4))
        #expect(settings.retryDelay(afterAttempts: 1, unit: 1) == .seconds(6))
        #expect(settings.retryDelay(afterAttempts: 3, unit: 0) == .seconds(20))
        #expect(settings.retryDelay(afterAttempts: 20, unit: 1) == .seconds(4320))
    }

    // MARK: - Delivery

    /// A tenant with one invoice and a webhook endpoint at `url`, and one `invoice.payment`
    /// event recorded for it (a part payment). Returns the tenant's id.
    static func tenantWithPaymentEvent(_ client: PostgresClient, url: String) async throws -> TenantID {
        let logger = FreshDatabase.logger
        let tenant = Tenant(name: "Atelier Durand", kind: .business)
        try await TenantRepository(client: client, logger: logger).create(tenant)
        let address = PostalAddress(lines: ["12 rue des Lilas"], postalCode: "69003", city: "Lyon", countryCode: "FR")
        let creditor = Creditor(tenantId: tenant.id, name: "Atelier Durand & Frères", address: address)
        try await CreditorRepository(client: client, logger: logger).create(creditor)
        let debtor = try Debtor(
            tenantId: tenant.id, creditorId: creditor.id, name: "Pâtisserie Lefèvre & Fils", kind: .business, language: .fr,
            timeZone: "Europe/Paris", contacts: DebtorContacts(email: "compta@lefevre.example", phone: nil, postalAddress: address)
        )
        try await DebtorRepository(client: client, logger: logger).create(DebtorRecord(debtor: debtor, cashFlowDifficulty: false))
        let invoice = try Invoice(
            tenantId: tenant.id, creditorId: creditor.id, debtorId: debtor.id, number: "F-2026-042",
            issueDate: Fixtures.day("2026-10-01"), dueDate: Fixtures.day("2026-10-31"), amount: Fixtures.eur("840.00")
        )
        try await InvoiceIntake(client: client, logger: logger).add([invoice], today: Fixtures.day("2026-10-01"))
        _ = try await client.withConnection { connection in
            try await WebhookEndpointStore.set(WebhookEndpoint(tenantId: tenant.id, url: url, secret: secret), on: connection, logger: logger)
        }
        let payment = Payment(invoiceId: invoice.id, date: Fixtures.day("2026-11-20"), amount: Fixtures.eur("240.00"))
        _ = try await InvoiceTransitions(client: client, logger: logger).recordPayment(payment, today: Fixtures.day("2026-11-20"))
        return tenant.id
    }

    /// Settings for tests: quick polls and retries.
    static func settings(maxAttempts: Int) -> WebhookDeliverer.Settings {
        WebhookDeliverer.Settings(
            pollInterval: .milliseconds(50), batchSize: 8, concurrency: 2, lease: .seconds(60), maxAttempts: maxAttempts,
            baseDelay: .milliseconds(100), maxDelay: .milliseconds(400), connectTimeout: .seconds(5), timeout: .seconds(15)
        )
    }

    /// Runs `deliverer` until the tenant's only event is no longer pending (or `limit` has
    /// passed: a generous bound, not a timing claim), then stops it; returns the event.
    static func deliverUntilSettled(_ deliverer: WebhookDeliverer, _ client: PostgresClient, tenant: TenantID, limit: Duration = .seconds(120)) async throws -> WebhookEvent {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await deliverer.run() }
            defer { group.cancelAll() }
            let clock = ContinuousClock()
            let deadline = clock.now + limit
            while true {
                let events = try await client.withConnection { connection in
                    try await WebhookEndpointStore.events(of: tenant, on: connection, logger: FreshDatabase.logger)
                }
                let event = try #require(events.first)
                #expect(events.count == 1)
                if event.state != .pending || clock.now >= deadline {
                    group.cancelAll()
                    try await group.waitForAll()
                    return event
                }
                try await Task.sleep(for: .milliseconds(50))
            }
        }
    }

    @Test("An event refused twice with 500 is retried, then delivered: same id and body, signed every time")
    func retriedThenDelivered() async throws {
        let receiver = try WebhookReceiver.start(failing: 2)
        defer { receiver.stop() }
        let url = "http://127.0.0.1:\(receiver.port)/hooks/relance"
        let event = try await FreshDatabase.withMigrated { _, client in
            let tenant = try await Self.tenantWithPaymentEvent(client, url: url)
            let deliverer = WebhookDeliverer(
                outbox: WebhookOutbox(client: client, logger: FreshDatabase.logger), settings: Self.settings(maxAttempts: 5),
                logger: FreshDatabase.logger
            )
            return try await Self.deliverUntilSettled(deliverer, client, tenant: tenant)
        }
        #expect(event.state == .delivered)
        #expect(event.attempts == 3 && event.lastStatus == 200 && event.lastError == nil)

        let requests = try receiver.requests()
        #expect(requests.count == 3)
        #expect(requests.map(\.path) == Array(repeating: "/hooks/relance", count: 3))
        #expect(requests.map { $0.headers["relance-delivery-attempt"] } == ["1", "2", "3"])
        for request in requests {
            #expect(request.body == event.payload)
            #expect(request.headers["relance-event-id"] == event.id.uuidString.lowercased())
            #expect(request.headers["relance-event-type"] == "invoice.payment")
            #expect(request.headers["content-type"] == "application/json")
            #expect(request.headers["user-agent"] == "relance-webhooks")
            let signature = try #require(request.headers["relance-signature"])
            try WebhookSignature.verify(header: signature, body: Array(request.body.utf8), secret: Self.secret, tolerance: .seconds(3600))
            let payload = try #require(try JSONSerialization.jsonObject(with: Data(request.body.utf8)) as? [String: Any])
            #expect(payload["id"] as? String == event.id.uuidString.lowercased())
            #expect(payload["type"] as? String == "invoice.payment")
            let data = try #require(payload["data"] as? [String: Any])
            #expect(data["invoice_number"] as? String == "F-2026-042")
        }
    }

    @Test("An event whose endpoint cannot be reached is retried, then given up after the maximum")
    func unreachableGivenUp() async throws {
        let port = SMTPSink.closedPort()
        try await FreshDatabase.withMigrated { _, client in
            let tenant = try await Self.tenantWithPaymentEvent(client, url: "http://127.0.0.1:\(port)/hook")
            let deliverer = WebhookDeliverer(
                outbox: WebhookOutbox(client: client, logger: FreshDatabase.logger), settings: Self.settings(maxAttempts: 3),
                logger: FreshDatabase.logger
            )
            let event = try await Self.deliverUntilSettled(deliverer, client, tenant: tenant)
            #expect(event.state == .failed)
            #expect(event.attempts == 3 && event.lastStatus == nil)
            #expect(event.lastError?.isEmpty == false)
        }
    }
}

