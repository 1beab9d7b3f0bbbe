import AMQP
import Foundation
import PostgresNIO
import RelanceCore
import RelancePipeline
import RelanceStore
import Testing

@Suite("Reconciler")
struct ReconcilerTests {
    @Test("Jobs whose messages were lost are published again under their own ids and finish once; finished jobs and jobs still in the outbox are left alone")
    func lostJobsPublishedAgain() async throws {
        let due = try CalendarDate(iso: "2026-03-02")
        try await PipelineHarness.run(start: PipelineHarness.morning(due.adding(days: 3))) { harness in
            _ = try await harness.seed(debtors: 4, due: due, today: due.adding(days: -10))
            try await harness.dispatchAll()
            #expect(try await harness.jobCount == 4)
            // The relay took the jobs, and their messages never reached a queue.
            try await harness.client.query("DELETE FROM outbox", logger: harness.logger)

            var configuration = ReconcilerConfiguration()
            configuration.deadline = .seconds(600)
            let reconciler = JobReconciler(
                outbox: OutboxStore(client: harness.client, logger: harness.logger), clock: harness.clock,
                configuration: configuration, logger: harness.logger
            )
            // Not yet past the deadline: nothing.
            #expect(try await reconciler.reconcileOnce() == 0)
            harness.clock.advance(by: 601)
            #expect(try await reconciler.reconcileOnce() == 4)
            // Back in the outbox already: not twice.
            #expect(try await reconciler.reconcileOnce() == 0)
            #expect(try await OutboxStore(client: harness.client, logger: harness.logger).pendingCount() == 4)

            let broker = try harness.jobBroker()
            try await harness.publishAll(harness.relay())
            let worker = try harness.worker()
            let workers = BackgroundService { try await worker.run() }
            #expect(try await harness.waitForOutcomes())
            await workers.stop()
            await broker.close()
            // The same four jobs, each with one outcome; nothing left to reconcile.
            #expect(try await harness.jobCount == 4)
            #expect(try await harness.count("SELECT count(*)::int8 FROM job_outcomes WHERE outcome = 'recorded'") == 4)
            #expect(try await reconciler.reconcileOnce() == 0)
        }
    }
}
