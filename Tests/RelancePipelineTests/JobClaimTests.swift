import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelancePipeline
import RelanceStore
import Synchronization
import Testing

/// Claims on PostgreSQL: a job is in one worker's hands at a time, so two copies of it (the
/// relay published it again, a delivery came back after its connection was lost) never
/// contact the debtor twice.
@Suite("Job claims")
struct JobClaimTests {
    static let due = try! CalendarDate(iso: "2026-03-02")

    /// A message as a broker delivers it.
    struct Copy: InboundJob {
        var body: [UInt8]
        var attempt: Int
        var isLive: Bool { true }
    }

    /// Dispatches one job per debtor; returns the jobs as the worker sees them, and their messages.
    static func dispatched(_ harness: PipelineHarness, debtors: Int) async throws -> [(claim: JobClaim, payload: [UInt8], job: ReminderJob)] {
        _ = try await harness.seed(debtors: debtors, due: due, today: due.adding(days: -10))
        try await harness.dispatchAll()
        let rows = try await harness.client.query("SELECT payload::text FROM jobs ORDER BY created_at, id", logger: harness.logger)
        var jobs: [(claim: JobClaim, payload: [UInt8], job: ReminderJob)] = []
        for try await text in rows.decode(String.self) {
            let job = try ReminderJob.decode(Data(text.utf8))
            jobs.append((JobClaim(jobId: job.jobId, tenantId: job.tenantId, attempt: 1), Array(text.utf8), job))
        }
        #expect(jobs.count == debtors)
        return jobs
    }

    func claimRows(_ harness: PipelineHarness) async throws -> Int {
        try await harness.count("SELECT count(*)::int8 FROM job_claims")
    }

    @Test("One holder per job and attempt; a later attempt, the same holder or an ended claim is granted; an outcome ends the claim, and a finished job is never granted")
    func claimRules() async throws {
        try await PipelineHarness.run(start: PipelineHarness.morning(Self.due.adding(days: 3))) { harness in
            let jobs = try await Self.dispatched(harness, debtors: 3)
            let store = WorkerStore(client: harness.client, logger: harness.logger)
            let (first, second) = (UUID(), UUID())
            let all = jobs.map(\.claim)
            let ids = Set(all.map(\.jobId))

            #expect(try await store.claim(all, holder: first, for: .seconds(60)) == ids)
            #expect(try await store.claim(all, holder: second, for: .seconds(60)).isEmpty, "another copy is in hand")
            #expect(try await store.claim(all, holder: first, for: .seconds(60)) == ids, "a batch prepared again keeps its claims")

            // A retry (attempt 2) supersedes the claim of attempt 1; a late copy of attempt 1 waits.
            var retried = all[0]
            retried.attempt = 2
            #expect(try await store.claim([retried], holder: second, for: .seconds(60)) == [retried.jobId])
            #expect(try await store.claim([all[0]], holder: first, for: .seconds(60)).isEmpty)

            // A claim ends by itself (its worker died in the middle of the batch).
            #expect(try await store.claim([all[2]], holder: first, for: .milliseconds(1)) == [all[2].jobId])
            try await Task.sleep(for: .milliseconds(50))
            #expect(try await store.claim([all[2]], holder: second, for: .seconds(60)) == [all[2].jobId])

            // The outcome ends the claim; a copy claimed afterwards is not granted and leaves nothing behind.
            let job = jobs[1].job
            try await store.record([JobOutcome(jobId: job.jobId, stepIds: job.steps.map(\.stepId), tenantId: job.tenantId,
                                               debtorId: job.debtorId, channel: job.channel, kind: .sent)])
            #expect(try await harness.count("SELECT count(*)::int8 FROM job_claims WHERE job_id = \(job.jobId)") == 0)
            #expect(try await store.claim([all[1]], holder: second, for: .seconds(60)).isEmpty)
            #expect(try await harness.count("SELECT count(*)::int8 FROM job_claims WHERE job_id = \(job.jobId)") == 0)
            #expect(try await claimRows(harness) == 2)
        }
    }

    @Test("Two workers given copies of one job: one acts; the other's copy waits in a retry queue under the same attempt, and is only acknowledged once the outcome is written")
    func copiesActOnce() async throws {
        try await PipelineHarness.run(start: PipelineHarness.morning(Self.due.adding(days: 3))) { harness in
            let jobs = try await Self.dispatched(harness, debtors: 2)
            let channel = AttemptsChannel()
            func processor() -> JobProcessor<WorkerStore> {
                JobProcessor(storage: WorkerStore(client: harness.client, logger: harness.logger), channels: [channel],
                             composer: MessageComposer(rateTables: harness.reference.rateTables),
                             clock: harness.clock, logger: harness.logger)
            }
            let copies = jobs.map { Copy(body: $0.payload, attempt: 1) }

            // The first worker acts and has not yet written its outcomes when the second reads the copies.
            var held = try await processor().prepare(copies)
            #expect(held.dispositions == [.acknowledge, .acknowledge])
            let other = try await processor().prepare(copies)
            #expect(other.dispositions == [.retry(delay: .seconds(5), nextAttempt: 1), .retry(delay: .seconds(5), nextAttempt: 1)])
            #expect(other.outcomes.isEmpty)

            _ = try await processor().record(&held)
            #expect(try await claimRows(harness) == 0)
            // Back from the retry queue: the outcome is there, the copies are only acknowledged.
            let returned = try await processor().process(copies)
            #expect(returned == [.acknowledge, .acknowledge])

            #expect(channel.jobs.count == 2, "the debtors were contacted \(channel.jobs.count) times")
            #expect(Set(channel.jobs.map(\.id)) == Set(jobs.map(\.claim.jobId)))
            #expect(try await harness.count("SELECT count(*)::int8 FROM job_outcomes WHERE outcome = 'sent' AND attempts = 1") == 2)
        }
    }
}
