import AMQP
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization
import Testing

/// A reconnecting consumer says when it consumes and when it lost its broker: what a worker's
/// `/ready` reports.
@Suite("Consumer connection state")
struct ConnectionStateTests {
    @Test("told connected, then lost when the broker closes the connection, then connected again")
    func reportsLossAndRecovery() async throws {
        let queue = TestBroker.uniqueName("state")
        var configuration = try TestBroker.configuration()
        let name = "relance-state-test-\(UInt32.random(in: 0...UInt32.max))"
        configuration.connectionName = name
        let events = Mutex<[(Bool, String)]>([])
        let consumer = ReconnectingConsumer(
            configuration: configuration, queue: queue, prefetch: 10,
            backoff: Backoff(initial: .milliseconds(100), maximum: .seconds(1)),
            setup: { connection in try await connection.declareQueue(queue, arguments: ["x-queue-type": "quorum"]) },
            onConnectionChange: { connected, reason in events.withLock { $0.append((connected, reason)) } }
        )
        let consuming = Task { for try await delivery in consumer { delivery.ack() } }
        defer { consuming.cancel() }
        try await waitFor("the first connection") { events.withLock { $0.map(\.0) } == [true] }

        try await Management.closeConnections(named: name)
        try await waitFor("the loss and the reconnection") {
            events.withLock { $0.map(\.0) }.starts(with: [true, false]) && events.withLock { $0.last?.0 } == true
        }
        let loss = try #require(events.withLock { $0.first { !$0.0 } })
        #expect(loss.1.contains(queue), "the reason names the queue: \(loss.1)")

        await consumer.close()
        let cleanup = try await TestBroker.connect()
        _ = try? await cleanup.deleteQueue(queue)
        await cleanup.close()
    }

    @Test("told not connected, with the reason, while no broker answers")
    func reportsUnreachableBroker() async throws {
        var configuration = try TestBroker.configuration()
        configuration.port = 1 // nothing listens there
        let events = Mutex<[(Bool, String)]>([])
        let consumer = ReconnectingConsumer(
            configuration: configuration, queue: "test.state.unreachable", prefetch: 10,
            backoff: Backoff(initial: .milliseconds(50), maximum: .milliseconds(200)),
            onConnectionChange: { connected, reason in events.withLock { $0.append((connected, reason)) } }
        )
        let consuming = Task { for try await delivery in consumer { delivery.ack() } }
        try await waitFor("a failed attempt") { !events.withLock { $0.isEmpty } }
        consuming.cancel()
        await consumer.close()
        let first = try #require(events.withLock { $0.first })
        #expect(first.0 == false)
        #expect(first.1.contains("cannot connect"))
        #expect(events.withLock { $0.allSatisfy { !$0.0 } })
    }

    private func waitFor(_ what: String, _ condition: @Sendable () -> Bool) async throws {
        for _ in 0..<300 {
            if condition() { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("timed out waiting for \(what)")
        throw CancellationError()
    }
}

/// RabbitMQ's management API (deploy/services-up.sh enables it), as the tests use it.
enum Management {
    static var base: String {
        ProcessInfo.processInfo.environment["RELANCE_AMQP_MANAGEMENT_URL"] ?? "http://127.0.0.1:15672"
    }

    static func request(_ method: String, _ path: String) async throws -> (Int, Data) {
        var request = URLRequest(url: URL(string: base + path)!)
        request.httpMethod = method
        request.setValue("Basic " + Data("relance:relance".utf8).base64EncodedString(), forHTTPHeaderField: "Authorization")
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    /// Closes, on the broker's side, every connection whose client named itself `name`.
    static func closeConnections(named name: String) async throws {
        var found: [String] = []
        for _ in 0..<50 where found.isEmpty {
            let (_, data) = try await request("GET", "/api/connections?columns=name,client_properties")
            let list = (try JSONSerialization.jsonObject(with: data) as? [[String: Any]]) ?? []
            found = list.compactMap { connection in
                let properties = connection["client_properties"] as? [String: Any]
                return properties?["connection_name"] as? String == name ? connection["name"] as? String : nil
            }
            // The management API's view of connections lags a moment behind the broker.
            if found.isEmpty { try await Task.sleep(for: .milliseconds(200)) }
        }
        #expect(!found.isEmpty, "the broker lists the connection \(name)")
        for connection in found {
            let escaped = connection.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? connection
            let (status, _) = try await request("DELETE", "/api/connections/\(escaped)")
            #expect(status == 204)
        }
    }
}
