import AMQP
import Testing

/// Publishing and consuming against the main broker (RELANCE_AMQP_URL). Every test
/// declares its own exchanges and queues under unique names and deletes them.
@Suite("Publish and consume")
struct MessagingTests {
    /// Takes `count` deliveries from a consumer (fails instead of hanging).
    private func take(_ count: Int, from consumer: AMQPConsumer, _ what: String = "deliveries") async throws -> [Delivery] {
        try await withDeadline(.seconds(30), "receiving \(count) \(what)") {
            var received: [Delivery] = []
            for try await delivery in consumer {
                received.append(delivery)
                if received.count == count { break }
            }
            return received
        }
    }

    @Test func roundTripKeepsBodyAndProperties() async throws {
        let publisher = try await TestBroker.connect()
        let consumerConnection = try await TestBroker.connect()
        let exchange = TestBroker.uniqueName("roundtrip.x")
        let queue = TestBroker.uniqueName("roundtrip.q")
        try await publisher.declareExchange(exchange, type: .direct)
        try await publisher.declareQueue(queue, arguments: ["x-queue-type": "quorum"])
        try await publisher.bindQueue(queue, exchange: exchange, routingKey: "invoice.reminder")

        let headers: FieldTable = [
            "tenant": "acme",
            "attempt": .int32(3),
            "amount-cents": .int64(1_234_567_890_123),
            "urgent": true,
            "ratio": .double(0.25),
            "issued": .timestamp(1_700_000_000),
            "channels": ["email", "letter"],
            "debtor": ["id": .int64(42), "language": "fr"],
            "raw": .bytes([0, 1, 2, 255]),
        ]
        let properties = MessageProperties(
            contentType: "application/json", contentEncoding: "utf-8", headers: headers, deliveryMode: .persistent,
            priority: 1, correlationID: "corr-1", replyTo: "replies", expiration: .seconds(600), messageID: "job-1",
            timestamp: 1_700_000_123, type: "reminder.email", appID: "relance-tests")
        let messages = [
            OutgoingMessage(exchange: exchange, routingKey: "invoice.reminder", body: #"{"invoice":"F-2024-001"}"#.bytes,
                            properties: properties),
            OutgoingMessage(exchange: exchange, routingKey: "invoice.reminder", body: [], properties: .persistent),
            OutgoingMessage(exchange: exchange, routingKey: "invoice.reminder", body: "é€ unicode".bytes),
        ]
        let outcomes = try await publisher.publish(messages)
        #expect(outcomes == [.confirmed, .confirmed, .confirmed])

        let consumer = try await consumerConnection.consume(queue: queue, prefetch: 10)
        let received = try await take(3, from: consumer)
        #expect(received.map(\.body) == messages.map(\.body))
        #expect(received[0].properties == properties)
        #expect(received[0].headers["debtor"] == ["id": .int64(42), "language": "fr"])
        #expect(received[1].properties == .persistent)
        for delivery in received {
            #expect(delivery.exchange == exchange)
            #expect(delivery.routingKey == "invoice.reminder")
            #expect(delivery.consumerTag == consumer.tag)
            #expect(!delivery.redelivered)
            #expect(delivery.deliveryCount == nil)
        }
        // One multiple-ack settles all three.
        received[2].ack(multiple: true)
        await consumer.close()
        #expect(try await publisher.queueInfo(queue).messageCount == 0)

        try await publisher.deleteQueue(queue)
        try await publisher.deleteExchange(exchange)
        await consumerConnection.close()
        await publisher.close()
    }

    @Test func messageLargerThanAFrameArrivesWhole() async throws {
        let connection = try await TestBroker.connect()
        let queue = TestBroker.uniqueName("large")
        try await connection.declareQueue(queue, durable: false, autoDelete: false)
        let body = (0..<1_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        #expect(try await connection.publish([OutgoingMessage(routingKey: queue, body: body)]) == [.confirmed])

        let consumerConnection = try await TestBroker.connect()
        let consumer = try await consumerConnection.consume(queue: queue, prefetch: 1)
        let received = try await take(1, from: consumer)
        #expect(received.first?.body == body)
        received.first?.ack()
        await consumerConnection.close()
        try await connection.deleteQueue(queue)
        await connection.close()
    }

    @Test func mandatoryMessageToNoQueueIsReturned() async throws {
        let connection = try await TestBroker.connect()
        let exchange = TestBroker.uniqueName("returns.x")
        let queue = TestBroker.uniqueName("returns.q")
        try await connection.declareExchange(exchange, type: .direct, durable: false)
        try await connection.declareQueue(queue, durable: false)
        try await connection.bindQueue(queue, exchange: exchange, routingKey: "known")

        let outcomes = try await connection.publish([
            OutgoingMessage(exchange: exchange, routingKey: "known", body: "a".bytes, mandatory: true),
            OutgoingMessage(exchange: exchange, routingKey: "nobody-listens", body: "b".bytes, mandatory: true),
            OutgoingMessage(exchange: exchange, routingKey: "known", body: "c".bytes, mandatory: true),
            OutgoingMessage(exchange: exchange, routingKey: "nobody-listens", body: "d".bytes, mandatory: false),
            OutgoingMessage(exchange: exchange, routingKey: "nobody-listens", body: "e".bytes, mandatory: true),
        ])
        #expect(outcomes == [
            .confirmed,
            .returned(replyCode: 312, replyText: "NO_ROUTE"),
            .confirmed,
            .confirmed, // not mandatory: silently dropped, yet confirmed
            .returned(replyCode: 312, replyText: "NO_ROUTE"),
        ])
        #expect(try await connection.queueInfo(queue).messageCount == 2)

        try await connection.deleteQueue(queue)
        try await connection.deleteExchange(exchange)
        await connection.close()
    }

    @Test func rejectWithoutRequeueGoesToTheDeadLetterQueue() async throws {
        let connection = try await TestBroker.connect()
        let deadLetters = TestBroker.uniqueName("dlx")
        let deadLetterQueue = TestBroker.uniqueName("dlq")
        let queue = TestBroker.uniqueName("work")
        try await connection.declareExchange(deadLetters, type: .direct)
        try await connection.declareQueue(deadLetterQueue, arguments: ["x-queue-type": "quorum"])
        try await connection.bindQueue(deadLetterQueue, exchange: deadLetters, routingKey: "dead.email")
        try await connection.declareQueue(queue, arguments: [
            "x-queue-type": "quorum",
            "x-dead-letter-exchange": .string(deadLetters),
            "x-dead-letter-routing-key": "dead.email",
        ])
        let message = OutgoingMessage(routingKey: queue, body: "undecodable".bytes,
                                      properties: MessageProperties(deliveryMode: .persistent, messageID: "job-dead"))
        #expect(try await connection.publish([message]) == [.confirmed])

        let workerConnection = try await TestBroker.connect()
        let worker = try await workerConnection.consume(queue: queue, prefetch: 5)
        let first = try await take(1, from: worker)
        first[0].reject(requeue: false)

        let dead = try await workerConnection.consume(queue: deadLetterQueue, prefetch: 5)
        let deadLettered = try await take(1, from: dead, "dead letters")
        #expect(deadLettered[0].body == message.body)
        #expect(deadLettered[0].properties.messageID == "job-dead")
        #expect(deadLettered[0].exchange == deadLetters)
        #expect(deadLettered[0].routingKey == "dead.email")
        deadLettered[0].ack()
        await dead.close()
        await worker.close()
        #expect(try await connection.queueInfo(queue).messageCount == 0)

        await workerConnection.close()
        try await connection.deleteQueue(queue)
        try await connection.deleteQueue(deadLetterQueue)
        try await connection.deleteExchange(deadLetters)
        await connection.close()
    }

    @Test func nackWithRequeueRedeliversWithTheRedeliveredFlag() async throws {
        let connection = try await TestBroker.connect()
        let queue = TestBroker.uniqueName("requeue")
        try await connection.declareQueue(queue, arguments: ["x-queue-type": "quorum"])
        #expect(try await connection.publish([OutgoingMessage(routingKey: queue, body: "retry me".bytes)]) == [.confirmed])

        let consumerConnection = try await TestBroker.connect()
        let consumer = try await consumerConnection.consume(queue: queue, prefetch: 1)
        var iterator = consumer.makeAsyncIterator()
        let first = try #require(try await iterator.next())
        #expect(!first.redelivered)
        first.nack(requeue: true)
        let second = try #require(try await iterator.next())
        #expect(second.body == "retry me".bytes)
        #expect(second.redelivered)
        #expect(second.deliveryCount == 1)
        second.ack()
        await consumer.close()
        #expect(try await connection.queueInfo(queue).messageCount == 0)

        await consumerConnection.close()
        try await connection.deleteQueue(queue)
        await connection.close()
    }

    @Test func prefetchBoundsUnsettledDeliveries() async throws {
        let connection = try await TestBroker.connect()
        let queue = TestBroker.uniqueName("prefetch")
        try await connection.declareQueue(queue, arguments: ["x-queue-type": "quorum"])
        let messages = (0..<20).map { OutgoingMessage(routingKey: queue, body: "m\($0)".bytes) }
        #expect(try await connection.publish(messages).allSatisfy(\.isConfirmed))

        let consumerConnection = try await TestBroker.connect()
        let consumer = try await consumerConnection.consume(queue: queue, prefetch: 5)
        var iterator = consumer.makeAsyncIterator()
        var held: [Delivery] = []
        for _ in 0..<5 { held.append(try #require(try await iterator.next())) }
        // With 5 unsettled deliveries the broker sends no more: 15 stay ready.
        #expect(try await connection.queueInfo(queue).messageCount == 15)

        held[0].ack()
        held.append(try #require(try await iterator.next()))
        #expect(held.map(\.body) == messages[0..<6].map(\.body))
        #expect(try await connection.queueInfo(queue).messageCount == 14)

        await consumer.close()
        await consumerConnection.close()
        try await connection.deleteQueue(queue)
        await connection.close()
    }

    @Test func quorumDeliveryLimitDeadLettersAfterTooManyRequeues() async throws {
        let connection = try await TestBroker.connect()
        let deadLetters = TestBroker.uniqueName("limit.dlx")
        let deadLetterQueue = TestBroker.uniqueName("limit.dlq")
        let queue = TestBroker.uniqueName("limit.work")
        try await connection.declareExchange(deadLetters, type: .fanout)
        try await connection.declareQueue(deadLetterQueue, arguments: ["x-queue-type": "quorum"])
        try await connection.bindQueue(deadLetterQueue, exchange: deadLetters, routingKey: "")
        try await connection.declareQueue(queue, arguments: [
            "x-queue-type": "quorum",
            "x-delivery-limit": 2,
            "x-dead-letter-exchange": .string(deadLetters),
            "x-dead-letter-strategy": "at-least-once",
            "x-overflow": "reject-publish",
            "x-message-ttl": 600_000,
        ])
        #expect(try await connection.publish([OutgoingMessage(routingKey: queue, body: "poison".bytes)]) == [.confirmed])

        let workerConnection = try await TestBroker.connect()
        let dead = try await workerConnection.consume(queue: deadLetterQueue, prefetch: 1)
        let worker = try await workerConnection.consume(queue: queue, prefetch: 1)
        // A worker that always fails and requeues.
        let counts = try await withDeadline(.seconds(30), "requeueing until dead-lettered") {
            let deadLettered = Task {
                var iterator = dead.makeAsyncIterator()
                let delivery = try await iterator.next()
                delivery?.ack()
                return delivery?.body
            }
            var deliveryCounts: [Int64?] = []
            for try await delivery in worker {
                deliveryCounts.append(delivery.deliveryCount)
                delivery.nack(requeue: true)
                if deliveryCounts.count == 3 { break }
            }
            #expect(try await deadLettered.value == "poison".bytes)
            return deliveryCounts
        }
        // Delivered once, then twice more (the limit), then dead-lettered.
        #expect(counts == [nil, 1, 2])
        #expect(try await connection.queueInfo(queue).messageCount == 0)

        await workerConnection.close()
        try await connection.deleteQueue(queue)
        try await connection.deleteQueue(deadLetterQueue)
        try await connection.deleteExchange(deadLetters)
        await connection.close()
    }

    @Test func missingQueueIsChannelErrorAndConnectionGoesOn() async throws {
        let connection = try await TestBroker.connect()
        let missing = TestBroker.uniqueName("missing")
        await #expect {
            try await connection.queueInfo(missing)
        } throws: { error in
            guard let error = error as? AMQPError else { return false }
            return error.code == .channelClosed && error.replyCode == 404 && !error.closesConnection
        }
        #expect(await connection.isOpen)
        let queue = TestBroker.uniqueName("after404")
        #expect(try await connection.declareQueue(queue, durable: false).messageCount == 0)
        try await connection.deleteQueue(queue)
        await connection.close()
    }

    @Test func redeclaringWithOtherArgumentsIsAPreconditionFailure() async throws {
        let connection = try await TestBroker.connect()
        let queue = TestBroker.uniqueName("mismatch")
        try await connection.declareQueue(queue, arguments: ["x-queue-type": "quorum"])
        await #expect {
            try await connection.declareQueue(queue, arguments: ["x-queue-type": "classic"])
        } throws: { error in
            (error as? AMQPError)?.replyCode == 406
        }
        try await connection.deleteQueue(queue)
        await connection.close()
    }

    @Test func purgeAndDeleteReportMessageCounts() async throws {
        let connection = try await TestBroker.connect()
        let queue = TestBroker.uniqueName("purge")
        try await connection.declareQueue(queue, durable: false)
        _ = try await connection.publish((0..<7).map { OutgoingMessage(routingKey: queue, body: [UInt8($0)]) })
        #expect(try await connection.queueInfo(queue).messageCount == 7)
        #expect(try await connection.purgeQueue(queue) == 7)
        _ = try await connection.publish([OutgoingMessage(routingKey: queue, body: [1])])
        #expect(try await connection.deleteQueue(queue) == 1)
        await connection.close()
    }

    @Test func publishingToAMissingExchangeFailsThenRecovers() async throws {
        let connection = try await TestBroker.connect()
        let missing = TestBroker.uniqueName("nowhere")
        await #expect {
            try await connection.publish([OutgoingMessage(exchange: missing, routingKey: "k", body: [1])])
        } throws: { error in
            guard let error = error as? AMQPError else { return false }
            return error.code == .channelClosed && error.replyCode == 404
        }
        let queue = TestBroker.uniqueName("afterpublish404")
        try await connection.declareQueue(queue, durable: false)
        #expect(try await connection.publish([OutgoingMessage(routingKey: queue, body: [1])]) == [.confirmed])
        try await connection.deleteQueue(queue)
        await connection.close()
    }

    @Test func cancelEndsTheSequenceAfterDeliveriesInFlight() async throws {
        let connection = try await TestBroker.connect()
        let queue = TestBroker.uniqueName("cancel")
        try await connection.declareQueue(queue, durable: false)
        _ = try await connection.publish((0..<3).map { OutgoingMessage(routingKey: queue, body: [UInt8($0)]) })
        let consumerConnection = try await TestBroker.connect()
        let consumer = try await consumerConnection.consume(queue: queue, prefetch: 10)
        var iterator = consumer.makeAsyncIterator()
        let first = try #require(try await iterator.next())
        first.ack()
        try await consumer.cancel()
        var rest: [Delivery] = []
        while let delivery = try await iterator.next() {
            rest.append(delivery)
            delivery.ack()
        }
        #expect(rest.map(\.body) == [[1], [2]])
        await consumer.close()
        #expect(try await connection.queueInfo(queue).messageCount == 0)
        await consumerConnection.close()
        try await connection.deleteQueue(queue)
        await connection.close()
    }

    @Test func idleConnectionStaysOpenThroughHeartbeats() async throws {
        var configuration = try TestBroker.configuration()
        configuration.heartbeat = .seconds(1)
        let connection = try await AMQPConnection.connect(configuration)
        let queue = TestBroker.uniqueName("heartbeat")
        try await connection.declareQueue(queue, durable: false)
        // Several heartbeat intervals with no call: the connection thread keeps it alive.
        try await Task.sleep(for: .seconds(4))
        #expect(await connection.isOpen)
        #expect(try await connection.publish([OutgoingMessage(routingKey: queue, body: [1])]) == [.confirmed])
        try await connection.deleteQueue(queue)
        await connection.close()
    }

    @Test func closedConnectionThrowsConnectionClosed() async throws {
        let connection = try await TestBroker.connect()
        await connection.close()
        #expect(!(await connection.isOpen))
        await #expect {
            try await connection.publish([OutgoingMessage(routingKey: "x", body: [1])])
        } throws: { error in
            (error as? AMQPError)?.code == .connectionClosed
        }
        await #expect {
            try await connection.declareQueue(TestBroker.uniqueName("never"))
        } throws: { error in
            (error as? AMQPError)?.closesConnection == true
        }
    }

    @Test func wrongPasswordIsAnAuthenticationFailure() async throws {
        var configuration = try TestBroker.configuration()
        configuration.password = "not-the-password"
        await #expect {
            try await AMQPConnection.connect(configuration)
        } throws: { error in
            guard let error = error as? AMQPError else { return false }
            return error.code == .authenticationFailed && !error.description.contains("not-the-password")
        }
    }

    @Test func nothingListeningIsAConnectionFailure() async throws {
        var configuration = try TestBroker.configuration()
        configuration.port = 1 // nothing listens on tcpmux here
        await #expect {
            try await AMQPConnection.connect(configuration)
        } throws: { error in
            (error as? AMQPError)?.code == .connectionFailed
        }
    }
}
