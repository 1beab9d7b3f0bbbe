import AMQP
import Foundation
import RelanceTestSupport
import Testing

/// Fail-over between the nodes of the three-node cluster (deploy/cluster.sh): a node the
/// client uses is stopped, the client goes on through another. Skipped when the cluster does
/// not answer, unless RELANCE_REQUIRE_CLUSTER is set (as in CI), in which case they run and
/// fail without it.
@Suite(
    "Cluster fail-over",
    .serialized,
    .enabled("the cluster is not reachable: run deploy/cluster.sh up (RELANCE_REQUIRE_CLUSTER=1 makes this a failure)") {
        await TestBroker.clusterTestsEnabled()
    }
)
struct ClusterTests {
    typealias Tally = ChaosTests.Tally

    private let backoff = Backoff(initial: .milliseconds(100), maximum: .seconds(2))

    /// Runs `body` holding the cluster lock; whatever happens, every node's application runs
    /// again afterwards.
    private func keepingClusterUp(_ body: () async throws -> Void) async throws {
        try await ChaosLock.withLock(path: ChaosLock.clusterPath) {
            do {
                try await startEveryNode()
                try await body()
            } catch {
                try? await startEveryNode()
                throw error
            }
            try await startEveryNode()
        }
    }

    private func startEveryNode() async throws {
        for node in TestBroker.clusterNodes {
            do {
                try await TestBroker.control(node, ["start_app"])
            } catch {
                throw ClusterUnavailable(description: "\(error): is the cluster running? deploy/cluster.sh up starts it")
            }
        }
    }

    struct ClusterUnavailable: Error, CustomStringConvertible {
        let description: String
    }

    /// A quorum queue declared on the cluster has a member on each of its nodes.
    private func expectReplicatedOnEveryNode(_ queue: String) async throws {
        let node = TestBroker.clusterNodes[0]
        let output = try await TestBroker.control(node, ["list_queues", "-p", "relance", "name", "members", "--formatter", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
        let members = try #require(rows.first { $0["name"] as? String == queue }?["members"] as? [String],
                                   "\(queue) is not listed by \(node): \(output)")
        #expect(Set(members) == Set(TestBroker.clusterNodes))
    }

    private func deleteOnCluster(_ queue: String) async throws {
        for broker in try TestBroker.clusterBrokers() {
            guard let connection = try? await AMQPConnection.connect(broker) else { continue }
            try await connection.deleteQueue(queue)
            await connection.close()
            return
        }
        Issue.record("no node of the cluster answered: \(queue) was not deleted")
    }

    private static func messages(_ queue: String, batch: Int, count: Int = 200) -> [OutgoingMessage] {
        (0..<count).map { index in
            OutgoingMessage(routingKey: queue, body: Array("payload \(batch)-\(index)".utf8),
                            properties: MessageProperties(deliveryMode: .persistent, messageID: "m-\(batch)-\(index)"))
        }
    }

    /// Publishes batches until `tally` marks the node stopped (`restarted`), then `after`
    /// batches more; records what was confirmed in `tally` and returns every outcome.
    private static func publish(_ queue: String, with publisher: ReconnectingPublisher, tally: Tally,
                                after: Int = 5) async throws -> [PublishOutcome] {
        var outcomes: [PublishOutcome] = []
        var batch = 0
        var batchesAfterStop = 0
        while batchesAfterStop < after {
            if await tally.restarted { batchesAfterStop += 1 }
            let messages = Self.messages(queue, batch: batch)
            let batchOutcomes = try await publisher.publish(messages)
            await tally.confirm(zip(messages, batchOutcomes).filter { $0.1 == .confirmed }.map { $0.0.properties.messageID! })
            outcomes += batchOutcomes
            batch += 1
        }
        return outcomes
    }

    private static func consume(_ consumer: ReconnectingConsumer, into tally: Tally) -> Task<Void, any Error> {
        Task {
            for try await delivery in consumer {
                await tally.record(delivery.properties.messageID ?? "?")
                delivery.ack()
            }
        }
    }

    /// Every confirmed message reaches the consumer (duplicates allowed); none was returned.
    private func expectEveryConfirmedMessageConsumed(_ outcomes: [PublishOutcome], tally: Tally) async throws {
        #expect(outcomes.allSatisfy { $0 == .confirmed || $0 == .nacked })
        let nacked = outcomes.filter { $0 == .nacked }.count
        #expect(nacked < outcomes.count / 2)
        try await withDeadline(.seconds(180), "consuming every confirmed message") {
            while await !tally.missing.isEmpty { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(await tally.missing.isEmpty)
        #expect(await tally.confirmed.count == outcomes.count - nacked)
    }

    @Test func publisherFailsOverToAnotherNodeAndLosesNoConfirmedMessage() async throws {
        let queue = TestBroker.uniqueName("cluster.publisher")
        let brokers = try TestBroker.clusterBrokers()
        let setup: @Sendable (AMQPConnection) async throws -> Void = { connection in
            try await connection.declareQueue(queue, arguments: ["x-queue-type": "quorum"])
        }
        let tally = Tally()
        try await keepingClusterUp {
            let publisher = ReconnectingPublisher(brokers: brokers, backoff: backoff, setup: setup)
            let first = try await publisher.publish(Self.messages(queue, batch: -1, count: 1))
            await tally.confirm(first == [.confirmed] ? ["m--1-0"] : [])
            try await expectReplicatedOnEveryNode(queue)
            let used = try #require(await publisher.currentBroker)
            let node = try TestBroker.clusterNode(of: used)

            let publishing = Task { try await Self.publish(queue, with: publisher, tally: tally) }
            try await Task.sleep(for: .milliseconds(500))
            try await TestBroker.control(node, ["stop_app"])
            await tally.markRestarted()
            let outcomes = try await withDeadline(.seconds(180), "publishing while \(node) is stopped") {
                try await publishing.value
            }
            let now = try #require(await publisher.currentBroker)
            #expect(now.port != used.port, "still publishing to \(now)")
            #expect(await publisher.reconnectCount >= 1)

            // A consumer given the same list skips the stopped node.
            let consumer = ReconnectingConsumer(brokers: brokers, queue: queue, prefetch: 100, backoff: backoff, setup: setup)
            let consuming = Self.consume(consumer, into: tally)
            try await expectEveryConfirmedMessageConsumed(first + outcomes, tally: tally)
            let consumedFrom = try #require(await consumer.currentBroker)
            #expect(consumedFrom.port != used.port)
            print("cluster: publisher moved from \(used) to \(now) after stopping \(node); \(outcomes.count + 1) published, \(await tally.deliveries) deliveries, \(await tally.duplicates) duplicates")

            await consumer.close()
            _ = try await consuming.value
            await publisher.close()
        }
        try await deleteOnCluster(queue)
    }

    @Test func consumerFailsOverToAnotherNodeAndGoesOnReceiving() async throws {
        let queue = TestBroker.uniqueName("cluster.consumer")
        let brokers = try TestBroker.clusterBrokers()
        let setup: @Sendable (AMQPConnection) async throws -> Void = { connection in
            try await connection.declareQueue(queue, arguments: ["x-queue-type": "quorum"])
        }
        let tally = Tally()
        try await keepingClusterUp {
            // The consumer starts on the first node, the publisher on the second: only the
            // consumer's node is stopped.
            let consumer = ReconnectingConsumer(brokers: brokers, queue: queue, prefetch: 100, backoff: backoff, setup: setup)
            let publisher = ReconnectingPublisher(brokers: Array(brokers[1...] + brokers[..<1]), backoff: backoff, setup: setup)
            let consuming = Self.consume(consumer, into: tally)
            let publishing = Task { try await Self.publish(queue, with: publisher, tally: tally) }

            try await withDeadline(.seconds(60), "the first deliveries") {
                while await tally.deliveries < 200 { try await Task.sleep(for: .milliseconds(20)) }
            }
            try await expectReplicatedOnEveryNode(queue)
            let used = try #require(await consumer.currentBroker)
            let node = try TestBroker.clusterNode(of: used)
            try await TestBroker.control(node, ["stop_app"])
            let deliveriesAtStop = await tally.deliveries
            await tally.markRestarted()

            let outcomes = try await withDeadline(.seconds(180), "publishing while \(node) is stopped") {
                try await publishing.value
            }
            try await expectEveryConfirmedMessageConsumed(outcomes, tally: tally)
            #expect(await tally.deliveries > deliveriesAtStop)
            #expect(await consumer.reconnectCount >= 1)
            let now = try #require(await consumer.currentBroker)
            #expect(now.port != used.port, "still consuming from \(now)")
            print("cluster: consumer moved from \(used) to \(now) after stopping \(node); \(outcomes.count) published, \(await tally.deliveries) deliveries, \(await tally.duplicates) duplicates")

            await consumer.close()
            _ = try await consuming.value
            await publisher.close()
        }
        try await deleteOnCluster(queue)
    }
}
