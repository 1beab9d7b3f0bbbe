import Foundation
import RelanceCore
import RelancePipeline
import ServiceLifecycleTestKit
import Testing

@Suite("Worker on the in-memory store and broker")
struct WorkerTests {
    /// A fixture with one debtor's invoice whose first step is dispatched and published.
    static func oneJobQueued() async throws -> (PipelineFixture, Invoice, MemoryPipelineStore.Job) {
        let fixture = PipelineFixture()
        let invoice = try fixture.addInvoice(for: try fixture.addDebtor("Martin SARL"), number: "F-1")
        let jobs = try await fixture.dispatchAndPublish()
        let job = try #require(jobs.first)
        #expect(jobs.count == 1)
        #expect(fixture.broker.queuedCount(.email) == 1)
        return (fixture, invoice, job)
    }

    /// Whether `channel`'s queue is empty and nothing taken from it awaits acknowledgement.
    static func settled(_ broker: MemoryJobBroker, _ channel: Channel = .email) -> Bool {
        broker.queuedCount(channel) == 0 && broker.unacknowledgedCount(channel) == 0
    }

    @Test("A job gets exactly one outcome, its message is written, and its delivery is acknowledged")
    func oneOutcome() async throws {
        let (fixture, invoice, job) = try await Self.oneJobQueued()
        let channel = ScriptedChannel()

        try await fixture.running(fixture.worker(channel)) { _ in
            #expect(await eventually { fixture.store.outcome(of: job.id) != nil && Self.settled(fixture.broker) })
        }

        let outcome = try #require(fixture.store.outcome(of: job.id))
        #expect(outcome.kind == .sent)
        #expect(outcome.attempts == 1)
        #expect(outcome.detail.contains("\"subject\""))
        #expect(fixture.store.outcomes.count == 1)
        #expect(channel.actions.count == 1)
        #expect(channel.actions.first?.message != nil)
        let step = fixture.firstStep(of: invoice)
        #expect(step.status == .done)
        #expect(step.reason == OutcomeKind.sent.rawValue)
        #expect(Self.settled(fixture.broker))
        #expect(fixture.broker.deadLetters(.email).isEmpty)
    }

    @Test("A read that never answers is given up after its deadline and asked again: one outcome, one action, nothing handed back")
    func hungReadRetried() async throws {
        let (fixture, _, job) = try await Self.oneJobQueued()
        let channel = ScriptedChannel()
        fixture.store.hangNextLoads(2)

        try await fixture.running(fixture.worker(channel, storageTimeout: .milliseconds(100))) { _ in
            #expect(await eventually { fixture.store.outcome(of: job.id) != nil && Self.settled(fixture.broker) })
        }

        #expect(fixture.store.outcome(of: job.id)?.kind == .sent)
        #expect(fixture.store.outcome(of: job.id)?.attempts == 1)
        #expect(channel.actions.count == 1)
    }

    @Test("While the database is unreachable the worker holds its batch, acts on nothing, hands nothing back and is not ready; once it is back: one outcome, ready")
    func unreachableDatabaseHeld() async throws {
        let (fixture, _, job) = try await Self.oneJobQueued()
        let channel = ScriptedChannel()
        fixture.store.setUnreachable(true)
        let worker = fixture.worker(channel)
        #expect(worker.readiness.isReady)

        try await fixture.running(worker) { _ in
            #expect(await eventually { !worker.readiness.isReady })
            let reasons = Array(worker.readiness.problems.values)
            #expect(reasons.count == 1 && reasons[0].contains("cannot be reached") && reasons[0].contains("holding"), "\(reasons)")
            // Held, not handed back: the delivery stays taken, unacknowledged; nobody contacted.
            #expect(fixture.broker.unacknowledgedCount(.email) == 1 && fixture.broker.queuedCount(.email) == 0)
            #expect(channel.actions.isEmpty && fixture.store.outcome(of: job.id) == nil)
            fixture.store.setUnreachable(false)
            #expect(await eventually { fixture.store.outcome(of: job.id) != nil && Self.settled(fixture.broker) && worker.readiness.isReady })
        }

        #expect(fixture.store.outcome(of: job.id)?.attempts == 1)
        #expect(channel.actions.count == 1)
    }

    @Test("A delivery whose connection is lost before the action is left to its redelivery: another consumer acts once, this one never")
    func lostConnectionNotActedOn() async throws {
        let (fixture, _, job) = try await Self.oneJobQueued()
        // Every action waits at the gate: neither consumer can record before the other decides.
        let gate = Gate()
        let channel = ScriptedChannel(gate: gate)
        // The first consumer takes the job and holds it while the database cannot be read.
        fixture.store.setUnreachable(true)
        let worker = fixture.worker(channel, consumers: 2)
        try await fixture.running(worker) { _ in
            #expect(await eventually { !worker.readiness.isReady })
            // Its connection is lost: the broker delivers the job again, to the other consumer,
            // which holds it too.
            fixture.broker.loseConnections(of: .email)
            #expect(await eventually { worker.readiness.problems.count == 2 })
            fixture.store.setUnreachable(false)
            // One consumer reaches the action; the other is given time to reach it too.
            #expect(await eventually { gate.arrivals >= 1 })
            try await Task.sleep(for: .milliseconds(300))
            gate.open()
            #expect(await eventually { fixture.store.outcome(of: job.id) != nil && Self.settled(fixture.broker) && worker.readiness.isReady })
        }
        #expect(channel.actions.count == 1, "the debtor was contacted \(channel.actions.count) times")
        #expect(fixture.store.outcomes.count == 1)
    }

    @Test("Two copies of one job in two consumers' hands at once: one acts; the other waits in a retry queue under the same attempt and is then only acknowledged")
    func copiesInTwoHandsActOnce() async throws {
        let (fixture, _, job) = try await Self.oneJobQueued()
        // The relay published it again (its confirm timed out while the broker was frozen).
        fixture.broker.enqueue(body: [UInt8](job.payload), on: .email)
        let gate = Gate()
        let channel = ScriptedChannel(gate: gate)
        // One delivery per batch: each consumer takes one copy.
        let worker = fixture.worker(channel, prefetch: 1, consumers: 2)
        try await fixture.running(worker) { _ in
            // One consumer acts (held at the gate); the other's copy finds the job claimed.
            #expect(await eventually { gate.arrivals == 1 && !fixture.broker.retries(.email).isEmpty })
            #expect(fixture.store.claimedJobs == [job.id])
            gate.open()
            #expect(await eventually { fixture.store.outcome(of: job.id) != nil && Self.settled(fixture.broker) })
        }
        #expect(channel.actions.count == 1, "the debtor was contacted \(channel.actions.count) times")
        #expect(fixture.store.outcome(of: job.id)?.attempts == 1)
        let retries = fixture.broker.retries(.email)
        #expect(retries.allSatisfy { $0.attempt == 1 && $0.delay == .seconds(5) })
        #expect(fixture.broker.deadLetters(.email).isEmpty)
        #expect(fixture.store.claimedJobs.isEmpty, "the outcome ends the claim")
    }

    @Test("A batch in hand longer than its claim lasts keeps its jobs: a copy arriving late still waits, and the debtor is contacted once")
    func claimKeptWhileInHand() async throws {
        let (fixture, _, job) = try await Self.oneJobQueued()
        let gate = Gate()
        let channel = ScriptedChannel(gate: gate)
        // Claims last 1 s of the store's clock; the worker extends them every third of that.
        let worker = fixture.worker(channel, prefetch: 1, consumers: 2, claimDuration: .seconds(1))
        try await fixture.running(worker) { _ in
            #expect(await eventually { gate.arrivals == 1 })
            // The action takes 3 s: three times the claim's duration.
            for _ in 0..<6 {
                fixture.clock.advance(by: 0.5)
                try await Task.sleep(for: .milliseconds(700))
            }
            fixture.broker.enqueue(body: [UInt8](job.payload), on: .email)
            #expect(await eventually { !fixture.broker.retries(.email).isEmpty })
            gate.open()
            #expect(await eventually { fixture.store.outcome(of: job.id) != nil && Self.settled(fixture.broker) })
        }
        #expect(channel.actions.count == 1, "the debtor was contacted \(channel.actions.count) times")
        #expect(fixture.store.claimedJobs.isEmpty)
    }

    @Test("The claim of a worker that stopped in the middle of a batch ends: its copy is then acted on")
    func endedClaimTakenAgain() async throws {
        let (fixture, _, job) = try await Self.oneJobQueued()
        // A worker killed after claiming: its claim stays, nothing extends it.
        let held = UUID()
        let claim = JobClaim(jobId: job.id, tenantId: job.tenantId, attempt: 1)
        #expect(try await fixture.store.claim([claim], holder: held, for: .seconds(30)) == [job.id])
        let channel = ScriptedChannel()
        try await fixture.running(fixture.worker(channel)) { _ in
            #expect(await eventually { !fixture.broker.retries(.email).isEmpty })
            #expect(channel.actions.isEmpty && fixture.store.outcome(of: job.id) == nil)
            fixture.clock.advance(by: 31)
            #expect(await eventually { fixture.store.outcome(of: job.id) != nil && Self.settled(fixture.broker) })
        }
        #expect(channel.actions.count == 1)
        #expect(fixture.store.outcome(of: job.id)?.attempts == 1)
    }

    @Test("A transient failure is retried as the next attempt, then dead-lettered after the last, with outcome failed")
    func transientFailureRetriedThenDeadLettered() async throws {
        let (fixture, invoice, job) = try await Self.oneJobQueued()
        let channel = ScriptedChannel(failure: .transient("SMTP server unavailable"))
        let retry = RetryPolicy(maxAttempts: 3, baseDelay: .seconds(5), jitter: 0.2)

        try await fixture.running(fixture.worker(channel, retry: retry)) { _ in
            #expect(await eventually { fixture.store.outcome(of: job.id) != nil && Self.settled(fixture.broker) })
        }

        #expect(channel.actions.map(\.attempt) == [1, 2, 3])
        let retries = fixture.broker.retries(.email)
        #expect(retries.map(\.attempt) == [2, 3])
        // Delays grow: about 5 s, then about 25 s (±20 %).
        #expect(retries.first.map { $0.delay >= .seconds(4) && $0.delay <= .seconds(6) } == true)
        #expect(retries.last.map { $0.delay >= .seconds(20) && $0.delay <= .seconds(30) } == true)
        let deadLetters = fixture.broker.deadLetters(.email)
        #expect(deadLetters.count == 1)
        #expect(deadLetters.first?.job?.jobId == job.id)
        #expect(deadLetters.first?.reason == "gave up after 3 attempts: SMTP server unavailable")
        let outcome = try #require(fixture.store.outcome(of: job.id))
        #expect(outcome.kind == .failed)
        #expect(outcome.attempts == 3)
        #expect(fixture.firstStep(of: invoice).status == .skipped)
    }

    @Test("A permanent failure is dead-lettered at once with its reason")
    func permanentFailureDeadLettered() async throws {
        let (fixture, invoice, job) = try await Self.oneJobQueued()
        let channel = ScriptedChannel(failure: .permanent("mailbox does not exist"))

        try await fixture.running(fixture.worker(channel)) { _ in
            #expect(await eventually { fixture.store.outcome(of: job.id) != nil && Self.settled(fixture.broker) })
        }

        #expect(channel.actions.count == 1)
        #expect(fixture.broker.retries(.email).isEmpty)
        #expect(fixture.broker.deadLetters(.email).map(\.reason) == ["mailbox does not exist"])
        #expect(fixture.store.outcome(of: job.id)?.kind == .failedPermanent)
        #expect(fixture.firstStep(of: invoice).status == .skipped)
    }

    @Test("An address the relay refuses for good is marked unusable: no dead letter, the debtor's emails are skipped and the ladder goes on at once by its next step")
    func unusableAddressMovesLadderOn() async throws {
        let (fixture, invoice, job) = try await Self.oneJobQueued()
        let debtor = DebtorID(try #require(fixture.store.jobs.first).debtorId)
        let channel = ScriptedChannel(failure: .unusable(.email, "550 5.1.1 no such mailbox"))
        let before = fixture.store.steps(of: invoice.id)
        let nextOther = try #require(before.first { $0.channel != .email && $0.status == .planned })
        #expect(nextOther.dueAt > fixture.clock.now())

        try await fixture.running(fixture.worker(channel)) { _ in
            #expect(await eventually { fixture.store.outcome(of: job.id) != nil && Self.settled(fixture.broker) })
        }

        #expect(channel.actions.count == 1)
        #expect(fixture.broker.retries(.email).isEmpty)
        #expect(fixture.broker.deadLetters(.email).isEmpty)
        #expect(fixture.store.outcome(of: job.id)?.kind == .failedPermanent)
        #expect(fixture.store.unusableContacts(of: debtor) == [.email])
        let after = fixture.store.steps(of: invoice.id)
        // Every later email step is skipped as unusable; the first step on another channel that
        // was planned weeks ahead is due now.
        #expect(after.filter { $0.channel == .email && $0.status == .planned }.isEmpty)
        #expect(after.filter { $0.reason == ContactPoint.email.skipReason }.count == before.filter { $0.channel == .email && $0.status == .planned }.count)
        let pulled = try #require(after.first { $0.id == nextOther.id })
        #expect(pulled.status == .planned)
        #expect(pulled.dueAt <= fixture.clock.now())
        #expect(pulled.reason == ScheduleStepStatus.movedUpReason("email_unusable"))

        // The next claim sends it at once, weeks before its date in the ladder.
        let jobs = try await fixture.dispatchAndPublish()
        #expect(jobs.count == 2)
        #expect(jobs.filter { $0.id != job.id }.map(\.channel) == [nextOther.channel])
        #expect(fixture.store.steps(of: invoice.id).first { $0.id == nextOther.id }?.status == .dispatched)
    }

    @Test("A job delivered twice in one batch contacts the debtor once")
    func duplicateInBatchContactsOnce() async throws {
        let (fixture, _, job) = try await Self.oneJobQueued()
        fixture.broker.enqueue(body: [UInt8](job.payload), on: .email)
        #expect(fixture.broker.queuedCount(.email) == 2)
        let channel = ScriptedChannel()

        try await fixture.running(fixture.worker(channel)) { _ in
            #expect(await eventually { fixture.store.outcome(of: job.id) != nil && Self.settled(fixture.broker) })
        }

        #expect(channel.actions.count == 1)
        #expect(fixture.store.outcomes.count == 1)
        #expect(fixture.broker.deadLetters(.email).isEmpty)
    }

    @Test("A job delivered again after its outcome is only acknowledged")
    func redeliveryAfterOutcomeOnlyAcknowledged() async throws {
        let (fixture, _, job) = try await Self.oneJobQueued()
        let channel = ScriptedChannel()

        try await fixture.running(fixture.worker(channel)) { _ in
            #expect(await eventually { fixture.store.outcome(of: job.id) != nil && Self.settled(fixture.broker) })
            let first = fixture.store.outcome(of: job.id)
            // The broker delivers it again (a worker died before its acknowledgement reached it).
            fixture.clock.advance(by: 60)
            fixture.broker.enqueue(body: [UInt8](job.payload), on: .email, attempt: 1)
            #expect(await eventually { Self.settled(fixture.broker) })
            #expect(fixture.store.outcome(of: job.id) == first)
        }

        #expect(channel.actions.count == 1)
        #expect(fixture.store.outcomes.count == 1)
        #expect(fixture.broker.deadLetters(.email).isEmpty)
    }

    @Test("A job whose invoice was paid after dispatch is skipped_paid and nobody is contacted")
    func staleJobSkipped() async throws {
        let (fixture, invoice, job) = try await Self.oneJobQueued()
        try fixture.pay(invoice)
        let channel = ScriptedChannel()

        try await fixture.running(fixture.worker(channel)) { _ in
            #expect(await eventually { fixture.store.outcome(of: job.id) != nil && Self.settled(fixture.broker) })
        }

        #expect(fixture.store.outcome(of: job.id)?.kind == .skippedPaid)
        #expect(channel.actions.isEmpty)
        let step = fixture.firstStep(of: invoice)
        #expect(step.status == .skipped)
        #expect(step.reason == OutcomeKind.skippedPaid.rawValue)
    }

    @Test("An undecodable message is dead-lettered with the reason, and no outcome is written")
    func undecodableDeadLettered() async throws {
        let fixture = PipelineFixture()
        fixture.broker.enqueue(body: Array("not a job".utf8), on: .email)
        let channel = ScriptedChannel()

        try await fixture.running(fixture.worker(channel)) { _ in
            #expect(await eventually { Self.settled(fixture.broker) })
        }

        let deadLetters = fixture.broker.deadLetters(.email)
        #expect(deadLetters.map(\.body) == [Array("not a job".utf8)])
        #expect(deadLetters.first?.reason.hasPrefix("undecodable") == true)
        #expect(fixture.store.outcomes.isEmpty)
        #expect(channel.actions.isEmpty)
    }

    @Test("A later reminder recalls what was sent before and, from a collection agency, its first letter")
    func laterReminderRecallsHistory() async throws {
        let fixture = PipelineFixture(tenantKind: .collectionAgency)
        let invoice = try fixture.addInvoice(for: try fixture.addDebtor("Martin SARL"), number: "F-1")
        let channel = ScriptedChannel()

        try await fixture.running(fixture.worker(channel)) { _ in
            let first = try #require(try await fixture.dispatchAndPublish().first)
            #expect(await eventually { fixture.store.outcome(of: first.id) != nil })
            // The second email, three days after the due date.
            fixture.clock.set(PipelineFixture.paris(PipelineFixture.dueDate.adding(days: 3), 10, 30))
            #expect(try await fixture.dispatchAndPublish().count == 2)
            #expect(await eventually { fixture.store.outcomes.count == 2 && Self.settled(fixture.broker) })
        }

        #expect(fixture.store.outcomes.allSatisfy { $0.kind == .sent })
        #expect(fixture.store.steps(of: invoice.id).prefix(2).allSatisfy { $0.status == .done })
        let messages = channel.actions.compactMap(\.message)
        #expect(messages.count == 2)
        let (first, second) = (try #require(messages.first), try #require(messages.last))
        #expect(first.history.isEmpty)
        #expect(first.agency?.firstLetter == nil)
        #expect(second.history.map(\.channel) == [.email])
        #expect(second.history.first?.date == PipelineFixture.firstStepDay)
        #expect(second.nextStep == MessageNextStep(channel: .email, date: PipelineFixture.dueDate.adding(days: 10)))
        // A later contact repeats the reference and date of the agency's first letter.
        #expect(second.agency?.firstLetter == first.letter)
    }

    @Test("A registered letter travels on the letter queue; prepared for the post, it does not date the formal notice yet")
    func registeredLetterDatesFormalNotice() async throws {
        let fixture = PipelineFixture()
        let debtor = try fixture.addDebtor("Martin SARL")
        let invoice = try Invoice(
            tenantId: fixture.tenant.id, creditorId: fixture.creditor.id, debtorId: debtor.id, number: "F-1",
            issueDate: PipelineFixture.dueDate.adding(days: -30), dueDate: PipelineFixture.dueDate,
            amount: Money(minorUnits: 120_000, currency: .eur)
        )
        let noticeOnly = try DunningPolicy(name: "Mise en demeure", steps: [
            DunningStep(offsetDays: 3, channel: .registeredLetter, templateKey: StandardStepKey.formalNotice, tone: .firm),
        ])
        try fixture.store.add(invoice, ladder: noticeOnly, today: PipelineFixture.dueDate.adding(days: -10))
        let noticeDay = PipelineFixture.dueDate.adding(days: 3)
        fixture.clock.set(PipelineFixture.paris(noticeDay, 10, 30))
        let job = try #require(try await fixture.dispatchAndPublish().first)
        #expect(job.channel == .registeredLetter)
        #expect(fixture.broker.queuedCount(.letter) == 1)
        #expect(fixture.store.formalNoticeDate(of: invoice.id) == nil)
        let channel = ScriptedChannel()

        try await fixture.running(fixture.worker(channel)) { _ in
            #expect(await eventually { fixture.store.outcome(of: job.id) != nil && Self.settled(fixture.broker, .letter) })
        }

        #expect(fixture.store.outcome(of: job.id)?.kind == .prepared)
        // Only the posting of the letter (`relance letters posted`) dates the notice.
        #expect(fixture.store.formalNoticeDate(of: invoice.id) == nil)
        #expect(fixture.store.steps(of: invoice.id).first?.status == .done)
        _ = noticeDay
    }

    @Test("Graceful shutdown stops intake and finishes the batch in hand; the rest stays queued")
    func gracefulShutdownFinishesBatchInHand() async throws {
        let fixture = PipelineFixture()
        for index in 0..<3 { try fixture.addInvoice(for: try fixture.addDebtor("Débiteur \(index)"), number: "F-\(index)") }
        let jobs = try await fixture.dispatchAndPublish()
        #expect(jobs.count == 3)
        let gate = Gate()
        let channel = ScriptedChannel(gate: gate)

        // One delivery at a time: the first is in the channel's hands when shutdown begins.
        try await fixture.running(fixture.worker(channel, prefetch: 1)) { shutdown in
            #expect(await eventually { gate.arrivals == 1 })
            shutdown.triggerGracefulShutdown()
            gate.open()
        }

        #expect(channel.actions.count == 1)
        let done = try #require(channel.actions.first?.job.jobId)
        #expect(fixture.store.outcome(of: done)?.kind == .sent)
        #expect(fixture.store.outcomes.count == 1)
        #expect(fixture.broker.queuedCount(.email) == 2)
        #expect(fixture.broker.unacknowledgedCount(.email) == 0)
    }
}
