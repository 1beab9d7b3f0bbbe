import Foundation
import Testing

/// `relance ops queues` against the real management API.
@Suite("relance ops queues")
struct OpsQueuesCommandTests {
    @Test("--json gives the relance.* queues of the broker with their numbers")
    func json() throws {
        let output = try RelanceProcess.run(["ops", "queues", "--json"],
                                            environment: ["RELANCE_AMQP_URL": "amqp://relance:relance@127.0.0.1:5672/relance",
                                                          "RELANCE_AMQP_MANAGEMENT_URL": nil])
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
