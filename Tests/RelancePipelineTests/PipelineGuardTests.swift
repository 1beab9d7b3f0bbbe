import AMQP
import Foundation
import PostgresNIO
import RelanceCore
import RelancePipeline
import RelanceStore
import Testing

@Suite("Guards and dead letters")
struct PipelineGuardTests {

    @Test("A payment recorded after dispatch but before the worker takes the job: skipped_paid, nobody contacted")
    func paymentAfterDispatch() async throws {
        let due = try CalendarDate(iso: "2026-03-02")
        try await PipelineHarness.run(start: PipelineHarness.morning(due.adding(days: 3))) { harness in
            let (_, invoices) = try await harness.seed(debtors: 3, due: due, today: due.adding(days: -10))
            try await harness.dispatchAll()
            try await harness.publishAll(harness.relay())
            #expect(try await harness.jobCount == 3)

            // The first debtor pays in full before any worker runs.
            let paid = invoices[0]
            _ = try await harness.transitions.recordPayment(
                Payment(invoiceId: paid.id, date: due.adding(days: 3), amount: paid.amount), today: due.adding(days: 3)
            )

            let channel = CountingChannel()
            let worker = try harness.worker(channels: [channel])
            let workers = BackgroundService { try await worker.run() }
            #expect(try await harness.waitForOutcomes())
            await workers.stop()

            let rows = try await harness.client.query(
                "SELECT j.debtor_id, o.outcome FROM job_outcomes o JOIN jobs j ON j.id = o.job_id", logger: harness.logger
            )
            var outcomes: [UUID: String] = [:]
            for try await (debtor, outcome) in rows.decode((UUID, String).self) { outcomes[debtor] = outcome }
            #expect(outcomes[paid.debtorId.uuid] == "skipped_paid")
            #expect(outcomes[invoices[1].debtorId.uuid] == "sent")
            #expect(outcomes[invoices[2].debtorId.uuid] == "sent")
            #expect(channel.contacted.sorted() == [invoices[1].debtorId.uuid, invoices[2].debtorId.uuid].sorted())
        }
    }

    @Test("The guard's today is the debtor's: a promise to pay by today still holds in the evening in Martinique, when Paris is already tomorrow")
    func promiseInDebtorsZone() async throws {
        let due = try CalendarDate(iso: "2026-03-02")
        let promiseDay = due.adding(days: 3)  // Thursday 2026-03-05
        let martinique = try #require(TimeZone(identifier: "America/Martinique"))
        // 11:00 in Martinique: inside every contact window there, so the step is dispatched now.
        try await PipelineHarness.run(start: promiseDay.moment(hour: 11, minute: 0, in: martinique)) { harness in
            let (_, invoices) = try await harness.seed(
                debtors: 1, due: due, today: due.adding(days: -10), timeZone: "America/Martinique"
            )
            try await harness.dispatchAll()
            try await harness.publishAll(harness.relay())
            #expect(try await harness.jobCount == 1)

            // The debtor promises to pay by the end of the day; the worker takes the job at
            // 22:00 there, which is 03:00 the next day in Paris.
            _ = try await harness.transitions.promise(invoices[0].id, payBy: promiseDay, on: promiseDay)
            harness.clock.set(promiseDay.moment(hour: 22, minute: 0, in: martinique))

            let channel = CountingChannel()
            let worker = try harness.worker(channels: [channel])
            let workers = BackgroundService { try await worker.run() }
            #expect(try await harness.waitForOutcomes())
            await workers.stop()

            let outcome = try await harness.client.query("SELECT outcome FROM job_outcomes", logger: harness.logger)
            var outcomes: [String] = []
            for try await kind in outcome.decode(String.self) { outcomes.append(kind) }
            #expect(outcomes == ["skipped_promise"])
            #expect(channel.contacted.isEmpty)
        }
    }

    @Test("A malformed message, a job for an unknown tenant and an unknown job are dead-lettered with the reason")
    func deadLetters() async throws {
        try await PipelineHarness.run(start: Date()) { harness in
            let due = try CalendarDate(iso: "2026-03-02")
            let (tenant, invoices) = try await harness.seed(debtors: 1, due: due, today: due.adding(days: -10))
            let broker = try harness.jobBroker()
            let stranger = ReminderJob(
                jobId: UUID(), tenantId: UUID(), debtorId: UUID(), channel: .email,
                steps: [ReminderJob.Step(stepId: UUID(), invoiceId: UUID(), position: 0, templateKey: "reminder.courteous")],
                createdAt: Date()
            )
            // A well-formed job of a real tenant and invoice that the dispatcher never wrote.
            let forged = ReminderJob(
                jobId: UUID(), tenantId: tenant.id.uuid, debtorId: invoices[0].debtorId.uuid, channel: .email,
                steps: [ReminderJob.Step(stepId: UUID(), invoiceId: invoices[0].id.uuid, position: 0, templateKey: "reminder.courteous")],
                createdAt: Date()
            )
            let messages = [
                OutgoingMessage(exchange: JobTopology.jobsExchange, routingKey: "email", body: Array("{not json".utf8),
                                properties: .persistent, mandatory: true),
                OutgoingMessage(exchange: JobTopology.jobsExchange, routingKey: "email", body: [UInt8](stranger.encoded()),
                                properties: .persistent, mandatory: true),
                OutgoingMessage(exchange: JobTopology.jobsExchange, routingKey: "email", body: [UInt8](forged.encoded()),
                                properties: .persistent, mandatory: true),
            ]
            let published = try await broker.publisher.publish(messages)
            #expect(published.allSatisfy { $0.isConfirmed })

            let worker = try harness.worker()
            let workers = BackgroundService { try await worker.run() }
            let connection = try await AMQPConnection.connect(try harness.amqp)
            var reasons: [String] = []
            let deadLettered = try await harness.wait {
                let info = try await connection.queueInfo(JobTopology.deadLetterQueue(for: .email))
                return info.messageCount == 3
            }
            #expect(deadLettered)
            await workers.stop()
            let consumer = try await connection.consume(queue: JobTopology.deadLetterQueue(for: .email), prefetch: 10)
            for try await delivery in consumer {
                reasons.append(delivery.headers[AMQPJobBroker.reasonHeader]?.stringValue ?? "")
                delivery.ack()
                if reasons.count == 3 { break }
            }
            await consumer.close()
            await connection.close()
            await broker.close()
            #expect(reasons.contains { $0.hasPrefix("undecodable:") && $0.contains("malformed JSON") })
            #expect(reasons.contains { $0 == "unknown tenant \(stranger.tenantId)" })
            #expect(reasons.contains { $0 == "unknown job \(forged.jobId) for tenant \(tenant.id.uuid)" })
            #expect(try await harness.outcomeCount == 0)
            let check = try await AMQPConnection.connect(try harness.amqp)
            let left = try await check.queueInfo(JobTopology.queue(for: .email))
            await check.close()
            #expect(left.messageCount == 0)
        }
    }

    @Test("Two dispatchers at once never dispatch a step twice")
    func twoDispatchers() async throws {
        let due = try CalendarDate(iso: "2026-03-02")
        try await PipelineHarness.run(start: PipelineHarness.morning(due.adding(days: 3))) { harness in
            _ = try await harness.seed(debtors: 600, due: due, today: due.adding(days: -10))
            let first = try harness.dispatcher(batchSize: 50)
            let second = try harness.dispatcher(batchSize: 50)
            async let a = first.claimUntilIdle()
            async let b = second.claimUntilIdle()
            let (summaryA, summaryB) = try await (a, b)
            #expect(summaryA.dispatched > 0 && summaryB.dispatched > 0, "both dispatchers took part")
            #expect(summaryA.dispatched + summaryB.dispatched == 600)

            // Every dispatched step is carried by exactly one job.
            let rows = try await harness.client.query("SELECT payload::text FROM jobs", logger: harness.logger)
            var carried: [UUID] = []
            for try await payload in rows.decode(String.self) {
                let job = try ReminderJob.decode(Data(payload.utf8))
                carried.append(contentsOf: job.steps.map(\.stepId))
                // The outbox keeps the message exactly as the dispatcher wrote it.
                #expect(String(decoding: job.encoded(), as: UTF8.self) == payload)
            }
            #expect(carried.count == 600)
            #expect(Set(carried).count == 600)
            #expect(try await harness.count("SELECT count(*)::int8 FROM schedule_steps WHERE status = 'dispatched'") == 600)
        }
    }
}

/// A channel that records whom it contacted.
final class CountingChannel: ReminderChannel, @unchecked Sendable {
    let channels = Set(Channel.allCases)
    private let lock = NSLock()
    private var debtors: [UUID] = []

    var contacted: [UUID] { lock.withLock { debtors } }

    func perform(_ job: ChannelJob) async throws(RelancePipeline.ChannelError) -> ChannelDelivery {
        lock.withLock { debtors.append(job.job.debtorId) }
        return ChannelDelivery(outcome: .sent)
    }
}
