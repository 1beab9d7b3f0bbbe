import AMQP
import Foundation
import PostgresNIO
import RelanceCore
import RelancePipeline
import RelanceRuntime
import RelanceStore
import Testing

/// An operators' pause through RabbitMQ and PostgreSQL: a job published before its channel was
/// paused waits in a retry queue — nobody contacted, no outcome, no dead letter, its attempt
/// kept — and is acted on, as its first attempt, once the channel is resumed.
@Suite("Operators' pauses through the broker")
struct PauseHoldFlowTests {
    static let due = try! CalendarDate(iso: "2026-03-02")

    @Test("A job published before a channel pause is held while paused and acted on once resumed, as attempt 1")
    func heldUntilResumed() async throws {
        try await PipelineHarness.run(start: PipelineHarness.morning(Self.due.adding(days: 3))) { harness in
            _ = try await harness.seed(debtors: 1, due: Self.due, today: Self.due.adding(days: -10))
            try await harness.dispatchAll()
            try await harness.publishAll(harness.relay())
            #expect(try await harness.jobCount == 1)

            let pauses = OperatorPauses(client: harness.client, logger: harness.logger)
            _ = try await pauses.pause(PauseTarget(.email), reason: "SMTP relay blacklisted", actor: "cli:test@host")

            // The shortest hold the retry tiers allow.
            var settings = harness.settings(.workers, poolConnections: 4)
            settings.pausedHoldDelay = JobTopology.retryTiers[0]
            let channel = AttemptsChannel()
            let pipeline = try buildPipelineServices(
                database: harness.databaseURL, amqp: try harness.amqp, settings: settings, reference: harness.reference,
                channels: [channel], clock: harness.clock, logger: harness.logger
            )
            let worker = InProcessWorker(pipeline: pipeline, logger: harness.logger)
            let workers = BackgroundService { try await worker.run() }

            let connection = try await AMQPConnection.connect(try harness.amqp)
            let holdQueue = JobTopology.retryQueue(for: .email, tier: 0)
            // Taken and held in the hold queue; then round again, twice, as each hold expires.
            #expect(try await harness.wait(timeout: .seconds(30)) { try await connection.queueInfo(holdQueue).messageCount == 1 })
            try await Task.sleep(for: .seconds(12))
            #expect(channel.jobs.isEmpty)
            #expect(try await harness.outcomeCount == 0)
            #expect(try await connection.queueInfo(JobTopology.deadLetterQueue(for: .email)).messageCount == 0)
            #expect(try await harness.count("SELECT count(*)::int8 FROM job_claims") == 0)

            _ = try await pauses.resume(PauseTarget(.email), reason: "relay delisted", actor: "cli:test@host")
            #expect(try await harness.waitForOutcomes(timeout: .seconds(30)))
            await workers.stop()

            #expect(channel.jobs.count == 1)
            #expect(channel.jobs.first?.attempt == 1)
            #expect(try await harness.count("SELECT count(*)::int8 FROM job_outcomes WHERE outcome = 'sent' AND attempts = 1") == 1)
            #expect(try await connection.queueInfo(JobTopology.deadLetterQueue(for: .email)).messageCount == 0)
            await connection.close()
        }
    }
}
