import AMQP
import Foundation
import PostgresNIO
import RelanceCore
import RelancePipeline
import RelanceStore
import Testing

@Suite("Outbox limit")
struct OutboxLimitTests {
    @Test("A dispatcher pauses while the outbox is full, leaving the rest planned, and resumes as the relay publishes")
    func pausesAndResumes() async throws {
        let due = try CalendarDate(iso: "2026-03-02")
        try await PipelineHarness.run(start: PipelineHarness.morning(due.adding(days: 3))) { harness in
            _ = try await harness.seed(debtors: 40, due: due, today: due.adding(days: -10))
            let now = harness.clock.now()
            func stillDue() async throws -> Int {
                try await harness.count("SELECT count(*)::int8 FROM schedule_steps WHERE status = 'planned' AND due_at <= \(now)")
            }
            let dueAtStart = try await stillDue()
            #expect(dueAtStart >= 40, "one step or more due per invoice")

            // Batches of 4, two claimers, a limit of 10: a claimer claims only while fewer than
            // 10 jobs wait, so the outbox never holds more than 9 + 2 × 4.
            let dispatcher = try harness.dispatcher(batchSize: 4, outboxLimit: 10)
            let dispatching = BackgroundService { try await dispatcher.run() }
            // Wait until the dispatcher has stopped claiming: the same job count for half a second.
            var jobs = 0, unchanged = 0
            for _ in 0..<400 where unchanged < 10 {
                try await Task.sleep(for: .milliseconds(50))
                let count = try await harness.jobCount
                unchanged = count == jobs && count > 0 ? unchanged + 1 : 0
                jobs = count
            }
            #expect(jobs >= 10 && jobs <= 17)
            #expect(try await harness.count("SELECT count(*)::int8 FROM outbox") == jobs)
            // The debtors not reached yet still have their due steps planned, untouched.
            #expect(try await stillDue() > 0)
            #expect(try await harness.count("SELECT count(DISTINCT debtor_id)::int8 FROM schedule_steps WHERE status = 'planned' AND due_at <= \(now)") == 40 - jobs)

            // The relay publishes; the dispatcher claims again each time the outbox has room.
            let relay = try harness.relay()
            dispatcher.wake.signal()
            for _ in 0..<200 {
                try await harness.publishAll(relay)
                dispatcher.wake.signal()
                if try await harness.jobCount == 40, try await harness.count("SELECT count(*)::int8 FROM outbox") == 0 { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            await dispatching.stop()
            #expect(try await harness.jobCount == 40)
            #expect(try await harness.count("SELECT count(*)::int8 FROM outbox") == 0)
            #expect(try await stillDue() == 0)
        }
    }
}
