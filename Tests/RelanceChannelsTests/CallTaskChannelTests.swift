import Foundation
import Logging
import PostgresNIO
import RelanceChannels
import RelanceCore
import RelancePipeline
import RelanceStore
import RelanceTestSupport
import Testing

/// The call channel on a real database: a call job becomes one task an agent can take.
@Suite("Call task channel")
struct CallTaskChannelTests {
    /// Wednesday 2 December 2026, 17:20 in Paris.
    static let now = Date(timeIntervalSince1970: 1_796_228_429)

    struct Stored: Sendable {
        var tenant: UUID
        var debtor: UUID
    }

    /// A tenant, creditor and debtor (with `phone`, short of cash or not).
    static func parties(_ client: PostgresClient, phone: String?, shortOfCash: Bool = false) async throws -> Stored {
        let logger = FreshDatabase.logger
        let tenant = Tenant(name: "Atelier Durand", kind: .business)
        try await TenantRepository(client: client, logger: logger).create(tenant)
        let address = PostalAddress(lines: ["12 rue des Lilas"], postalCode: "69003", city: "Lyon", countryCode: "FR")
        let creditor = Creditor(tenantId: tenant.id, name: "Atelier Durand & Frères", address: address)
        try await CreditorRepository(client: client, logger: logger).create(creditor)
        let debtor = try Debtor(
            tenantId: tenant.id, creditorId: creditor.id, name: "Pâtisserie Lefèvre & Fils", kind: .business, language: .fr,
            timeZone: "Europe/Paris", contacts: DebtorContacts(email: "compta@lefevre.example", phone: phone, postalAddress: address)
        )
        try await DebtorRepository(client: client, logger: logger).create(DebtorRecord(debtor: debtor, cashFlowDifficulty: shortOfCash))
        return Stored(tenant: tenant.id.uuid, debtor: debtor.id.uuid)
    }

    /// A call job of `stored`'s debtor, written to `jobs` as the dispatcher would.
    static func job(_ client: PostgresClient, _ stored: Stored, context: MessageContext?, id: UUID = UUID()) async throws -> ChannelJob {
        try await client.query(
            """
            INSERT INTO jobs (tenant_id, id, debtor_id, channel, payload)
            VALUES (\(stored.tenant), \(id), \(stored.debtor), 'call', '{}')
            ON CONFLICT (id) DO NOTHING
            """,
            logger: FreshDatabase.logger
        )
        let steps = [UUID(), UUID()].enumerated().map { index, invoice in
            ReminderJob.Step(stepId: UUID(), invoiceId: invoice, position: 3, templateKey: "call.first", tone: .neutral)
        }
        return ChannelJob(
            job: ReminderJob(jobId: id, tenantId: stored.tenant, debtorId: stored.debtor, channel: .call, steps: steps, createdAt: now),
            steps: steps, invoices: [:], attempt: 1, now: now, message: context
        )
    }

    static func channel(_ client: PostgresClient) -> CallTaskChannel {
        CallTaskChannel(client: client, reference: Fixtures.reference, logger: FreshDatabase.logger)
    }

    static func detail(_ delivery: ChannelDelivery) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(delivery.detail.utf8)) as? [String: Any])
    }

    @Test("A call job makes one task (outcome task_created, no artefact); delivered again it makes none more")
    func createsOneTask() async throws {
        try await FreshDatabase.withMigrated { _, client in
            let stored = try await Self.parties(client, phone: "+33 1 40 00 00 00")
            let job = try await Self.job(client, stored, context: Fixtures.context(debtorEmail: "compta@lefevre.example"))
            let channel = Self.channel(client)
            let delivery = try await channel.perform(job)
            #expect(delivery.outcome == .taskCreated && delivery.artefactURI == nil)
            let detail = try Self.detail(delivery)
            let taskId = try #require(detail["task_id"] as? String)
            // 17:20 in Paris on a Wednesday: callable now, until 19:00.
            #expect(detail["earliest"] as? String == "2026-12-02T17:20:29+01:00")
            #expect(detail["latest"] as? String == "2026-12-02T19:00+01:00")
            #expect(detail["time_zone"] as? String == "Europe/Paris")
            // 3 386.94 € due (principal 3 250.50 + penalties 136.44), 59 days late at the oldest.
            let priority = CallPriority.score(amountDue: Fixtures.eur("3386.94"), daysLate: 59)
            #expect(detail["priority"] as? Int == priority)

            let again = try await channel.perform(job)
            #expect(try Self.detail(again)["task_id"] as? String == taskId)
            let store = CallTaskStore(client: client, rules: Fixtures.reference.complianceRules, logger: FreshDatabase.logger)
            let taskUUID = try #require(UUID(uuidString: taskId))
            let task = try #require(try await store.task(taskUUID))
            #expect(task.jobId == job.job.jobId && task.invoiceIds == job.steps.map(\.invoiceId))
            #expect(task.priority == priority && task.status == .open)
            // The talking points: the phone, the amounts with penalties, the history, a plan
            // (one invoice is part paid: the debtor is short of cash).
            let points = task.talkingPoints
            #expect(points.phone == "+33 1 40 00 00 00")
            #expect(points.due == Fixtures.eur("3386.94") && points.penalties == Fixtures.eur("136.44"))
            #expect(points.history.map(\.summary) == ["Rappel amical"])
            #expect(points.solution.kind == .paymentPlan)
            #expect(try Money.sum(points.solution.installments.map(\.amount), currency: .eur) == Fixtures.eur("3250.50"))
            let rows = try await client.query("SELECT count(*)::int FROM call_tasks", logger: FreshDatabase.logger)
            for try await count in rows.decode(Int.self) { #expect(count == 1) }
        }
    }

    @Test("A call job is refused for good without its message, and without a usable phone (the phone is named)")
    func refusals() async throws {
        try await FreshDatabase.withMigrated { _, client in
            let channel = Self.channel(client)
            let withPhone = try await Self.parties(client, phone: "+33140000000")
            let bare = try await Self.job(client, withPhone, context: nil)
            await #expect(throws: RelancePipeline.ChannelError.permanent("call job \(bare.job.jobId) has no message context: nothing to brief the agent with")) {
                _ = try await channel.perform(bare)
            }
            let noPhone = try await Self.parties(client, phone: nil)
            let job = try await Self.job(client, noPhone, context: Fixtures.context(debtorEmail: nil))
            do {
                _ = try await channel.perform(job)
                Issue.record("a debtor without a phone was called")
            } catch let error as RelancePipeline.ChannelError {
                #expect(error.kind == .permanent && error.unusable == .phone)
                #expect(error.message == "debtor Pâtisserie Lefèvre & Fils cannot be called: it has no phone number")
            }
        }
    }

    @Test("A database that refuses the write is a transient failure")
    func databaseErrorIsTransient() async throws {
        try await FreshDatabase.withMigrated { _, client in
            let stored = try await Self.parties(client, phone: "+33140000000")
            let job = try await Self.job(client, stored, context: Fixtures.context(debtorEmail: nil))
            try await client.query("ALTER TABLE call_tasks RENAME TO call_tasks_away", logger: FreshDatabase.logger)
            do {
                _ = try await Self.channel(client).perform(job)
                Issue.record("the task was written to a missing table")
            } catch let error as RelancePipeline.ChannelError {
                #expect(error.kind == .transient)
                #expect(error.message.hasPrefix("cannot save the call task of job \(job.job.jobId)"))
            }
        }
    }
}
