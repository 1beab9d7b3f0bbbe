import AMQP
import Testing

@Suite("Concurrency and shutdown")
struct ConcurrencyTests {
    @Test func cancellingTheIteratingTaskEndsAWaitForDeliveries() async throws {
        let connection = try await TestBroker.connect()
        let queue = TestBroker.uniqueName("cancelwait")
        try await connection.declareQueue(queue, durable: false)
        let consumer = try await connection.consume(queue: queue, prefetch: 1)
        let waiting = Task {
            for try await _ in consumer {}
        }
        try await Task.sleep(for: .milliseconds(200))
        waiting.cancel()
        let result = try await withDeadline(.seconds(10), "the cancelled iteration") {
            await waiting.result
        }
        #expect(throws: CancellationError.self) { try result.get() }
        // The connection is unharmed.
        #expect(try await connection.publish([OutgoingMessage(routingKey: queue, body: [1])]) == [.confirmed])
        try await connection.deleteQueue(queue)
        await connection.close()
    }

    /// Many connections at once, each waiting for the delivery its ack lets through: a
    /// delivery read while a wait is being registered must not be missed.
    @Test func parallelConsumersNeverMissTheNextDelivery() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<24 {
                group.addTask {
                    let connection = try await TestBroker.connect()
                    let queue = TestBroker.uniqueName("parallel")
                    try await connection.declareQueue(queue, durable: false)
                    _ = try await connection.publish((0..<8).map { OutgoingMessage(routingKey: queue, body: [UInt8($0)]) })
                    let consumerConnection = try await TestBroker.connect()
                    let consumer = try await consumerConnection.consume(queue: queue, prefetch: 2)
                    let bodies = try await withDeadline(.seconds(30), "consuming \(queue)") {
                        var bodies: [[UInt8]] = []
                        for try await delivery in consumer {
                            bodies.append(delivery.body)
                            delivery.ack()
                            if bodies.count == 8 { break }
                        }
                        return bodies
                    }
                    #expect(bodies == (0..<8).map { [UInt8($0)] })
                    await consumerConnection.close()
                    try await connection.deleteQueue(queue)
                    await connection.close()
                }
            }
            try await group.waitForAll()
        }
    }

    @Test func concurrentPublishesOnOneConnectionAreAllConfirmed() async throws {
        let connection = try await AMQPConnection.connect(TestBroker.configuration(), publishWindow: 64)
        let queue = TestBroker.uniqueName("concurrent")
        try await connection.declareQueue(queue, arguments: ["x-queue-type": "quorum"])
        let outcomes = try await withThrowingTaskGroup(of: [PublishOutcome].self) { group in
            for task in 0..<4 {
                group.addTask {
                    try await connection.publish((0..<500).map {
                        OutgoingMessage(routingKey: queue, body: Array("\(task)-\($0)".utf8))
                    })
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(outcomes.count == 2000)
        #expect(outcomes.allSatisfy { $0 == .confirmed })
        #expect(try await connection.queueInfo(queue).messageCount == 2000)
        try await connection.deleteQueue(queue)
        await connection.close()
    }

    @Test func publishingAndConsumingShareAConnection() async throws {
        let connection = try await TestBroker.connect()
        let queue = TestBroker.uniqueName("shared")
        try await connection.declareQueue(queue, durable: false)
        let consumer = try await connection.consume(queue: queue, prefetch: 20)
        let received = Task {
            var bodies: [[UInt8]] = []
            for try await delivery in consumer {
                bodies.append(delivery.body)
                delivery.ack()
                if bodies.count == 100 { break }
            }
            return bodies
        }
        let messages = (0..<100).map { OutgoingMessage(routingKey: queue, body: [UInt8($0)]) }
        #expect(try await connection.publish(messages).allSatisfy { $0 == .confirmed })
        let bodies = try await withDeadline(.seconds(30), "consuming on the publishing connection") {
            try await received.value
        }
        #expect(bodies == messages.map(\.body))
        await connection.close()
        let cleanup = try await TestBroker.connect()
        try await cleanup.deleteQueue(queue)
        await cleanup.close()
    }

    @Test func closingTheConnectionEndsConsumersAndSendsTheirAcks() async throws {
        let publisher = try await TestBroker.connect()
        let queue = TestBroker.uniqueName("closeacks")
        try await publisher.declareQueue(queue, arguments: ["x-queue-type": "quorum"])
        _ = try await publisher.publish((0..<50).map { OutgoingMessage(routingKey: queue, body: [UInt8($0)]) })

        let consumerConnection = try await TestBroker.connect()
        let consumer = try await consumerConnection.consume(queue: queue, prefetch: 100)
        var iterator = consumer.makeAsyncIterator()
        for _ in 0..<30 { try #require(try await iterator.next()).ack() }
        await consumerConnection.close()
        // The iteration ends rather than failing.
        #expect(try await iterator.next() == nil)
        // The 30 acks were applied: exactly the 20 others come back.
        let again = try await publisher.consume(queue: queue, prefetch: 20)
        let rest = try await withDeadline(.seconds(30), "consuming the rest") {
            var rest: [[UInt8]] = []
            for try await delivery in again {
                rest.append(delivery.body)
                if rest.count == 20 { break }
            }
            return rest
        }
        #expect(rest == (30..<50).map { [UInt8($0)] })
        #expect(try await publisher.queueInfo(queue).messageCount == 0)
        try await publisher.deleteQueue(queue)
        await publisher.close()
    }

    @Test func settlingTwiceOrAfterCloseIsHarmless() async throws {
        let connection = try await TestBroker.connect()
        let queue = TestBroker.uniqueName("twice")
        try await connection.declareQueue(queue, durable: false)
        _ = try await connection.publish((0..<3).map { OutgoingMessage(routingKey: queue, body: [UInt8($0)]) })
        let consumer = try await connection.consume(queue: queue, prefetch: 10)
        var iterator = consumer.makeAsyncIterator()
        let first = try #require(try await iterator.next())
        first.ack()
        first.ack() // the broker would close the channel for an unknown tag; the client drops it
        first.reject(requeue: true)
        let second = try #require(try await iterator.next())
        second.ack()
        let third = try #require(try await iterator.next())
        await consumer.close()
        third.ack() // after close: dropped, the message goes back to the queue
        #expect(await connection.isOpen)
        // Only the third message is left.
        let again = try await connection.consume(queue: queue, prefetch: 10)
        let left = try await withDeadline(.seconds(30), "consuming what is left") {
            var iterator = again.makeAsyncIterator()
            return try await iterator.next()?.body
        }
        #expect(left == [2])
        #expect(try await connection.queueInfo(queue).messageCount == 0)
        try await connection.deleteQueue(queue)
        await connection.close()
    }

    @Test func reconnectingConsumerDrainsOnCancel() async throws {
        let queue = TestBroker.uniqueName("drain")
        let setup: @Sendable (AMQPConnection) async throws -> Void = { connection in
            try await connection.declareQueue(queue, arguments: ["x-queue-type": "quorum"])
        }
        let publisher = ReconnectingPublisher(configuration: try TestBroker.configuration(), setup: setup)
        let outcomes = try await publisher.publish((0..<40).map { OutgoingMessage(routingKey: queue, body: [UInt8($0)]) })
        #expect(outcomes.allSatisfy { $0 == .confirmed })

        let consumer = ReconnectingConsumer(configuration: try TestBroker.configuration(), queue: queue, prefetch: 10, setup: setup)
        let bodies = try await withDeadline(.seconds(30), "consuming, then draining") {
            var iterator = consumer.makeAsyncIterator()
            var bodies: [[UInt8]] = []
            for _ in 0..<5 {
                let delivery = try #require(try await iterator.next())
                bodies.append(delivery.body)
                delivery.ack()
            }
            await consumer.cancel()
            // What was already sent still comes out and can be acked; then the sequence ends.
            while let delivery = try await iterator.next() {
                bodies.append(delivery.body)
                delivery.ack()
            }
            return bodies
        }
        #expect(bodies.count >= 5 && bodies.count <= 15)
        #expect(bodies == (0..<bodies.count).map { [UInt8($0)] })
        await consumer.close()
        // Every ack was applied: exactly the messages not handed out come back.
        let check = try await TestBroker.connect()
        let again = try await check.consume(queue: queue, prefetch: 50)
        let expectedRest = 40 - bodies.count
        let rest = try await withDeadline(.seconds(30), "consuming the rest") {
            var rest: [[UInt8]] = []
            for try await delivery in again {
                rest.append(delivery.body)
                if rest.count == expectedRest { break }
            }
            return rest
        }
        // (A quorum queue puts back what was in flight at the cancel behind the others.)
        #expect(rest.sorted { $0[0] < $1[0] } == (bodies.count..<40).map { [UInt8($0)] })
        #expect(try await check.queueInfo(queue).messageCount == 0)
        try await check.deleteQueue(queue)
        await check.close()
        await publisher.close()
    }
}
