import Foundation
import PostgresNIO
import RelanceAPI
import RelanceChannels
import RelanceStore
import RelanceTestSupport
import Testing

/// The tenant's webhook over real HTTP: set through the API, fed by what the API records,
/// delivered signed to a real receiver.
@Suite struct APIWebhookTests {
    @Test func aPaymentRecordedOverTheAPIReachesTheTenantsWebhookSigned() async throws {
        try await APIHarness.run { api in
            let receiver = try WebhookReceiver.start(failing: 1)
            defer { receiver.stop() }
            let tenant = try await api.makeTenant("Atelier Durand")
            let parties = try await api.seed(tenant.key)

            let bad = try await api.call("PUT", "/v1/webhook", key: tenant.key, json: #"{"url": "ftp://example"}"#)
            #expect(bad.status == 422)
            #expect(bad.errorField == "url")
            let set = try await api.call("PUT", "/v1/webhook", key: tenant.key,
                                         json: #"{"url": "http://127.0.0.1:\#(receiver.port)/hooks/relance"}"#)
            #expect(set.status == 200)
            let secret = try #require(set.string("secret"))
            #expect(secret.count > 16)
            let read = try await api.call("GET", "/v1/webhook", key: tenant.key)
            #expect(read.string("secret") != secret)
            #expect(read.string("secret")?.hasSuffix("…") == true)

            let paid = try await api.call("POST", "/v1/invoices/\(parties.invoice)/payments", key: tenant.key,
                                          json: #"{"amount": "1250.40"}"#)
            #expect(paid.status == 201)
            let events = try await api.call("GET", "/v1/webhook/events", key: tenant.key)
            let items = try #require(events.json["items"] as? [[String: Any]])
            let payment = try #require(items.first { $0["type"] as? String == "invoice.payment" })
            #expect(payment["state"] as? String == "pending")
            let eventId = try #require(payment["id"] as? String)

            // The deliverer (as `relance dispatcher` runs it): a 500 first, then delivered.
            var settings = WebhookDeliverer.Settings()
            settings.baseDelay = .milliseconds(50)
            settings.jitter = 0
            let deliverer = WebhookDeliverer(outbox: WebhookOutbox(client: api.owner, logger: FreshDatabase.logger),
                                             settings: settings, logger: FreshDatabase.logger)
            var delivered = false
            for _ in 0..<100 where !delivered {
                try await deliverer.deliverDue()
                let state = try await api.call("GET", "/v1/webhook/events", key: tenant.key)
                delivered = (state.json["items"] as? [[String: Any]])?.first { $0["id"] as? String == eventId }?["state"] as? String == "delivered"
                if !delivered { try await Task.sleep(for: .milliseconds(100)) }
            }
            #expect(delivered)
            let requests = try receiver.requests().filter { $0.headers["relance-event-id"] == eventId }
            #expect(requests.count == 2)
            for request in requests {
                #expect(request.path == "/hooks/relance")
                let header = try #require(request.headers[WebhookSignature.headerName.lowercased()])
                try WebhookSignature.verify(header: header, body: Data(request.body.utf8), secret: secret)
                let body = try #require(try JSONSerialization.jsonObject(with: Data(request.body.utf8)) as? [String: Any])
                #expect(body["id"] as? String == eventId)
                #expect(body["type"] as? String == "invoice.payment")
            }
            // Another tenant sees none of it.
            let other = try await api.makeTenant("Other")
            #expect(try await api.call("GET", "/v1/webhook", key: other.key).status == 404)
            #expect((try await api.call("GET", "/v1/webhook/events", key: other.key).json["items"] as? [Any])?.isEmpty == true)
            #expect(try await api.call("DELETE", "/v1/webhook", key: tenant.key).status == 204)
        }
    }
}
