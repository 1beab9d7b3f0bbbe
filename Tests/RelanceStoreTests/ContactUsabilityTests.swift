import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelanceStore
import Synchronization
import Testing

/// A contact point refused for good, stored: the debtor marked, the steps on that channel
/// skipped, the next step on another channel moved up and sent at the next claim.
@Suite("Unusable contact points in PostgreSQL")
struct ContactUsabilityTests {
    @Test("A refused email address: marked with its reason, later emails skipped, the call moved up and dispatched at once")
    func refusedEmail() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let parties = try await f.parties()
            let invoice = try StoreFixture.invoice(parties.debtor, issued: "2025-02-20", due: "2025-03-20")
            try await f.intake.add([invoice], today: StoreFixture.day("2025-02-20"))
            let refusedAt = try InvoicePlanningTests.utc("2025-03-17T09:00:00Z")
            let driver = PipelineDriver(client: client)
            let sent = try await driver.carryOut(at: refusedAt, outcome: .failedPermanent, unusable: .email)
            #expect(sent.map(\.position) == [0])

            #expect(try await f.count(
                "SELECT count(*) FROM debtors WHERE email_unusable_since IS NOT NULL AND email_unusable_reason = '550 5.1.1 mailbox unavailable'"
            ) == 1)
            let rows = try await f.invoices.timeline(of: invoice.id).map {
                "\($0.position) \($0.channel.rawValue) \($0.status.rawValue) \($0.statusReason ?? "-")"
            }
            #expect(rows == [
                "0 email skipped failed_permanent",
                "1 email skipped email_unusable",
                "2 email skipped email_unusable",
                "3 call planned moved_up: email_unusable",
                "4 letter planned -",
                "5 registered_letter planned -",
                "6 legal planned -",
            ])
            let call = try #require(try await f.invoices.timeline(of: invoice.id).first { $0.position == 3 })
            #expect(call.dueAt == refusedAt)
            #expect(call.dueDate == (try StoreFixture.day("2025-04-04")))

            // The next claim, an hour later inside the call hours, sends the call at once.
            let decider = DispatchDecider(complianceRules: try StoreFixture.complianceRules())
            let now = try InvoicePlanningTests.utc("2025-03-17T10:00:00Z")
            let channels = Mutex<[RelanceCore.Channel]>([])
            _ = try await DispatchStore(client: client, logger: TestDatabase.logger).claimAndDispatch(now: now, batchSize: 100) { steps in
                let plan = decider.plan(steps, now: now)
                channels.withLock { $0 = try! plan.jobs.map { try ReminderJob.decode($0.payload).channel } }
                return plan
            }
            #expect(channels.withLock { $0 } == [.call])
        }
    }
}
