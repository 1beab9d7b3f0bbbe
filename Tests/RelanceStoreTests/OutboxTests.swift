import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelanceStore
import Synchronization
import Testing

/// The outbox between the dispatcher and the broker: every job written is queued once; a job is
/// dequeued only when the broker confirmed it, and a refused one keeps its place with the reason.
@Suite("Outbox")
struct OutboxTests {
    struct Failure: Error {}

    /// Dispatches three invoices' due steps: three jobs, three outbox rows.
    static func seed(_ f: StoreFixture, driver: PipelineDriver) async throws -> [UUID] {
        let parties = try await f.parties()
        let invoices = try (1...3).map { try StoreFixture.invoice(parties.debtor, number: "O-\($0)") }
        try await f.intake.add(invoices, today: StoreFixture.day("2025-04-25"))
        let dispatched = try await driver.dispatchDue(at: InvoicePlanningTests.utc("2025-04-25T09:00:00Z"))
        return dispatched.map(\.job)
    }

    @Test("Confirmed jobs leave the outbox; a refused one stays, with its error and attempt count, and goes out first next time")
    func confirmedAndRefused() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let driver = PipelineDriver(client: client)
            let jobs = try await Self.seed(f, driver: driver)
            #expect(jobs.count == 3)
            let outbox = OutboxStore(client: client, logger: TestDatabase.logger)
            #expect(try await outbox.pendingCount() == 3)
            let payloadsBefore = try await f.count("SELECT count(DISTINCT payload::text)::int8 FROM jobs")

            let refused = jobs[1]
            let seen = Mutex<[UUID]>([])
            let first = try await outbox.publishPending(limit: 10) { batch in
                seen.withLock { $0 = batch.map(\.id) }
                var results: [UUID: OutboxStore.PublishResult] = [:]
                for job in batch { results[job.id] = job.id == refused ? .failed(reason: "nacked by the broker") : .confirmed }
                return results
            }
            #expect(first.published == 2 && first.failed == 1)
            #expect(Set(seen.withLock { $0 }) == Set(jobs))
            #expect(try await outbox.pendingCount() == 1)
            let rows = try await client.query(
                "SELECT job_id, publish_attempts, last_publish_error FROM outbox", logger: TestDatabase.logger
            )
            var left: [(UUID, Int, String?)] = []
            for try await row in rows.decode((UUID, Int, String?).self) { left.append(row) }
            #expect(left.count == 1)
            #expect(left.first?.0 == refused && left.first?.1 == 1 && left.first?.2 == "nacked by the broker")

            // A job the publisher reports nothing for counts as not confirmed.
            let second = try await outbox.publishPending(limit: 10) { _ in [:] }
            #expect(second.published == 0 && second.failed == 1)
            let third = try await outbox.publishPending(limit: 10) { batch in
                Dictionary(uniqueKeysWithValues: batch.map { ($0.id, OutboxStore.PublishResult.confirmed) })
            }
            #expect(third.published == 1 && third.failed == 0)
            #expect(try await outbox.pendingCount() == 0)
            // The jobs themselves are untouched by publishing.
            #expect(try await f.count("SELECT count(*)::int8 FROM jobs") == 3)
            #expect(try await f.count("SELECT count(DISTINCT payload::text)::int8 FROM jobs") == payloadsBefore)
        }
    }

    @Test("A relay that fails between taking rows and committing leaves every row in the outbox")
    func failureKeepsRows() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let driver = PipelineDriver(client: client)
            let jobs = try await Self.seed(f, driver: driver)
            let outbox = OutboxStore(client: client, logger: TestDatabase.logger)
            await #expect(throws: Failure.self) {
                try await outbox.publishPending(limit: 10) { _ in throw Failure() }
            }
            #expect(try await outbox.pendingCount() == jobs.count)
            // Taken in batches smaller than the outbox: oldest first, each job once.
            let order = Mutex<[UUID]>([])
            for _ in 0..<2 {
                try await outbox.publishPending(limit: 2) { batch in
                    order.withLock { $0 += batch.map(\.id) }
                    return Dictionary(uniqueKeysWithValues: batch.map { ($0.id, OutboxStore.PublishResult.confirmed) })
                }
            }
            #expect(Set(order.withLock { $0 }) == Set(jobs) && order.withLock { $0 }.count == jobs.count)
            #expect(try await outbox.pendingCount() == 0)
        }
    }
}
