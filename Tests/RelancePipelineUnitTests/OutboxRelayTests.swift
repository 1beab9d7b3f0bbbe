import Foundation
import RelanceCore
import RelancePipeline
import Testing

@Suite("Relay on the in-memory outbox and broker")
struct OutboxRelayTests {
    /// A fixture whose outbox holds one job for each of two debtors.
    static func twoJobsWaiting() async throws -> PipelineFixture {
        let fixture = PipelineFixture()
        try fixture.addInvoice(for: try fixture.addDebtor("Martin SARL"), number: "F-1")
        try fixture.addInvoice(for: try fixture.addDebtor("Bernard SA"), number: "F-2")
        try await fixture.dispatcher().dispatchOnce()
        #expect(fixture.store.outbox.count == 2)
        return fixture
    }

    @Test("Confirmed jobs leave the outbox and reach their channel's queue, in outbox order")
    func confirmedJobsLeave() async throws {
        let fixture = try await Self.twoJobsWaiting()
        let waiting = fixture.store.outbox.map(\.jobId)

        let pass = try await fixture.relay().publishOnce()

        #expect(pass.published == 2 && pass.failed == 0)
        #expect(fixture.store.outbox.isEmpty)
        #expect(fixture.broker.publishedJobIds == waiting)
        #expect(fixture.broker.queuedCount(.email) == 2)
        #expect(try await fixture.relay().publishOnce().published == 0)
    }

    @Test("A job the broker refuses stays in the outbox with the reason, and goes out on the next pass")
    func refusedJobStays() async throws {
        let fixture = try await Self.twoJobsWaiting()
        let refused = fixture.store.outbox[0].jobId
        fixture.broker.refuse { $0.id == refused ? "nacked by the broker" : nil }

        let pass = try await fixture.relay().publishOnce()

        #expect(pass.published == 1 && pass.failed == 1)
        let entry = try #require(fixture.store.outbox.first)
        #expect(fixture.store.outbox.count == 1)
        #expect(entry.jobId == refused)
        #expect(entry.publishAttempts == 1)
        #expect(entry.lastPublishError == "nacked by the broker")
        #expect(entry.leasedUntil == nil)
        #expect(!fixture.broker.publishedJobIds.contains(refused))

        fixture.broker.refuse(nil)
        #expect(try await fixture.relay().publishOnce().published == 1)
        #expect(fixture.store.outbox.isEmpty)
        #expect(fixture.broker.publishedJobIds.last == refused)
        #expect(fixture.broker.queuedCount(.email) == 2)
    }

    @Test("When the broker cannot be reached every job stays in the outbox, and all go out once it is back")
    func unreachableBrokerKeepsEverything() async throws {
        let fixture = try await Self.twoJobsWaiting()
        fixture.broker.failNextPublish()

        await #expect(throws: MemoryJobBroker.Unreachable.self) { try await fixture.relay().publishOnce() }

        #expect(fixture.store.outbox.count == 2)
        #expect(fixture.store.outbox.allSatisfy { $0.publishAttempts == 1 && $0.leasedUntil == nil })
        #expect(fixture.store.outbox.allSatisfy { $0.lastPublishError?.hasPrefix("not published") == true })
        #expect(fixture.broker.publishedJobIds.isEmpty)

        #expect(try await fixture.relay().publishOnce().published == 2)
        #expect(fixture.store.outbox.isEmpty)
    }

    @Test("A broker that neither confirms nor fails holds the relay no longer than its deadline: the jobs are given back")
    func frozenBrokerGivesJobsBack() async throws {
        let fixture = try await Self.twoJobsWaiting()
        fixture.broker.hangNextPublish()
        var configuration = RelayConfiguration()
        configuration.confirmTimeout = .milliseconds(200)
        let relay = OutboxRelay(outbox: fixture.store, broker: fixture.broker, configuration: configuration,
                                logger: PipelineFixture.logger)

        await #expect(throws: DeadlineExceeded.self) { try await relay.publishOnce() }

        #expect(fixture.store.outbox.count == 2)
        #expect(fixture.store.outbox.allSatisfy { $0.leasedUntil == nil && $0.publishAttempts == 1 })
        #expect(fixture.store.outbox.allSatisfy { $0.lastPublishError?.contains("no answer within") == true })
        #expect(try await relay.publishOnce().published == 2)
        #expect(fixture.store.outbox.isEmpty)
    }

    @Test("Jobs leased by a relay that stopped go out again once the lease ends")
    func expiredLeaseTakenAgain() async throws {
        let fixture = try await Self.twoJobsWaiting()
        // A relay leases the jobs for 30 s and dies before publishing them.
        #expect(try await fixture.store.lease(limit: 10, for: .seconds(30)).count == 2)

        #expect(try await fixture.relay().publishOnce().published == 0)
        fixture.clock.advance(by: 29)
        #expect(try await fixture.relay().publishOnce().published == 0)
        fixture.clock.advance(by: 2)
        #expect(try await fixture.relay().publishOnce().published == 2)
        #expect(fixture.store.outbox.isEmpty)
        #expect(fixture.broker.publishedJobIds.count == 2)
    }
}
