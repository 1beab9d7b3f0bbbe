import AMQP
import Testing

/// The reconnecting publisher and consumer given several brokers, against the main broker
/// and an address where nothing listens (the cluster tests stop real nodes).
@Suite("Broker lists")
struct BrokerListTests {
    @Test func aBrokerThatDoesNotAnswerIsSkipped() async throws {
        let queue = TestBroker.uniqueName("brokerlist")
        let main = try TestBroker.configuration()
        var silent = main
        silent.host = "127.0.0.1"
        silent.port = 1
        let brokers = [silent, main]
        let setup: @Sendable (AMQPConnection) async throws -> Void = { connection in
            try await connection.declareQueue(queue, arguments: ["x-queue-type": "quorum"])
        }
        let backoff = Backoff(initial: .milliseconds(10), maximum: .milliseconds(100))

        let publisher = ReconnectingPublisher(brokers: brokers, backoff: backoff, setup: setup)
        let outcomes = try await withDeadline(.seconds(30), "publishing") {
            try await publisher.publish([OutgoingMessage(routingKey: queue, body: Array("hello".utf8))])
        }
        #expect(outcomes == [.confirmed])
        #expect(await publisher.currentBroker == main)

        let consumer = ReconnectingConsumer(brokers: brokers, queue: queue, prefetch: 10, backoff: backoff, setup: setup)
        let body = try await withDeadline(.seconds(30), "consuming") {
            var iterator = consumer.makeAsyncIterator()
            let delivery = try #require(try await iterator.next())
            delivery.ack()
            return delivery.body
        }
        #expect(body.text == "hello")
        #expect(await consumer.currentBroker == main)
        #expect(await consumer.reconnectCount == 0)

        await consumer.close()
        await publisher.close()
        let cleanup = try await TestBroker.connect()
        try await cleanup.deleteQueue(queue)
        await cleanup.close()
    }

    @Test("A batch the broker nacks makes the publisher reconnect, so that the next batch goes out on a fresh connection")
    func nackedBatchReconnects() async throws {
        let queue = TestBroker.uniqueName("nacked")
        let main = try TestBroker.configuration()
        // A queue that refuses every message: the broker nacks each publish to it.
        let setup: @Sendable (AMQPConnection) async throws -> Void = { connection in
            try await connection.declareQueue(queue, arguments: ["x-max-length": 0, "x-overflow": "reject-publish"])
        }
        let publisher = ReconnectingPublisher(brokers: [main], backoff: Backoff(initial: .milliseconds(10), maximum: .milliseconds(100)),
                                              setup: setup)
        let first = try await withDeadline(.seconds(30), "publishing") {
            try await publisher.publish([OutgoingMessage(routingKey: queue, body: Array("refused".utf8))])
        }
        #expect(first == [.nacked])
        #expect(await publisher.currentBroker == nil, "the connection that was nacked is still in use")
        let second = try await withDeadline(.seconds(30), "publishing again") {
            try await publisher.publish([OutgoingMessage(routingKey: queue, body: Array("refused again".utf8))])
        }
        #expect(second == [.nacked])
        #expect(await publisher.reconnectCount == 1)

        await publisher.close()
        let cleanup = try await TestBroker.connect()
        try await cleanup.deleteQueue(queue)
        await cleanup.close()
    }
}
