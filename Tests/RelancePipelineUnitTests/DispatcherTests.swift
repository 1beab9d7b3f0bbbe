import Foundation
import RelanceCore
import RelancePipeline
import Testing

@Suite("Dispatcher on the in-memory store")
struct DispatcherTests {
    @Test("Due steps become one job per debtor and channel, each with its outbox entry")
    func oneJobPerDebtorAndChannel() async throws {
        let fixture = PipelineFixture()
        let martin = try fixture.addDebtor("Martin SARL")
        let bernard = try fixture.addDebtor("Bernard SA")
        let first = try fixture.addInvoice(for: martin, number: "F-1")
        let second = try fixture.addInvoice(for: martin, number: "F-2")
        let third = try fixture.addInvoice(for: bernard, number: "F-3")

        let summary = try await fixture.dispatcher().dispatchOnce()

        #expect(summary.claimed == 3)
        #expect(summary.jobs == 2)
        #expect(summary.dispatched == 3)
        let jobs = fixture.store.jobs
        #expect(Set(fixture.store.outbox.map(\.jobId)) == Set(jobs.map(\.id)))
        let messages = try jobs.map { try ReminderJob.decode($0.payload) }
        let toMartin = try #require(messages.first { $0.debtorId == martin.id.uuid })
        #expect(toMartin.channel == .email)
        #expect(Set(toMartin.steps.map(\.invoiceId)) == [first.id.uuid, second.id.uuid])
        #expect(toMartin.steps.allSatisfy { $0.templateKey == StandardStepKey.courteousReminder })
        let toBernard = try #require(messages.first { $0.debtorId == bernard.id.uuid })
        #expect(toBernard.steps.map(\.invoiceId) == [third.id.uuid])
        // Each first step is dispatched under its debtor's job; the later ones wait their turn.
        for (invoice, message) in [(first, toMartin), (second, toMartin), (third, toBernard)] {
            let steps = fixture.store.steps(of: invoice.id)
            #expect(steps[0].status == .dispatched)
            #expect(steps[0].jobId == message.jobId)
            #expect(steps.dropFirst().allSatisfy { $0.status == .planned })
        }
        // Nothing more is due.
        #expect(try await fixture.dispatcher().dispatchOnce().claimed == 0)
    }

    @Test("A paid invoice's due step is cancelled and nobody is contacted")
    func paidInvoiceCancelled() async throws {
        let fixture = PipelineFixture()
        let invoice = try fixture.addInvoice(for: try fixture.addDebtor("Martin SARL"), number: "F-1")
        try fixture.pay(invoice)

        let summary = try await fixture.dispatcher().dispatchOnce()

        #expect(summary.claimed == 1)
        #expect(summary.cancelled == 1)
        #expect(summary.jobs == 0)
        let step = fixture.firstStep(of: invoice)
        #expect(step.status == .cancelled)
        #expect(step.reason?.contains("paid") == true)
        #expect(fixture.store.jobs.isEmpty)
        #expect(fixture.store.outbox.isEmpty)
    }

    @Test("An email due outside its contact window is deferred to the window's opening, then sent")
    func outsideContactWindowDeferred() async throws {
        // 22:00 on Friday: emails go out between 08:00 and 20:00, every day.
        let fixture = PipelineFixture(now: PipelineFixture.paris(PipelineFixture.firstStepDay, 22))
        let invoice = try fixture.addInvoice(for: try fixture.addDebtor("Martin SARL"), number: "F-1")

        let summary = try await fixture.dispatcher().dispatchOnce()

        #expect(summary.deferred == 1)
        #expect(summary.jobs == 0)
        let saturdayMorning = PipelineFixture.paris(PipelineFixture.firstStepDay.adding(days: 1), 8)
        let step = fixture.firstStep(of: invoice)
        #expect(step.status == .planned)
        #expect(step.dueAt == saturdayMorning)
        #expect(step.reason != nil)
        #expect(fixture.store.jobs.isEmpty)

        // Not claimed again before then; claimed and sent once the window opens.
        fixture.clock.set(saturdayMorning.addingTimeInterval(-60))
        #expect(try await fixture.dispatcher().dispatchOnce().claimed == 0)
        fixture.clock.set(saturdayMorning.addingTimeInterval(30 * 60))
        #expect(try await fixture.dispatcher().dispatchOnce().jobs == 1)
        #expect(fixture.firstStep(of: invoice).status == .dispatched)
    }

    @Test("Claims pause while the outbox is full, leaving the rest planned, and resume as the relay publishes")
    func outboxLimitPausesClaims() async throws {
        let fixture = PipelineFixture()
        let invoices = try (0..<5).map { try fixture.addInvoice(for: try fixture.addDebtor("Débiteur \($0)"), number: "F-\($0)") }
        let jobCount = { fixture.store.jobs.count }
        // One step a claim, at most two jobs waiting.
        let dispatcher = fixture.dispatcher(batchSize: 1, outboxLimit: 2)
        let relay = fixture.relay()

        let dispatching = Task { try await dispatcher.run() }
        #expect(await eventually(timeout: .seconds(30)) { jobCount() >= 2 })
        // Paused: a while later the outbox still holds two jobs and three debtors wait.
        try await Task.sleep(for: .milliseconds(100))
        #expect(jobCount() == 2)
        #expect(fixture.store.outbox.count == 2)
        #expect(fixture.broker.publishedJobIds.isEmpty)
        #expect(invoices.filter { fixture.firstStep(of: $0).status == .planned }.count == 3)

        // The relay empties the outbox; the dispatcher claims again each time there is room.
        let allSent = await eventually(timeout: .seconds(30)) {
            _ = try? await relay.publishOnce()
            return fixture.broker.publishedJobIds.count == 5
        }
        dispatching.cancel()
        _ = await dispatching.result
        #expect(allSent)
        #expect(fixture.store.jobs.count == 5)
        #expect(fixture.store.outbox.isEmpty)
        #expect(Set(fixture.broker.publishedJobIds) == Set(fixture.store.jobs.map(\.id)))
        #expect(invoices.allSatisfy { fixture.firstStep(of: $0).status == .dispatched })
    }
}
