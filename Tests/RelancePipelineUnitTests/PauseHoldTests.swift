import Foundation
import RelanceCore
import RelancePipeline
import Testing

/// Operators' pauses on the worker's side: a job published before the pause is held — sent back
/// under the same attempt, nobody contacted, no outcome, no dead letter — and acted on once
/// resumed, as its first attempt.
@Suite("Operators' pauses hold published jobs")
struct PauseHoldTests {
    static func heldThenResumed(_ pause: (PipelineFixture) -> PausedWork) async throws {
        let (fixture, invoice, job) = try await WorkerTests.oneJobQueued()
        let channel = ScriptedChannel()
        fixture.store.paused = pause(fixture)

        try await fixture.running(fixture.worker(channel, retry: RetryPolicy(maxAttempts: 2))) { _ in
            // The in-memory broker sends a retry back at once: the job comes round again and
            // again, more often than the retry limit would allow a failing one.
            #expect(await eventually { fixture.broker.retries(.email).count >= 5 })
            #expect(channel.actions.isEmpty)
            #expect(fixture.store.outcome(of: job.id) == nil)
            #expect(fixture.broker.deadLetters(.email).isEmpty)
            #expect(fixture.broker.retries(.email).allSatisfy { $0.attempt == 1 && $0.delay == JobTopology.retryTiers[1] })
            #expect(fixture.firstStep(of: invoice).status == .dispatched)

            fixture.store.paused = PausedWork()
            #expect(await eventually { fixture.store.outcome(of: job.id) != nil && WorkerTests.settled(fixture.broker) })
        }
        let outcome = try #require(fixture.store.outcome(of: job.id))
        #expect(outcome.kind == .sent)
        #expect(outcome.attempts == 1)
        #expect(channel.actions.count == 1)
        #expect(fixture.broker.deadLetters(.email).isEmpty)
        #expect(fixture.firstStep(of: invoice).status == .done)
    }

    @Test("A paused channel's job is held, not acted on nor dead-lettered, and acted on as attempt 1 once resumed")
    func pausedChannel() async throws {
        try await Self.heldThenResumed { _ in PausedWork(channels: [.email]) }
    }

    @Test("A paused tenant's job is held on any channel, then acted on")
    func pausedTenant() async throws {
        try await Self.heldThenResumed { PausedWork(tenants: [$0.tenant.id]) }
    }

    @Test("A paused creditor's job is held, then acted on")
    func pausedCreditor() async throws {
        try await Self.heldThenResumed { PausedWork(creditors: [$0.creditor.id]) }
    }

    @Test("A pause of another channel, tenant or creditor holds nothing")
    func otherPausesHoldNothing() async throws {
        let (fixture, _, job) = try await WorkerTests.oneJobQueued()
        let channel = ScriptedChannel()
        fixture.store.paused = PausedWork(channels: [.letter, .call], tenants: [TenantID(UUID())], creditors: [CreditorID(UUID())])
        try await fixture.running(fixture.worker(channel)) { _ in
            #expect(await eventually { fixture.store.outcome(of: job.id) != nil && WorkerTests.settled(fixture.broker) })
        }
        #expect(fixture.broker.retries(.email).isEmpty)
        #expect(channel.actions.count == 1)
    }

    @Test("The in-memory claim passes over paused work too, and takes it once resumed")
    func memoryClaim() async throws {
        let fixture = PipelineFixture()
        _ = try fixture.addInvoice(for: try fixture.addDebtor("Martin SARL"), number: "F-1")
        fixture.store.paused = PausedWork(tenants: [fixture.tenant.id])
        #expect(try await fixture.dispatchAndPublish().isEmpty)
        fixture.store.paused = PausedWork()
        #expect(try await fixture.dispatchAndPublish().count == 1)
    }
}
