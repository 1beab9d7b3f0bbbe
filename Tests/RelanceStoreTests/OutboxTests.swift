import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelancePipeline
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
            let first = try await outbox.lease(limit: 10, for: .seconds(30))
            #expect(Set(first.map(\.job.id)) == Set(jobs))
            // Leased jobs are passed over by another relay while the lease lasts.
            #expect(try await outbox.lease(limit: 10, for: .seconds(30)).isEmpty)
            try await outbox.settle(
                confirmed: first.filter { $0.job.id != refused },
                failed: first.filter { $0.job.id == refused }.map { ($0, "nacked by the broker") }
            )
            #expect(try await outbox.pendingCount() == 1)
            let rows = try await client.query(
                "SELECT job_id, publish_attempts, last_publish_error, NOT EXISTS (SELECT 1 FROM outbox_leases) FROM outbox",
                logger: TestDatabase.logger
            )
            var left: [(UUID, Int, String?, Bool)] = []
            for try await row in rows.decode((UUID, Int, String?, Bool).self) { left.append(row) }
            #expect(left.count == 1)
            #expect(left.first?.0 == refused && left.first?.1 == 1 && left.first?.2 == "nacked by the broker" && left.first?.3 == true)

            // Given back, it is taken again at once, with its count of refusals.
            let second = try await outbox.lease(limit: 10, for: .seconds(30))
            #expect(second.map(\.job.id) == [refused] && second.first?.failedAttempts == 1)
            try await outbox.settle(confirmed: second, failed: [])
            #expect(try await outbox.pendingCount() == 0)
            // The jobs themselves are untouched by publishing.
            #expect(try await f.count("SELECT count(*)::int8 FROM jobs") == 3)
            #expect(try await f.count("SELECT count(DISTINCT payload::text)::int8 FROM jobs") == payloadsBefore)
        }
    }

    @Test("A relay that dies after leasing leaves every row in the outbox, taken again once the lease ends; oldest first")
    func expiredLease() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let driver = PipelineDriver(client: client)
            let jobs = try await Self.seed(f, driver: driver)
            let outbox = OutboxStore(client: client, logger: TestDatabase.logger)
            // A relay leases everything and is never heard of again.
            #expect(try await outbox.lease(limit: 10, for: .seconds(3600)).count == jobs.count)
            #expect(try await outbox.pendingCount() == jobs.count)
            #expect(try await outbox.lease(limit: 10, for: .seconds(30)).isEmpty)
            // Its lease runs out.
            try await client.query(
                "UPDATE outbox_leases SET leased_until = clock_timestamp() - interval '1 second'", logger: TestDatabase.logger
            )
            // Taken again in batches smaller than the outbox: oldest first, each job once.
            var order: [UUID] = []
            for _ in 0..<2 {
                let batch = try await outbox.lease(limit: 2, for: .seconds(30))
                order += batch.map(\.job.id)
                try await outbox.settle(confirmed: batch, failed: [])
            }
            #expect(order == jobs)
            #expect(try await outbox.pendingCount() == 0)
        }
    }
}
