import AMQP
import Foundation
import PostgresNIO
import RelanceCore
import RelancePipeline
import RelanceStore
import Testing

@Suite("The pipeline end to end, on PostgreSQL and RabbitMQ")
struct PipelineFlowTests {

    @Test("Invoices run through the whole ladder: one outcome per job, each step on its channel, on its day or the next allowed one")
    func wholeLadder() async throws {
        let due = try CalendarDate(iso: "2026-03-02")
        let start = due.adding(days: -10)
        try await PipelineHarness.run(start: PipelineHarness.morning(start)) { harness in
            let (_, invoices) = try await harness.seed(debtors: 12, due: due, today: start)
            let dispatcher = try harness.dispatcher()
            let relay = try harness.relay()
            let worker = try harness.worker()
            let workers = BackgroundService { try await worker.run() }

            for offset in -5...55 {
                harness.clock.set(PipelineHarness.morning(due.adding(days: offset)))
                try await dispatcher.claimUntilIdle()
                try await harness.publishAll(relay)
                #expect(try await harness.waitForOutcomes(), "outcomes missing on day \(offset)")
            }
            await workers.stop()

            // Exactly one outcome per job, and every one a contact (record-only channels).
            #expect(try await harness.jobCount == invoices.count * DunningPolicy.defaultFrench.steps.count)
            #expect(try await harness.jobCount == harness.outcomeCount)
            #expect(try await harness.count("SELECT count(*)::int8 FROM job_outcomes WHERE outcome <> 'recorded'") == 0)

            // Each invoice went through the default ladder's seven steps, each on its channel,
            // dispatched on its date or (letters and calls) the next working day.
            let ladder = DunningPolicy.defaultFrench
            let rows = try await harness.client.query(
                """
                SELECT s.invoice_id, s.position, s.channel, s.due_date, s.status, j.channel, o.outcome, o.completed_at
                FROM schedule_steps s JOIN jobs j ON j.id = s.job_id JOIN job_outcomes o ON o.job_id = j.id
                ORDER BY s.invoice_id, s.position
                """,
                logger: harness.logger
            )
            var done: [UUID: [Int]] = [:]
            for try await (invoice, position, channel, dueDate, status, jobChannel, outcome, completed) in rows.decode(
                (UUID, Int, String, CalendarDate, String, String, String, Date).self
            ) {
                done[invoice, default: []].append(position)
                #expect(status == "done")
                #expect(channel == ladder.steps[position].channel.rawValue)
                #expect(jobChannel == channel)
                #expect(outcome == "recorded")
                let day = CalendarDate(completed, in: PipelineHarness.paris)
                let planned = due.adding(days: ladder.steps[position].offsetDays)
                #expect(dueDate == planned)
                if channel == "email" {
                    #expect(day == planned, "email step \(position) sent on \(day), planned \(planned)")
                } else {
                    #expect(day >= planned && day <= planned.adding(days: 3), "\(channel) step \(position) on \(day), planned \(planned)")
                    #expect(!day.isWeekend, "\(channel) step \(position) on a weekend: \(day)")
                }
            }
            #expect(done.count == invoices.count)
            for (invoice, positions) in done {
                #expect(positions == Array(0..<ladder.steps.count), "invoice \(invoice) did steps \(positions)")
            }
        }
    }
}
