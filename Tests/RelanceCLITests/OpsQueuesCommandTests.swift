import Foundation
import PostgresNIO
import RelanceCore
import RelanceStore
import RelanceTestSupport
import Testing

/// `relance ops queues` against the real management API.
@Suite("relance ops queues")
struct OpsQueuesCommandTests {
    @Test("--json gives the relance.* queues of the broker with their numbers, and the oldest age with where it comes from")
    func json() async throws {
        try await FreshDatabase.withMigrated { url, _ in
            let output = try RelanceProcess.run(["ops", "queues", "--json"],
                                                environment: ["RELANCE_AMQP_URL": "amqp://relance:relance@127.0.0.1:5672/relance",
                                                              "RELANCE_AMQP_MANAGEMENT_URL": nil,
                                                              "RELANCE_DATABASE_URL": url.urlWithPassword])
            #expect(output.status == 0, "\(output.stderr)")
            let items = try #require(try output.json()["items"] as? [[String: Any]])
            let names = Set(items.compactMap { $0["name"] as? String })
            #expect(names.isSuperset(of: ["relance.email", "relance.letter", "relance.dlq.email", "relance.retry.email.5s"]))
            for item in items {
                #expect((item["messages"] as? Int) != nil)
                #expect((item["ready"] as? Int) != nil)
                #expect((item["consumers"] as? Int) != nil)
                #expect((item["ack_rate"] as? Double) != nil)
                #expect(item.keys.contains("oldest_message_age_seconds"))
                #expect(item.keys.contains("oldest_age_source"))
            }
            let table = try RelanceProcess.run(["ops", "queues"],
                                               environment: ["RELANCE_AMQP_URL": "amqp://relance:relance@127.0.0.1:5672/relance",
                                                             "RELANCE_AMQP_MANAGEMENT_URL": nil,
                                                             "RELANCE_DATABASE_URL": url.urlWithPassword])
            #expect(table.status == 0, "\(table.stderr)")
            #expect(table.stdout.contains("oldest") && table.stdout.contains("relance.email"))
        }
    }

    @Test("--lookback: a legal job waiting for eight days is seen with --lookback 9d, not within the default day; a bad value is refused")
    func lookback() async throws {
        try await FreshDatabase.withMigrated { url, client in
            let logger = FreshDatabase.logger
            let parties = try await CLIParties.stored(on: client)
            let (tenant, debtor) = (parties.tenant, parties.debtor)
            let created = Date().addingTimeInterval(-8 * 86_400)
            try await client.query(
                """
                INSERT INTO jobs (tenant_id, id, debtor_id, channel, payload, created_at)
                VALUES (\(tenant.id.uuid), \(UUID.timeOrdered(at: created)), \(debtor.id.uuid), 'legal', '{}', \(created))
                """,
                logger: logger
            )
            let environment: [String: String?] = ["RELANCE_AMQP_URL": "amqp://relance:relance@127.0.0.1:5672/relance",
                                                  "RELANCE_AMQP_MANAGEMENT_URL": nil, "RELANCE_DATABASE_URL": url.urlWithPassword]
            func legal(_ arguments: [String]) throws -> [String: Any]? {
                let output = try RelanceProcess.run(["ops", "queues", "--json"] + arguments, environment: environment)
                #expect(output.status == 0, "\(output.stderr)")
                let items = try output.json()["items"] as? [[String: Any]] ?? []
                return items.first { $0["name"] as? String == "relance.legal" }
            }
            #expect(try legal([])?["oldest_age_source"] is NSNull)
            let seen = try #require(try legal(["--lookback", "9d"]))
            #expect(seen["oldest_age_source"] as? String == "database")
            #expect(((seen["oldest_message_age_seconds"] as? Double) ?? 0) >= 8 * 86_400)
            let refused = try RelanceProcess.run(["ops", "queues", "--lookback", "soon"], environment: environment)
            #expect(refused.status != 0 && refused.stderr.contains("--lookback must be"))
        }
    }

    @Test("A management API that cannot be reached: the URL and what failed, and a non-zero exit")
    func unreachable() throws {
        let output = try RelanceProcess.run(["ops", "queues"],
                                            environment: ["RELANCE_AMQP_MANAGEMENT_URL": "http://relance:relance@127.0.0.1:1/relance"])
        #expect(output.status != 0)
        #expect(output.stderr.contains("127.0.0.1:1"))
        #expect(output.stderr.contains("cannot reach the management API"))
        #expect(!output.stderr.contains("relance:relance@"))
    }

    @Test("Refused credentials are said so at once (no wait on the broker's challenge)")
    func wrongPassword() throws {
        let output = try RelanceProcess.run(["ops", "queues"],
                                            environment: ["RELANCE_AMQP_MANAGEMENT_URL": "http://relance:wrong@127.0.0.1:15672/relance"])
        #expect(output.status != 0)
        #expect(output.stderr.contains("HTTP 401"))
    }
}
