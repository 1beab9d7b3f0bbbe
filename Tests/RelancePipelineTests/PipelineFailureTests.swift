import AMQP
import Foundation
import PostgresNIO
import RelanceCore
import RelancePipeline
import RelanceStore
import RelanceTestSupport
import Testing

@Suite("Failures: retries, killed workers, broker restarts")
struct PipelineFailureTests {

    @Test("A transient failure is retried through a delay queue; a permanent one is dead-lettered with outcome failed_permanent")
    func retriesAndPermanentFailures() async throws {
        let due = try CalendarDate(iso: "2026-03-02")
        try await PipelineHarness.run(start: PipelineHarness.morning(due.adding(days: 3))) { harness in
            let (_, invoices) = try await harness.seed(debtors: 3, due: due, today: due.adding(days: -10))
            try await harness.dispatchAll()
            try await harness.publishAll(harness.relay())

            // Debtor 0: fails once, then works. Debtor 1: always fails transiently (gives up at 3).
            // Debtor 2: fails permanently.
            let channel = FlakyChannel(failOnce: [invoices[0].debtorId.uuid], alwaysTransient: [invoices[1].debtorId.uuid],
                                       permanent: [invoices[2].debtorId.uuid])
            let worker = try harness.worker(channels: [channel],
                                            retry: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(300), jitter: 0.1))
            let workers = BackgroundService { try await worker.run() }
            // Retries wait in delay queues (1 s, then 2 s); a loaded machine may take much longer.
            #expect(try await harness.waitForOutcomes(timeout: .seconds(120)))
            await workers.stop()

            let rows = try await harness.client.query(
                "SELECT debtor_id, outcome, attempts, detail->>'reason' FROM job_outcomes", logger: harness.logger
            )
            var outcomes: [UUID: (String, Int, String?)] = [:]
            for try await (debtor, outcome, attempts, reason) in rows.decode((UUID, String, Int, String?).self) {
                outcomes[debtor] = (outcome, attempts, reason)
            }
            #expect(outcomes[invoices[0].debtorId.uuid]?.0 == "sent")
            #expect(outcomes[invoices[0].debtorId.uuid]?.1 == 2)
            #expect(outcomes[invoices[1].debtorId.uuid]?.0 == "failed")
            #expect(outcomes[invoices[1].debtorId.uuid]?.1 == 3)
            #expect(outcomes[invoices[1].debtorId.uuid]?.2?.contains("gave up after 3 attempts") == true)
            #expect(outcomes[invoices[2].debtorId.uuid]?.0 == "failed_permanent")
            #expect(outcomes[invoices[2].debtorId.uuid]?.1 == 1)
            #expect(channel.attempts(invoices[1].debtorId.uuid) == 3)

            let connection = try await AMQPConnection.connect(try harness.amqp)
            let dead = try await connection.queueInfo(JobTopology.deadLetterQueue(for: .email))
            await connection.close()
            #expect(dead.messageCount == 2)
        }
    }

    @Test("kill -9 of a worker process mid-run, then a restart: every job gets exactly one outcome")
    func killedWorker() async throws {
        let due = try CalendarDate(iso: "2026-03-02")
        try await PipelineHarness.run(start: PipelineHarness.morning(due.adding(days: 3))) { harness in
            _ = try await harness.seed(debtors: 3000, due: due, today: due.adding(days: -10))
            try await harness.dispatcher(batchSize: 2000).claimUntilIdle()
            try await harness.publishAll(harness.relay())
            let jobs = try await harness.jobCount
            #expect(jobs == 3000)

            let first = try WorkerProcess.start(harness)
            #expect(try await harness.wait(timeout: .seconds(60)) { try await harness.outcomeCount >= 300 })
            first.kill9()
            let afterKill = try await harness.outcomeCount
            #expect(afterKill < jobs, "the worker was killed before it finished")

            let second = try WorkerProcess.start(harness)
            let finished = try await harness.waitForOutcomes(timeout: .seconds(120))
            second.terminate()
            #expect(finished)
            #expect(try await harness.outcomeCount == jobs)
            #expect(try await harness.count("SELECT count(DISTINCT job_id)::int8 FROM job_outcomes") == jobs)
            #expect(try await harness.count("SELECT count(*)::int8 FROM schedule_steps WHERE status = 'dispatched'") == 0)
            let connection = try await AMQPConnection.connect(try harness.amqp)
            let left = try await connection.queueInfo(JobTopology.queue(for: .email))
            let dead = try await connection.queueInfo(JobTopology.deadLetterQueue(for: .email))
            await connection.close()
            #expect(left.messageCount == 0)
            #expect(dead.messageCount == 0)
        }
    }

    @Test("RabbitMQ restarted mid-run: the run completes and nothing is lost")
    func brokerRestart() async throws {
        guard await TestServices.chaosTestsEnabled() else {
            print("skipped: the chaos RabbitMQ node (deploy/chaos-broker.sh up) is not running")
            return
        }
        let due = try CalendarDate(iso: "2026-03-02")
        try await ChaosLock.withLock {
        // A node left stopped by an interrupted run is started again first.
        try await TestServices.rabbitmqctl(node: TestServices.chaosNode, "start_app")
        try await PipelineHarness.run(broker: .chaos, start: PipelineHarness.morning(due.adding(days: 3))) { harness in
            _ = try await harness.seed(debtors: 2000, due: due, today: due.adding(days: -10))
            let relay = try harness.relay()
            try await harness.dispatcher(batchSize: 2000).claimUntilIdle()
            let worker = try harness.worker(prefetch: 20)
            let workers = BackgroundService { try await worker.run() }
            let relaying = BackgroundService { try await relay.run() }

            #expect(try await harness.wait(timeout: .seconds(60)) { try await harness.outcomeCount >= 200 })
            try await TestServices.rabbitmqctl(node: TestServices.chaosNode, "stop_app")
            try await Task.sleep(for: .seconds(2))
            try await TestServices.rabbitmqctl(node: TestServices.chaosNode, "start_app")
            try await TestServices.rabbitmqctl(node: TestServices.chaosNode, "await_startup")

            let finished = try await harness.waitForOutcomes(timeout: .seconds(120))
            await relaying.stop()
            await workers.stop()
            #expect(finished)
            #expect(try await harness.jobCount == 2000)
            #expect(try await harness.outcomeCount == 2000)
            #expect(try await harness.count("SELECT count(*)::int8 FROM outbox") == 0)
        }
        }
    }
}

/// A channel that fails on purpose, for some debtors.
final class FlakyChannel: ReminderChannel, @unchecked Sendable {
    let channels = Set(Channel.allCases)
    private let lock = NSLock()
    private var tries: [UUID: Int] = [:]
    let failOnce: Set<UUID>
    let alwaysTransient: Set<UUID>
    let permanent: Set<UUID>

    init(failOnce: Set<UUID>, alwaysTransient: Set<UUID>, permanent: Set<UUID>) {
        self.failOnce = failOnce
        self.alwaysTransient = alwaysTransient
        self.permanent = permanent
    }

    func attempts(_ debtor: UUID) -> Int { lock.withLock { tries[debtor] ?? 0 } }

    func perform(_ job: ChannelJob) async throws(RelancePipeline.ChannelError) -> ChannelDelivery {
        let debtor = job.job.debtorId
        let count = lock.withLock { () -> Int in
            tries[debtor, default: 0] += 1
            return tries[debtor]!
        }
        if permanent.contains(debtor) { throw .permanent("mailbox does not exist") }
        if alwaysTransient.contains(debtor) { throw .transient("server busy") }
        if failOnce.contains(debtor) && count == 1 { throw .transient("connection reset") }
        return ChannelDelivery(outcome: .sent)
    }
}
