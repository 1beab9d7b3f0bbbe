import Foundation
import PostgresNIO
import Testing
import RelanceAPI
import RelanceCore
import RelancePipeline
import RelanceStore
import RelanceTestSupport

/// The operator routes of the dead letters and queues; tenants' keys get 403.
@Suite("Dead-letter and queue routes", .serialized)
struct DeadLetterRoutesTests {
    @Test("an operator lists, shows, replays (refused for an unknown job) and discards dead letters; a tenant's key gets 403")
    func operatorRoutes() async throws {
        try await APIHarness.run { api in
            let tenant = try await api.makeTenant("Atelier Durand")
            let operatorKey = try await api.makeOperatorKey(name: "alice")
            let store = DeadLetterStore(client: api.owner, logger: FreshDatabase.logger)
            let strayJob = UUID.timeOrdered()
            try await store.collect([
                CollectedDeadLetter(tenantId: tenant.tenant.uuid, jobId: strayJob, channel: "email", reason: "unknown tenant",
                                    body: Array(#"{"job_id":"x"}"#.utf8), headers: #"{"x-relance-reason":"unknown tenant"}"#,
                                    deathCount: 1, firstDeadLetteredAt: Date(), dedupKey: "a|1|1"),
                CollectedDeadLetter(tenantId: nil, jobId: nil, channel: "letter", reason: "undecodable: not JSON",
                                    body: Array("not json {".utf8), headers: "{}", deathCount: 1, firstDeadLetteredAt: nil,
                                    dedupKey: "b|1|1"),
            ])

            let list = try await api.call("GET", "/v1/ops/dead-letters", key: operatorKey)
            #expect(list.status == 200)
            let items = list.json["items"] as? [[String: Any]] ?? []
            #expect(items.count == 2)
            let byChannel = try await api.call("GET", "/v1/ops/dead-letters?channel=letter&state=waiting", key: operatorKey)
            let letters = byChannel.json["items"] as? [[String: Any]] ?? []
            #expect(letters.count == 1)
            let malformedId = try #require(letters.first?["id"] as? Int)
            let strayId = try #require(items.first { $0["channel"] as? String == "email" }?["id"] as? Int)

            let shown = try await api.call("GET", "/v1/ops/dead-letters/\(malformedId)", key: operatorKey)
            #expect(shown.status == 200)
            #expect(shown.json["body_text"] as? String == "not json {")
            #expect(shown.json["job"] == nil)

            let replay = try await api.call("POST", "/v1/ops/dead-letters/\(strayId)/replay", key: operatorKey, json: "{}")
            #expect(replay.status == 409)
            #expect(replay.errorCode == "unknown_job")

            let noReason = try await api.call("POST", "/v1/ops/dead-letters/\(malformedId)/discard", key: operatorKey, json: "{}")
            #expect(noReason.status == 400)
            let discard = try await api.call("POST", "/v1/ops/dead-letters/\(malformedId)/discard", key: operatorKey,
                                             json: #"{"reason":"garbage from a test publisher"}"#)
            #expect(discard.status == 200)
            #expect(discard.string("state") == "discarded")
            #expect(discard.string("state_changed_by") == "operator:alice")
            let again = try await api.call("POST", "/v1/ops/dead-letters/\(malformedId)/discard", key: operatorKey,
                                           json: #"{"reason":"twice"}"#)
            #expect(again.status == 409)
            let audit = try await OpsAuditLog(session: api.owner, logger: FreshDatabase.logger).entries(action: "dead_letter")
            #expect(audit.map(\.target) == ["dead_letter:\(malformedId)"])
            #expect(audit.first?.reason == "garbage from a test publisher")
            #expect(audit.first?.actor == "operator:alice")

            let bulk = try await api.call("POST", "/v1/ops/dead-letters/replay", key: operatorKey, json: #"{"channel":"email"}"#)
            #expect(bulk.status == 200)
            #expect(bulk.json["replayed"] as? Int == 0)
            #expect((bulk.json["refused"] as? [Any])?.count == 1)

            for (method, path) in [("GET", "/v1/ops/dead-letters"), ("GET", "/v1/ops/dead-letters/\(strayId)"),
                                   ("POST", "/v1/ops/dead-letters/\(strayId)/replay"), ("GET", "/v1/ops/queues")] {
                let asTenant = try await api.call(method, path, key: tenant.key, json: method == "POST" ? "{}" : nil)
                #expect(asTenant.status == 403, "\(method) \(path)")
            }
        }
    }

    @Test("GET /v1/ops/queues gives the relance.* queues of the broker with their figures")
    func queues() async throws {
        try await APIHarness.run { api in
            let operatorKey = try await api.makeOperatorKey(name: "alice")
            let reply = try await api.call("GET", "/v1/ops/queues", key: operatorKey)
            #expect(reply.status == 200, "\(reply.text)")
            let items = reply.json["items"] as? [[String: Any]] ?? []
            let names = Set(items.compactMap { $0["name"] as? String })
            #expect(names.isSuperset(of: ["relance.email", "relance.dlq.email"]))
            #expect(items.allSatisfy { ($0["messages"] as? Int) != nil && ($0["consumers"] as? Int) != nil && ($0["publish_rate"] as? Double) != nil })
        }
    }

    @Test("""
        The oldest waiting age of a queue comes from the database: a channel's oldest job published and not finished \
        (not one finished, in the outbox or past the look-back), a dead-letter queue's oldest dead letter still waiting
        """)
    func oldestAges() async throws {
        try await APIHarness.run { api in
            let tenant = try await api.makeTenant("Atelier Durand")
            let parties = try await api.seed(tenant.key)
            let debtor = try #require(UUID(uuidString: parties.debtor))
            let operatorKey = try await api.makeOperatorKey(name: "alice")
            let now = APIHarness.now
            func job(_ channel: String, hoursAgo: Double) async throws -> UUID {
                let created = now.addingTimeInterval(-hoursAgo * 3600)
                let id = UUID.timeOrdered(at: created)
                try await api.owner.query(
                    """
                    INSERT INTO jobs (tenant_id, id, debtor_id, channel, payload, created_at)
                    VALUES (\(tenant.tenant.uuid), \(id), \(debtor), \(channel), '{}', \(created))
                    """,
                    logger: FreshDatabase.logger
                )
                return id
            }
            _ = try await job("email", hoursAgo: 3)                 // published, waiting: the oldest email
            _ = try await job("email", hoursAgo: 0.5)
            let finished = try await job("email", hoursAgo: 10)     // has its outcome
            try await WorkerStore(client: api.owner, logger: FreshDatabase.logger).record([JobOutcome(
                jobId: finished, stepIds: [], tenantId: tenant.tenant.uuid, debtorId: debtor, channel: .email,
                kind: .sent, detail: "{}", completedAt: now.addingTimeInterval(-9 * 3600)
            )])
            let unpublished = try await job("email", hoursAgo: 5)  // still in the outbox
            try await api.owner.query("INSERT INTO outbox (job_id) VALUES (\(unpublished))", logger: FreshDatabase.logger)
            _ = try await job("email", hoursAgo: 24 * 8)            // older than the look-back
            _ = try await job("registered_letter", hoursAgo: 1)     // travels in relance.letter
            let store = DeadLetterStore(client: api.owner, logger: FreshDatabase.logger)
            try await store.collect([
                CollectedDeadLetter(tenantId: tenant.tenant.uuid, jobId: nil, channel: "email", reason: "undecodable",
                                    body: Array("x".utf8), headers: "{}", deathCount: 1, firstDeadLetteredAt: nil, dedupKey: "age|1"),
                CollectedDeadLetter(tenantId: tenant.tenant.uuid, jobId: nil, channel: "email", reason: "undecodable",
                                    body: Array("y".utf8), headers: "{}", deathCount: 1, firstDeadLetteredAt: nil, dedupKey: "age|2"),
            ])
            try await api.owner.query(
                "UPDATE dead_letters SET collected_at = \(now.addingTimeInterval(-2 * 3600)) WHERE dedup_key = 'age|1'", logger: FreshDatabase.logger
            )
            // A dead letter an operator has dealt with no longer waits.
            try await api.owner.query(
                """
                UPDATE dead_letters SET collected_at = \(now.addingTimeInterval(-6 * 3600)), state = 'discarded',
                       state_changed_by = 'cli:test', state_changed_at = \(now), state_reason = 'test' WHERE dedup_key = 'age|2'
                """,
                logger: FreshDatabase.logger
            )

            let reply = try await api.call("GET", "/v1/ops/queues", key: operatorKey)
            #expect(reply.status == 200, "\(reply.text)")
            let items = reply.json["items"] as? [[String: Any]] ?? []
            func queue(_ name: String) -> [String: Any]? { items.first { $0["name"] as? String == name } }
            func age(_ name: String) -> Double? { (queue(name)?["oldest_message_age_seconds"] as? Double).map { $0.rounded() } }
            #expect(age("relance.email") == 10_800.0)
            #expect(queue("relance.email")?["oldest_age_source"] as? String == "database")
            #expect(age("relance.letter") == 3_600.0)
            #expect(age("relance.dlq.email") == 7_200.0)
            #expect(queue("relance.dlq.email")?["oldest_age_source"] as? String == "database")
            // No job of that channel waits: no age, and null says so rather than leaving it out.
            let call = try #require(queue("relance.call"))
            #expect(call.keys.contains("oldest_message_age_seconds") && call["oldest_message_age_seconds"] is NSNull)

            let ages = try await QueueAges(client: api.owner, logger: FreshDatabase.logger).unfinishedJobs(now: now)
            #expect(ages[.email]?.count == 2)
            #expect(ages[.letter]?.count == 1)
            #expect(ages[.registeredLetter] == nil, "registered letters count with letters, as in the broker")
        }
    }
}
