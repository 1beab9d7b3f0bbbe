import Foundation

/// Bounds how many tests run a whole pipeline on the main RabbitMQ node at once.
///
/// Each such test gives itself a virtual host with two dozen quorum queues, a relay, a
/// dispatcher and consumers on every channel. On a 2-core machine the broker creates a quorum
/// queue in about half a second under load; with every pipeline test of the suite started at
/// once, handshakes and publisher confirms missed their deadlines. A test waits here for a
/// slot before it makes its virtual host, and gives it back once the virtual host is deleted.
/// Tests on the chaos node or the cluster do not take one: they load other brokers and are
/// serialised by `ChaosLock`.
///
/// `RELANCE_TEST_BROKER_SLOTS` sets the bound (3 by default).
public actor BrokerSlots {
    public static let shared = BrokerSlots(
        limit: ProcessInfo.processInfo.environment["RELANCE_TEST_BROKER_SLOTS"].flatMap(Int.init).map { max(1, $0) } ?? 3
    )

    private let limit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    public init(limit: Int) {
        self.limit = limit
    }

    /// Runs `body` holding one slot.
    public nonisolated func withSlot<Result: Sendable>(_ body: @Sendable () async throws -> Result) async throws -> Result {
        await acquire()
        do {
            let result = try await body()
            await release()
            return result
        } catch {
            await release()
            throw error
        }
    }

    private func acquire() async {
        if running < limit {
            running += 1
        } else {
            await withCheckedContinuation { waiting.append($0) }
        }
    }

    /// Hands the slot straight to the longest waiter, if any.
    private func release() {
        if waiting.isEmpty { running -= 1 } else { waiting.removeFirst().resume() }
    }
}
