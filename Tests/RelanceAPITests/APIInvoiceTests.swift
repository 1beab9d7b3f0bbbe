import Foundation
import PostgresNIO
import RelanceAPI
import RelanceCore
import RelanceStore
import RelanceTestSupport
import Testing

/// Invoices and what happens to them, over real HTTP against a real database.
@Suite struct APIInvoiceTests {
    @Test func anInvoiceIsPlannedAndReadWholeAndAFullPaymentStopsItsLadder() async throws {
        try await APIHarness.run { api in
            let tenant = try await api.makeTenant("Atelier Durand")
            let parties = try await api.seed(tenant.key)

            let read = try await api.call("GET", "/v1/invoices/\(parties.invoice)", key: tenant.key)
            #expect(read.status == 200)
            let invoice = try #require(read.json["invoice"] as? [String: Any])
            #expect(invoice["number"] as? String == "F-2026-001")
            #expect(invoice["amount"] as? String == "1250.40")
            #expect(invoice["amount_minor"] as? Int == 125_040)
            #expect(invoice["status"] as? String == "open")
            let timeline = try #require(read.json["timeline"] as? [[String: Any]])
            #expect(!timeline.isEmpty)
            #expect(timeline.contains { $0["status"] as? String == "planned" })
            let events = try #require(read.json["events"] as? [[String: Any]])
            #expect(events.first?["kind"] as? String == "planned")
            // Overdue since 31 October: the fixed indemnity of 40 € is due whatever the rate tables hold.
            let penalties = try #require(read.json["penalties"] as? [String: Any])
            #expect(penalties["fixed_indemnity_minor"] as? Int == 4_000)
            #expect(penalties["as_of"] as? String == "2026-12-07")

            let paid = try await api.call("POST", "/v1/invoices/\(parties.invoice)/payments", key: tenant.key,
                                          json: #"{"amount_minor": 125040, "paid_on": "2026-12-06", "reference": "VIR 42"}"#)
            #expect(paid.status == 201)
            #expect(paid.string("to_status") == "paid")
            let after = try #require((paid.json["invoice"] as? [String: Any])?["timeline"] as? [[String: Any]])
            #expect(!after.contains { $0["status"] as? String == "planned" })
            #expect(after.contains { $0["status_reason"] as? String == "paid" })

            // In the database, as the owner sees it.
            let rows = try await api.owner.query(
                "SELECT state, outstanding_minor FROM invoices WHERE id = \(UUID(uuidString: parties.invoice)!)", logger: FreshDatabase.logger
            )
            for try await (state, outstanding) in rows.decode((String, Int64).self) {
                #expect(state == "paid")
                #expect(outstanding == 0)
            }
        }
    }

    @Test func aPaymentSentTwiceWithOneIdempotencyKeyIsRecordedOnce() async throws {
        try await APIHarness.run { api in
            let tenant = try await api.makeTenant("Atelier Durand")
            let parties = try await api.seed(tenant.key)
            let path = "/v1/invoices/\(parties.invoice)/payments"
            let body = #"{"amount": "250.40", "reference": "VIR 123"}"#
            let first = try await api.call("POST", path, key: tenant.key, json: body, headers: ["Idempotency-Key": "pay-1"])
            let again = try await api.call("POST", path, key: tenant.key, json: body, headers: ["Idempotency-Key": "pay-1"])
            #expect(first.status == 201)
            #expect(again.status == 201)
            #expect(again.headers["idempotent-replayed"] == "true")
            #expect(first.string("payment_id") != nil)
            #expect(first.string("payment_id") == again.string("payment_id"))
            #expect(first.body == again.body)

            let other = try await api.call("POST", path, key: tenant.key, json: #"{"amount": "999.00"}"#, headers: ["Idempotency-Key": "pay-1"])
            #expect(other.status == 409)
            #expect(other.errorCode == "idempotency_key_reused")

            // A new key is a new payment.
            let second = try await api.call("POST", path, key: tenant.key, json: body, headers: ["Idempotency-Key": "pay-2"])
            #expect(second.status == 201)
            #expect(second.string("payment_id") != first.string("payment_id"))

            let count = try await api.owner.query("SELECT count(*)::int8, sum(amount_minor)::int8 FROM payments", logger: FreshDatabase.logger)
            for try await (payments, total) in count.decode((Int, Int64).self) {
                #expect(payments == 2)
                #expect(total == 50_080)
            }
        }
    }

    @Test func transitionsAnswerTheNewStateAndRefuseWhatTheStateDoesNotAllow() async throws {
        try await APIHarness.run { api in
            let tenant = try await api.makeTenant("Atelier Durand")
            let parties = try await api.seed(tenant.key)
            let base = "/v1/invoices/\(parties.invoice)"

            let promise = try await api.call("POST", "\(base)/promises", key: tenant.key, json: #"{"pay_by": "2026-12-20"}"#)
            #expect(promise.status == 200)
            #expect(promise.string("to_status") == "promise_to_pay")

            let dispute = try await api.call("POST", "\(base)/disputes", key: tenant.key, json: #"{"reason": "goods damaged"}"#)
            #expect(dispute.string("to_status") == "disputed")
            let resume = try await api.call("POST", "\(base)/disputes/resolve", key: tenant.key, json: #"{"resolution": "resume"}"#)
            #expect(resume.string("to_status") == "open")

            let pause = try await api.call("POST", "\(base)/pause", key: tenant.key, json: #"{"reason": "talking to the debtor"}"#)
            #expect(pause.string("to_status") == "paused")
            let resumed = try await api.call("POST", "\(base)/resume", key: tenant.key)
            #expect(resumed.string("to_status") == "open")

            let plan = try await api.call("POST", "\(base)/payment-plans", key: tenant.key, json: """
                {"installments": [{"due_date": "2026-12-15", "amount": "625.20"}, {"due_date": "2027-01-15", "amount_minor": 62520}]}
                """)
            #expect(plan.status == 200)
            #expect(plan.string("to_status") == "payment_plan")

            let writeOff = try await api.call("POST", "\(base)/write-off", key: tenant.key, json: #"{"reason": "debtor liquidated"}"#)
            #expect(writeOff.string("to_status") == "written_off")
            // A written-off invoice takes no promise: the domain's refusal, as a 409.
            let late = try await api.call("POST", "\(base)/promises", key: tenant.key, json: #"{"pay_by": "2026-12-20"}"#)
            #expect(late.status == 409)
            #expect(late.errorCode != nil)

            let events = try await api.owner.query(
                "SELECT kind FROM invoice_events WHERE invoice_id = \(UUID(uuidString: parties.invoice)!) ORDER BY id",
                logger: FreshDatabase.logger
            )
            var kinds: [String] = []
            for try await kind in events.decode(String.self) { kinds.append(kind) }
            #expect(kinds == ["planned", "promise", "dispute", "dispute_resolved", "pause", "resume", "payment_plan", "write_off"])
        }
    }

    @Test func pausingADebtorPausesItsOpenInvoices() async throws {
        try await APIHarness.run { api in
            let tenant = try await api.makeTenant("Atelier Durand")
            let parties = try await api.seed(tenant.key)
            let paused = try await api.call("POST", "/v1/debtors/\(parties.debtor)/pause", key: tenant.key, json: #"{"reason": "in talks"}"#)
            #expect(paused.status == 200)
            #expect((paused.json["changed"] as? [String]) == [parties.invoice])
            let invoice = try await api.call("GET", "/v1/invoices/\(parties.invoice)", key: tenant.key)
            #expect((invoice.json["invoice"] as? [String: Any])?["status"] as? String == "paused")
            let resumed = try await api.call("POST", "/v1/debtors/\(parties.debtor)/resume", key: tenant.key)
            #expect((resumed.json["changed"] as? [String]) == [parties.invoice])
        }
    }

    @Test func listsPageByCursor() async throws {
        try await APIHarness.run { api in
            let tenant = try await api.makeTenant("Atelier Durand")
            var made: Set<String> = []
            for n in 1...5 { made.insert(try await api.seed(tenant.key, number: "F-\(n)").invoice) }
            var seen: [String] = []
            var cursor: String?
            var pages = 0
            repeat {
                let path = "/v1/invoices?limit=2" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await api.call("GET", path, key: tenant.key)
                #expect(page.status == 200)
                let items = try #require(page.json["items"] as? [[String: Any]])
                #expect(items.count <= 2)
                seen += items.compactMap { $0["id"] as? String }
                cursor = page.json["next_cursor"] as? String
                pages += 1
            } while cursor != nil && pages < 10
            #expect(pages == 3)
            #expect(Set(seen) == made)
            #expect(seen.count == 5)

            for bad in ["limit=0", "limit=501", "limit=ten", "cursor=nope", "status=sleeping"] {
                let reply = try await api.call("GET", "/v1/invoices?\(bad)", key: tenant.key)
                #expect(reply.status == 400, "\(bad)")
                #expect(reply.errorField != nil, "\(bad)")
            }
        }
    }
}
