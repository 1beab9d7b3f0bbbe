import Foundation
import RelanceCore
import RelancePipeline
import Testing

/// The in-memory broker keeps the promises of `JobSubscription` the worker relies on.
@Suite("In-memory job broker")
struct MemoryJobBrokerTests {
    static func bodies(_ batch: [MemoryJobBroker.Message]?) -> [String] {
        (batch ?? []).map { String(decoding: $0.body, as: UTF8.self) }
    }

    static func broker(with messages: [String]) -> MemoryJobBroker {
        let broker = MemoryJobBroker()
        for message in messages { broker.enqueue(body: Array(message.utf8), on: .letter) }
        return broker
    }

    @Test("A batch holds at most prefetch unacknowledged messages; acknowledging makes room")
    func prefetchBoundsBatches() async throws {
        let broker = Self.broker(with: ["a", "b", "c"])
        let subscription = broker.subscribe(to: .registeredLetter, prefetch: 2, logger: PipelineFixture.logger)
        var batches = subscription.batches()

        let first = try await batches.nextBatch()
        #expect(Self.bodies(first) == ["a", "b"])
        #expect(broker.unacknowledgedCount(.letter) == 2)
        subscription.acknowledge(first ?? [])
        #expect(Self.bodies(try await batches.nextBatch()) == ["c"])
        #expect(broker.queuedCount(.letter) == 0)
        await subscription.close()
    }

    @Test("Messages handed back come first again, and closing gives back what was not acknowledged")
    func handBackAndClose() async throws {
        let broker = Self.broker(with: ["a", "b", "c"])
        let subscription = broker.subscribe(to: .letter, prefetch: 1, logger: PipelineFixture.logger)
        var batches = subscription.batches()

        let first = try await batches.nextBatch()
        subscription.handBack(first ?? [])
        let again = try await batches.nextBatch()
        #expect(Self.bodies(again) == ["a"])
        await subscription.close()
        #expect(broker.queuedCount(.letter) == 3)
        #expect(broker.unacknowledgedCount(.letter) == 0)
    }

    @Test("Cancelling ends the batches of a subscription waiting for messages")
    func cancelEndsWaitingReader() async throws {
        let broker = MemoryJobBroker()
        let subscription = broker.subscribe(to: .email, prefetch: 10, logger: PipelineFixture.logger)
        let reader = Task {
            var batches = subscription.batches()
            return try await batches.nextBatch()
        }
        await subscription.cancel()
        #expect(try await reader.value == nil)
        // A message published afterwards waits for another subscription.
        broker.enqueue(body: Array("a".utf8), on: .email)
        #expect(broker.queuedCount(.email) == 1)
    }
}
