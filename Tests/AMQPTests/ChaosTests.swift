import AMQP
import RelanceTestSupport
import Testing

/// Broker restarts, on the chaos node only (deploy/chaos-broker.sh), never on the main
/// broker that other tests share. Skipped when that node does not answer, unless
/// RELANCE_REQUIRE_CHAOS is set (as in CI), in which case they run and fail without it.
@Suite(
    "Broker restarts",
    .serialized,
    .enabled("the chaos node is not reachable: run deploy/chaos-broker.sh up (RELANCE_REQUIRE_CHAOS=1 makes this a failure)") {
        await TestBroker.chaosTestsEnabled()
    }
)
struct ChaosTests {
    /// Counts what a consumer saw, by message id.
    actor Tally {
        private(set) var seen: [String: Int] = [:]
        private(set) var deliveries = 0
        private(set) var confirmed: Set<String> = []
        private(set) var restarted = false

        func markRestarted() { restarted = true }

        func record(_ id: String) {
            seen[id, default: 0] += 1
            deliveries += 1
        }

        func confirm(_ ids: some Sequence<String>) {
            confirmed.formUnion(ids)
        }

        var missing: Set<String> { confirmed.subtracting(seen.keys) }
        var duplicates: Int { deliveries - seen.count }
    }

    /// Stops the chaos node's application, waits, and starts it again.
    private func restartChaosBroker(down: Duration = .seconds(3)) async throws {
        try await TestBroker.chaosControl("stop_app")
        try await Task.sleep(for: down)
        try await TestBroker.chaosControl("start_app")
    }

    /// Runs `body` holding the chaos lock (other test targets restart this node too);
    /// whatever happens, leaves the chaos node's application running.
    private func keepingChaosBrokerUp(_ body: () async throws -> Void) async throws {
        try await ChaosLock.withLock {
            do {
                try await TestBroker.chaosControl("start_app")
                try await body()
            } catch {
                try? await TestBroker.chaosControl("start_app")
                throw error
            }
            try await TestBroker.chaosControl("start_app")
        }
    }

    private func deleteOnChaos(_ queue: String) async throws {
        let cleanup = try await withDeadline(.seconds(60), "reconnecting for cleanup") {
            var attempt = 0
            while true {
                do {
                    return try await TestBroker.connect(TestBroker.chaosURL)
                } catch {
                    attempt += 1
                    if attempt > 50 { throw error }
                    try await Task.sleep(for: .milliseconds(500))
                }
            }
        }
        try await cleanup.deleteQueue(queue)
        await cleanup.close()
    }

    @Test func brokerShutdownSurfacesTypedErrors() async throws {
        let queue = TestBroker.uniqueName("chaos.errors")
        try await keepingChaosBrokerUp {
            let publisher = try await TestBroker.connect(TestBroker.chaosURL)
            let consumerConnection = try await TestBroker.connect(TestBroker.chaosURL)
            try await publisher.declareQueue(queue, arguments: ["x-queue-type": "quorum"])
            let consumer = try await consumerConnection.consume(queue: queue, prefetch: 10)

            try await TestBroker.chaosControl("stop_app")
            let consumerError = try await withDeadline(.seconds(30), "the consumer noticing the shutdown") {
                do {
                    for try await _ in consumer {}
                    return nil as AMQPError?
                } catch let error as AMQPError {
                    return error
                }
            }
            #expect(consumerError?.code == .connectionClosed)
            #expect(consumerError?.replyCode == 320) // CONNECTION_FORCED
            #expect(consumerError?.closesConnection == true)
            #expect(!(await consumerConnection.isOpen))

            await #expect {
                try await publisher.publish([OutgoingMessage(routingKey: queue, body: [1])])
            } throws: { error in
                (error as? AMQPError)?.closesConnection == true
            }
            await publisher.close()
            await consumerConnection.close()
        }
        try await deleteOnChaos(queue)
    }

    @Test func reconnectingHelpersLoseNoConfirmedMessage() async throws {
        let queue = TestBroker.uniqueName("chaos.recovery")
        let configuration = try TestBroker.configuration(TestBroker.chaosURL)
        let setup: @Sendable (AMQPConnection) async throws -> Void = { connection in
            try await connection.declareQueue(queue, arguments: ["x-queue-type": "quorum"])
        }
        let backoff = Backoff(initial: .milliseconds(100), maximum: .seconds(2))
        let publisher = ReconnectingPublisher(configuration: configuration, backoff: backoff, setup: setup)
        let consumer = ReconnectingConsumer(configuration: configuration, queue: queue, prefetch: 100,
                                            backoff: backoff, setup: setup)
        let tally = Tally()
        let batchSize = 500

        try await keepingChaosBrokerUp {
            let consuming = Task {
                for try await delivery in consumer {
                    await tally.record(delivery.properties.messageID ?? "?")
                    delivery.ack()
                }
            }
            // Publishes without pause until the restart is over (so a batch is in flight
            // when the broker goes), then a few batches more.
            let publishing = Task {
                var outcomes: [PublishOutcome] = []
                var batch = 0
                var batchesAfterRestart = 0
                while batchesAfterRestart < 5 {
                    if await tally.restarted { batchesAfterRestart += 1 }
                    let messages = (0..<batchSize).map { index in
                        OutgoingMessage(routingKey: queue, body: Array("payload \(batch)-\(index)".utf8),
                                        properties: MessageProperties(deliveryMode: .persistent, messageID: "m-\(batch)-\(index)"))
                    }
                    let batchOutcomes = try await publisher.publish(messages)
                    await tally.confirm(zip(messages, batchOutcomes).filter { $0.1 == .confirmed }.map { $0.0.properties.messageID! })
                    outcomes += batchOutcomes
                    batch += 1
                }
                return outcomes
            }

            // Restart the broker while both are busy.
            try await withDeadline(.seconds(60), "the first deliveries") {
                while await tally.deliveries < 500 { try await Task.sleep(for: .milliseconds(20)) }
            }
            try await restartChaosBroker()
            await tally.markRestarted()

            let outcomes = try await withDeadline(.seconds(180), "publishing through the restart") {
                try await publishing.value
            }
            // A broker going down may refuse (nack) what it cannot store any more; such
            // messages were never confirmed, and the caller learns it. Nothing is returned.
            #expect(outcomes.allSatisfy { $0 == .confirmed || $0 == .nacked })
            let nacked = outcomes.filter { $0 == .nacked }.count
            #expect(nacked < outcomes.count / 2)

            // Every confirmed message reaches the consumer, duplicates allowed.
            try await withDeadline(.seconds(180), "consuming every confirmed message") {
                while await !tally.missing.isEmpty { try await Task.sleep(for: .milliseconds(50)) }
            }
            let missing = await tally.missing
            #expect(missing.isEmpty, "confirmed but never consumed: \(missing.count)")
            #expect(await tally.confirmed.count == outcomes.count - nacked)
            let duplicates = await tally.duplicates
            let publisherReconnects = await publisher.reconnectCount
            let consumerReconnects = await consumer.reconnectCount
            print("chaos: \(outcomes.count) published, \(nacked) nacked, \(await tally.deliveries) deliveries, \(duplicates) duplicates, publisher reconnects \(publisherReconnects), consumer reconnects \(consumerReconnects)")
            #expect(publisherReconnects >= 1)
            #expect(consumerReconnects >= 1)

            await consumer.close()
            _ = try await consuming.value
            await publisher.close()
        }
        try await deleteOnChaos(queue)
    }
}
