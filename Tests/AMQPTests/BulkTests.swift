import AMQP
import Testing

@Suite("Bulk publish and consume")
struct BulkTests {
    /// 20 000 persistent messages to a quorum queue in one batch, then consumed with
    /// prefetch 500 and one ack each. Prints the rates seen (not asserted: they depend on
    /// the machine and its load).
    @Test func twentyThousandMessagesAreConfirmedAndConsumedOnce() async throws {
        let count = 20_000
        let publisher = try await TestBroker.connect()
        let queue = TestBroker.uniqueName("bulk")
        try await publisher.declareQueue(queue, arguments: ["x-queue-type": "quorum"])
        let padding = [UInt8](repeating: 0x2E, count: 240)
        let messages = (0..<count).map { index in
            OutgoingMessage(routingKey: queue, body: Array("\(index)|".utf8) + padding,
                            properties: MessageProperties(deliveryMode: .persistent, messageID: String(index)))
        }

        let clock = ContinuousClock()
        let publishStart = clock.now
        let outcomes = try await publisher.publish(messages)
        let publishTime = clock.now - publishStart
        #expect(outcomes.count == count)
        #expect(outcomes.allSatisfy { $0.isConfirmed })

        let consumerConnection = try await TestBroker.connect()
        let consumer = try await consumerConnection.consume(queue: queue, prefetch: 500)
        let consumeStart = clock.now
        let seen = try await withDeadline(.seconds(120), "consuming \(count) messages") {
            var seen = Set<String>()
            for try await delivery in consumer {
                seen.insert(delivery.properties.messageID ?? "")
                delivery.ack()
                if seen.count == count { break }
            }
            return seen
        }
        let consumeTime = clock.now - consumeStart
        #expect(seen == Set((0..<count).map(String.init)))
        await consumer.close()
        #expect(try await publisher.queueInfo(queue).messageCount == 0)

        func rate(_ duration: Duration) -> Int {
            let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            return Int(Double(count) / max(seconds, 1e-9))
        }
        print("bulk: published \(count) confirmed messages at \(rate(publishTime)) msg/s; consumed and acked at \(rate(consumeTime)) msg/s (prefetch 500)")

        await consumerConnection.close()
        try await publisher.deleteQueue(queue)
        await publisher.close()
    }
}
