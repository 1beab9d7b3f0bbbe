import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelanceStore
import Synchronization
import Testing

/// The dispatcher's claim: fair across tenants, never the same step twice, and each step with
/// what the planner and the guards need.
@Suite("Dispatch claims")
struct DispatchClaimTests {
    /// Three tenants with one due step per invoice at 2025-03-17 08:00 Paris: the first has 40
    /// debtors with one invoice each, the others one debtor with 3 invoices. The third is a
    /// collection agency.
    struct Seed: Sendable {
        var tenants: [Tenant]
        var invoicesByTenant: [TenantID: [Invoice]]

        static func make(_ f: StoreFixture) async throws -> Seed {
            var tenants: [Tenant] = []
            var invoices: [TenantID: [Invoice]] = [:]
            for (name, debtors, each, kind) in [("Big", 40, 1, TenantKind.business), ("Small", 1, 3, .business), ("Agency", 1, 3, .collectionAgency)] {
                let tenant = try await f.tenant(name, kind: kind)
                let creditor = try await f.creditor(of: tenant)
                var batch: [Invoice] = []
                for d in 0..<debtors {
                    let debtor = try await f.debtor(of: creditor, name: "\(name) débiteur \(d)", language: kind == .collectionAgency ? .en : .fr)
                    batch += try (0..<each).map { try StoreFixture.invoice(debtor, number: "\(name)-\(d)-\($0)") }
                }
                try await f.intake.add(batch, today: StoreFixture.day("2025-02-20"))
                tenants.append(tenant)
                invoices[tenant.id] = batch
            }
            return Seed(tenants: tenants, invoicesByTenant: invoices)
        }
    }

    static let now = Date(timeIntervalSince1970: 1_742_202_000)  // 2025-03-17T09:00:00Z

    /// A tenant with a two-step policy of its own, beside the built-in ladder.
    static func tenantWithShortLadder(_ f: StoreFixture) async throws -> (Tenant, DunningPolicy) {
        let tenant = try await f.tenant()
        let short = try DunningPolicy(name: "Courte", steps: [
            DunningStep(offsetDays: -3, channel: .email, templateKey: "reminder.courteous"),
            DunningStep(offsetDays: 5, channel: .call, templateKey: "call.first"),
        ])
        try await f.policies.create(short, tenantId: tenant.id)
        return (tenant, short)
    }

    @Test("One claim gives every tenant its share, and what the small ones leave goes to the big one")
    func fairShare() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let seed = try await Seed.make(f)
            let claimed = try await PipelineDriver(client: client).dispatchDue(at: Self.now, batchSize: 30)
            var perTenant: [UUID: Int] = [:]
            for (step, _) in claimed { perTenant[step.tenantId, default: 0] += 1 }
            // 30 for 3 tenants: a share of 10 each. The small ones have 3 due steps (one debtor)
            // each and leave 7 each to the big one: 24 of its debtors.
            #expect(perTenant == [seed.tenants[0].id.uuid: 24, seed.tenants[1].id.uuid: 3, seed.tenants[2].id.uuid: 3])
            #expect(try await f.count("SELECT count(*) FROM schedule_steps WHERE status = 'dispatched'") == 30)
            // Before the big tenant's 40 debtors run out, the next claim is full again.
            let second = try await PipelineDriver(client: client).dispatchDue(at: Self.now, batchSize: 10)
            #expect(second.count == 10 && second.allSatisfy { $0.step.tenantId == seed.tenants[0].id.uuid })
        }
    }

    @Test("Invoices planned with different ladders, claimed together: each step gets its own invoice's ladder")
    func laddersPerInvoice() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let (tenant, short) = try await Self.tenantWithShortLadder(f)
            let creditor = try await f.creditor(of: tenant)
            let debtor = try await f.debtor(of: creditor)
            let invoices = try (0..<6).map {
                try StoreFixture.invoice(debtor, number: "L-\($0)", policy: $0.isMultiple(of: 2) ? short.id : nil)
            }
            try await f.intake.add(invoices, today: StoreFixture.day("2025-02-20"))
            let claimed = try await PipelineDriver(client: client).dispatchDue(at: Self.now)
            #expect(claimed.count == 6)
            for (step, _) in claimed {
                let invoice = try #require(invoices.first { $0.id.uuid == step.invoiceId })
                #expect(step.ladder.steps == (invoice.policyOverride == nil ? DunningPolicy.defaultFrench.steps : short.steps))
            }
        }
    }

    @Test("Each distinct ladder is read once and kept by its content's hash: a later claim meeting a new ladder reads that one")
    func laddersKeptAcrossClaims() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let (tenant, short) = try await Self.tenantWithShortLadder(f)
            let debtor = try await f.debtor(of: try await f.creditor(of: tenant))
            let store = DispatchStore(client: client, logger: f.logger)
            let seen = Mutex<[DueStep]>([])
            // Claims what is due and leaves it planned, keeping what was read.
            func claim() async throws -> [DueStep] {
                _ = try await store.claimAndDispatch(now: Self.now, batchSize: 100) { steps in
                    seen.withLock { $0 = steps }
                    return DispatchPlan()
                }
                return seen.withLock { $0 }
            }
            func hashes() async throws -> [Int64] {
                let rows = try await client.query("SELECT DISTINCT ladder_hash FROM invoices", logger: f.logger)
                var result: [Int64] = []
                for try await hash in rows.decode(Int64.self) { result.append(hash) }
                return result
            }

            try await f.intake.add(try (0..<3).map { try StoreFixture.invoice(debtor, number: "D-\($0)") }, today: StoreFixture.day("2025-02-20"))
            #expect(try await claim().allSatisfy { $0.ladder.steps == DunningPolicy.defaultFrench.steps })
            let builtIn = try #require(try await hashes().first)
            #expect(store.ladders[hash: builtIn]?.steps == DunningPolicy.defaultFrench.steps)

            try await f.intake.add(
                try (0..<3).map { try StoreFixture.invoice(debtor, number: "S-\($0)", policy: short.id) }, today: StoreFixture.day("2025-02-20")
            )
            let both = try await claim()
            #expect(both.count == 6)
            #expect(both.filter { $0.ladder.steps == short.steps }.count == 3)
            #expect(both.filter { $0.ladder.steps == DunningPolicy.defaultFrench.steps }.count == 3)
            let all = try await hashes()
            #expect(all.count == 2)
            #expect(all.allSatisfy { store.ladders[hash: $0] != nil })
        }
    }

    @Test("A claimed step carries its invoice, ladder, history, debtor and tenant kind")
    func dueStepContents() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let seed = try await Seed.make(f)
            let driver = PipelineDriver(client: client)
            // Carry out the first step everywhere, then come back when the second is due.
            #expect(try await driver.carryOut(at: Self.now).count == 46)
            let agency = seed.tenants[2]
            let invoice = try #require(seed.invoicesByTenant[agency.id]?.first)
            let second = try await driver.dispatchDue(at: InvoicePlanningTests.utc("2025-03-23T09:00:00Z"))
            let step = try #require(second.first { $0.step.invoiceId == invoice.id.uuid }?.step)
            #expect(step.position == 1 && step.channel == .email && step.templateKey == "reminder.courteous")
            #expect(try step.tone == .courteous && step.dueDate == StoreFixture.day("2025-03-23"))
            #expect(step.invoice == invoice)
            #expect(step.ladder == DunningPolicy.defaultFrench)
            #expect(step.history == [StepExecution(stepIndex: 0, date: try StoreFixture.day("2025-03-17"), outcome: .done)])
            #expect(step.tenantKind == .collectionAgency && step.debtorLanguage == .en && step.debtorKind == .business)
            #expect(step.debtorTimeZone.identifier == "Europe/Paris")
            #expect(step.outstanding == invoice.outstanding)
            // The planner, given what the claim returned, agrees that this step is the one due.
            let schedule = try EscalationPlanner().plan(
                invoice: step.invoice, debtorKind: step.debtorKind, policy: step.ladder, history: step.history,
                today: StoreFixture.day("2025-03-23")
            )
            #expect(schedule.dueNow.map(\.stepIndex) == [step.position])
            #expect(second.count == 46)
        }
    }

    @Test("A claimed row that cannot be read is cancelled with the reason; the claim goes on with the others")
    func unreadableRowIsolated() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let seed = try await Seed.make(f)
            // One debtor's zone is a name this system does not know (written by hand, or by a
            // newer system), another invoice's ladder no longer decodes.
            let small = seed.tenants[1].id.uuid
            try await client.query("UPDATE debtors SET time_zone = 'Mars/Olympus_Mons' WHERE tenant_id = \(small)", logger: f.logger)
            let agencyInvoice = try #require(seed.invoicesByTenant[seed.tenants[2].id]?.first).id.uuid
            try await client.query(
                "UPDATE invoices SET ladder = '{\"name\": 7}'::jsonb WHERE id = \(agencyInvoice)", logger: f.logger
            )
            let store = DispatchStore(client: client, logger: f.logger)
            let decider = DispatchDecider(complianceRules: try StoreFixture.complianceRules())
            let summary = try await store.dispatchDue(at: Self.now, batchSize: 200, decider: decider)
            #expect(summary.claimed == 46)
            // Three steps of the small tenant's debtor and the one of the broken ladder.
            let rows = try await client.query(
                "SELECT tenant_id, status_reason FROM schedule_steps WHERE status = 'cancelled' AND status_reason LIKE 'unreadable:%'",
                logger: f.logger
            )
            var cancelled: [(UUID, String)] = []
            for try await row in rows.decode((UUID, String).self) { cancelled.append(row) }
            #expect(cancelled.count == 4)
            #expect(cancelled.filter { $0.0 == small }.allSatisfy { $0.1.contains("Mars/Olympus_Mons") })
            #expect(try await f.count("SELECT count(*) FROM schedule_steps WHERE status = 'dispatched'") == 42)
            // Nothing of the unreadable steps comes back at the next claim.
            #expect(try await store.dispatchDue(at: Self.now, batchSize: 200, decider: decider).claimed == 0)
        }
    }

    /// What `lockQuery` locks (ids) in a transaction held open while another connection
    /// claims the steps due at `now` (batch of 30), and what that claim got.
    static func claim(whileHolding lockQuery: PostgresQuery, client: PostgresClient, logger: Logger) async throws
        -> (locked: Set<UUID>, claimed: [DueStep]) {
        try await client.withConnection { connection in
            try await connection.query("BEGIN", logger: logger)
            var locked = Set<UUID>()
            for try await id in try await connection.query(lockQuery, logger: logger).decode(UUID.self) { locked.insert(id) }
            let claimed = try await PipelineDriver(client: client).dispatchDue(at: Self.now, batchSize: 30)
            try await connection.query("ROLLBACK", logger: logger)
            return (locked, claimed.map(\.step))
        }
    }

    @Test("Debtors another claim holds are passed over, not waited for")
    func skipsLockedDebtors() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let seed = try await Seed.make(f)
            let big = seed.tenants[0].id.uuid
            let (locked, claimed) = try await Self.claim(
                whileHolding: "SELECT id FROM debtors WHERE tenant_id = \(big) ORDER BY id LIMIT 35 FOR NO KEY UPDATE",
                client: client, logger: f.logger
            )
            #expect(locked.count == 35)
            let bigClaimed = claimed.filter { $0.tenantId == big }
            // Big's share is 10 debtors; 5 are free.
            #expect(bigClaimed.count == 5)
            #expect(bigClaimed.allSatisfy { !locked.contains($0.debtorId) })
            #expect(claimed.count == 11)
        }
    }

    @Test("Steps another transaction holds (a payment being recorded) are passed over, not waited for")
    func skipsLockedSteps() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let seed = try await Seed.make(f)
            let small = seed.tenants[1].id.uuid
            let (locked, claimed) = try await Self.claim(
                whileHolding: "SELECT id FROM schedule_steps WHERE tenant_id = \(small) AND status = 'planned' AND position = 0 ORDER BY id LIMIT 2 FOR UPDATE",
                client: client, logger: f.logger
            )
            #expect(locked.count == 2)
            #expect(claimed.filter { $0.tenantId == small }.map(\.stepId).allSatisfy { !locked.contains($0) })
            #expect(claimed.filter { $0.tenantId == small }.count == 1)
            // Big 24 (its share and what the others leave), small 1, agency 3.
            #expect(claimed.count == 28)
        }
    }

    @Test("Two claimers at once, batches smaller than a debtor's due steps: one job per debtor and channel, and the contact budget kept")
    func oneContactPerDebtor() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let tenant = try await f.tenant()
            let creditor = try await f.creditor(of: tenant)
            // Four one-step ladders, one per contact channel, each due 3 days after the invoice:
            // on 2025-03-17.
            var ladders: [DunningPolicy] = []
            for (channel, key) in [(RelanceCore.Channel.email, "reminder.courteous"), (.call, "call.first"), (.letter, "letter.recap"),
                                   (.registeredLetter, "notice.formal")] {
                let ladder = try DunningPolicy(name: "Seul \(channel.rawValue)", steps: [
                    DunningStep(offsetDays: 3, channel: channel, templateKey: key),
                ])
                try await f.policies.create(ladder, tenantId: tenant.id)
                ladders.append(ladder)
            }
            // Ten debtors, each with an invoice on every ladder (two on email): five steps due
            // at once on four channels, one more than the budget of 3 contacts a week allows.
            var invoices: [Invoice] = []
            for d in 0..<10 {
                let debtor = try await f.debtor(of: creditor, name: "Débiteur \(d)")
                for (l, ladder) in (ladders + [ladders[0]]).enumerated() {
                    invoices.append(try StoreFixture.invoice(debtor, number: "D\(d)-L\(l)", issued: "2025-02-14", due: "2025-03-14", policy: ladder.id))
                }
            }
            try await f.intake.add(invoices, today: StoreFixture.day("2025-02-20"))
            let store = DispatchStore(client: client, logger: f.logger)
            let decider = DispatchDecider(complianceRules: try StoreFixture.complianceRules())
            let rendezvous = Rendezvous()
            @Sendable func claim(meeting: Bool) async throws -> Int {
                try await store.claimAndDispatch(now: Self.now, batchSize: 3) { steps in
                    if meeting {
                        // Both first claims hold their locks at once (bounded wait).
                        rendezvous.arrive()
                        for _ in 0..<200 where rendezvous.count < 2 { Thread.sleep(forTimeInterval: 0.01) }
                    }
                    return decider.plan(steps, now: Self.now)
                }.claimed
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        _ = try await claim(meeting: true)
                        while try await claim(meeting: false) > 0 {}
                    }
                }
                try await group.waitForAll()
            }
            while try await claim(meeting: false) > 0 {}

            let pairs = try await client.query(
                "SELECT debtor_id, channel, count(*)::int FROM jobs GROUP BY debtor_id, channel", logger: f.logger
            )
            var jobsPerDebtor: [UUID: Int] = [:]
            var twice: [String] = []
            for try await (debtor, channel, count) in pairs.decode((UUID, String, Int).self) {
                jobsPerDebtor[debtor, default: 0] += count
                if count > 1 { twice.append("\(debtor) \(channel) ×\(count)") }
            }
            #expect(twice.isEmpty, "debtors with two jobs on one channel: \(twice)")
            #expect(jobsPerDebtor.count == 10)
            #expect(jobsPerDebtor.values.allSatisfy { $0 == 3 }, "jobs per debtor: \(jobsPerDebtor.values.sorted())")
            // Call, email (two invoices in one job) and letter go; the registered letter waits
            // for the budget.
            #expect(try await f.count("SELECT count(*) FROM schedule_steps WHERE status = 'dispatched'") == 40)
            #expect(try await f.count(
                "SELECT count(*) FROM schedule_steps WHERE status = 'planned' AND channel = 'registered_letter' AND status_reason LIKE '%budget%'"
            ) == 10)
        }
    }

    @Test("Concurrent claims never return the same step")
    func concurrentClaimsDisjoint() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            _ = try await Seed.make(f)
            let dispatch = DispatchStore(client: client, logger: f.logger)
            let rendezvous = Rendezvous()
            let claims = try await withThrowingTaskGroup(of: [UUID].self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        let seen = Mutex<[UUID]>([])
                        _ = try await dispatch.claimAndDispatch(now: Self.now, batchSize: 12) { steps in
                            seen.withLock { $0 = steps.map(\.stepId) }
                            // Hold this claim's locks until the other claim has its steps too
                            // (bounded, so a claim that finds nothing cannot hang the test; 30 s,
                            // because under the whole suite's load the other claim took over 2 s
                            // to start, after this one had taken and cancelled every step).
                            rendezvous.arrive()
                            for _ in 0..<3_000 where rendezvous.count < 2 { Thread.sleep(forTimeInterval: 0.01) }
                            var plan = DispatchPlan()
                            plan.cancelled = steps.map { ($0.stepId, "test") }
                            return plan
                        }
                        return seen.withLock { $0 }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(claims.count == 2 && claims.allSatisfy { !$0.isEmpty })
            #expect(Set(claims[0]).isDisjoint(with: claims[1]))
            #expect(try await f.count("SELECT count(*) FROM schedule_steps WHERE status_reason = 'test'") == claims[0].count + claims[1].count)
        }
    }
}

/// Counts the claims that reached their `decide` step.
final class Rendezvous: Sendable {
    private let arrived = Mutex(0)
    func arrive() { arrived.withLock { $0 += 1 } }
    var count: Int { arrived.withLock { $0 } }
}
