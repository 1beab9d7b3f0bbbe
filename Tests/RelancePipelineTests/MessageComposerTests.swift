import Foundation
import PostgresNIO
import RelanceCore
import RelancePipeline
import RelanceStore
import Testing

/// The message composer against a real PostgreSQL: invoices planned by the intake, jobs grouped
/// by the dispatcher, earlier steps carried out by the job processor. What needs the database
/// only: the batch's reads, the job processor's use of the composer, the formal notice date
/// the worker writes. The composition itself is tested on in-memory snapshots in
/// RelanceCoreTests (Composition/MessageComposerTests.swift).
@Suite("Message composer against PostgreSQL")
struct MessageComposerTests {
    typealias F = ComposerFixture

    @Test("A batch of 500 jobs is read in a fixed number of statements")
    func batchOf500() async throws {
        try await TestDatabase.withMigratedDatabase { client in
            let fixture = F(client: client)
            var debtors: [Debtor] = []
            for kind in [TenantKind.business, .collectionAgency] {
                let creditor = try await fixture.creditor(of: try await fixture.tenant("Tenant \(kind.rawValue)", kind: kind))
                debtors += (0..<250).map { F.debtor(of: creditor, name: "Debtor \(kind.rawValue) \($0)") }
            }
            try await fixture.debtors(debtors)
            let invoices = debtors.enumerated().flatMap { index, debtor in
                [
                    F.invoice(debtor, number: "X-\(index)-1", amount: "1200.00", issued: "2025-12-15", due: "2026-01-15"),
                    F.invoice(debtor, number: "X-\(index)-2", amount: "310.25", issued: "2025-12-15", due: "2026-01-15"),
                ]
            }
            try await fixture.plan(invoices, today: "2025-12-15")
            try await fixture.carryOut(at: F.moment("2026-01-12"), acting: true)

            let now = F.moment("2026-01-18")
            let jobs = try await fixture.dispatch(at: now)
            #expect(jobs.count == 500)
            let composer = fixture.composer

            // The same statements for one job of an agency as for all 500.
            let single = try await fixture.load([try #require(jobs.first { $0.tenantId == debtors[250].tenantId.uuid })], at: now)
            let clock = ContinuousClock()
            let loadStart = clock.now
            let snapshot = try await fixture.load(jobs, at: now)
            let loaded = clock.now
            let results = composer.compose(jobs.map { ($0, $0.steps) }, at: now, from: snapshot)
            let composed = clock.now
            print("composer, 500 jobs / 1 000 invoices: read \(loaded - loadStart), assembled \(composed - loaded)")

            #expect(snapshot.statements == single.statements)
            #expect(snapshot.statements <= MessageContextStore.maximumStatements)
            #expect(snapshot.invoices.count == 1_000)
            let contexts = try results.map { try $0.get() }
            #expect(contexts.allSatisfy { $0.invoices.count == 2 && $0.history.count == 1 })
            #expect(contexts.filter { $0.agency?.firstLetter != nil }.count == 250)
        }
    }

    @Test("The job processor hands channels the composed message, and fails a job whose data cannot make one")
    func processorHook() async throws {
        try await TestDatabase.withMigratedDatabase { client in
            let fixture = F(client: client)
            let creditor = try await fixture.creditor(of: try await fixture.tenant("Atelier Durand"))
            let good = try await fixture.debtor(of: creditor)
            let broken = try await fixture.debtor(of: creditor, name: "Quincaillerie Roux")
            let brokenInvoice = F.invoice(broken, number: "R-1", amount: "500.00", issued: "2025-12-15", due: "2026-01-15")
            try await fixture.plan([
                F.invoice(good, number: "G-1", amount: "500.00", issued: "2025-12-15", due: "2026-01-15"),
                brokenInvoice,
            ], today: "2025-12-15")
            // A payment row in another currency than its invoice: no penalty can be computed.
            try await client.query(
                """
                INSERT INTO payments (tenant_id, id, invoice_id, paid_on, currency, amount_minor)
                VALUES (\(broken.tenantId.uuid), \(UUID()), \(brokenInvoice.id.uuid), '2026-01-16', 'GBP', 100)
                """,
                logger: fixture.logger
            )

            let now = F.moment("2026-01-18")
            let jobs = try await fixture.dispatch(at: now)
            #expect(jobs.count == 2)
            let dispositions = try await fixture.process(jobs, at: now, composer: fixture.composer, renderer: F.renderer)
            for (job, disposition) in zip(jobs, dispositions) {
                let rows = try await client.query(
                    "SELECT outcome, detail::text FROM job_outcomes WHERE job_id = \(job.jobId)", logger: fixture.logger
                )
                var outcome: (String, String)?
                for try await row in rows.decode((String, String).self) { outcome = row }
                if job.debtorId == good.id.uuid {
                    #expect(disposition == .acknowledge)
                    #expect(outcome?.0 == "recorded")
                    // RecordingChannel renders the message it is given and records its subject.
                    #expect(outcome?.1.contains("G-1") == true)
                } else {
                    guard case .deadLetter(let reason) = disposition else {
                        Issue.record("the job whose payment is in GBP should be dead-lettered, got \(disposition)")
                        continue
                    }
                    #expect(reason.contains("R-1"))
                    #expect(outcome?.0 == "failed_permanent")
                }
            }
        }
    }

    @Test("With a composer, a job delivered again after its outcome is acknowledged without a second contact; a forged job naming a dispatched step is dead-lettered")
    func composerPathStandings() async throws {
        try await TestDatabase.withMigratedDatabase { client in
            let fixture = F(client: client)
            let creditor = try await fixture.creditor(of: try await fixture.tenant("Atelier Durand"))
            let debtors = [try await fixture.debtor(of: creditor), try await fixture.debtor(of: creditor, name: "Quincaillerie Roux")]
            try await fixture.plan(debtors.enumerated().map { index, debtor in
                F.invoice(debtor, number: "S-\(index)", amount: "500.00", issued: "2025-12-15", due: "2026-01-15")
            }, today: "2025-12-15")
            let now = F.moment("2026-01-18")
            let jobs = try await fixture.dispatch(at: now)
            #expect(jobs.count == 2)

            let channel = CountingChannel()
            let processor = JobProcessor(
                storage: fixture.worker, channels: [channel], composer: fixture.composer, clock: ManualClock(now),
                logger: fixture.logger
            )
            func messages(_ jobs: [ReminderJob]) throws -> [IncomingMessage] {
                jobs.map { IncomingMessage(body: Array($0.encoded()), attempt: 1, queueChannel: $0.channel.queueChannel.rawValue) }
            }
            #expect(try await processor.process(messages(jobs)) == [.acknowledge, .acknowledge])
            #expect(channel.contacted.count == 2)

            // The same messages again (a redelivery): acknowledged, nobody contacted again.
            #expect(try await processor.process(messages(jobs)) == [.acknowledge, .acknowledge])
            #expect(channel.contacted.count == 2)

            // A message naming a real step, dispatched under another job's id.
            let forged = ReminderJob(
                jobId: UUID(), tenantId: jobs[0].tenantId, debtorId: jobs[0].debtorId, channel: jobs[0].channel,
                steps: jobs[0].steps, createdAt: now
            )
            #expect(try await processor.process(messages([forged])) == [
                .deadLetter(reason: "unknown job \(forged.jobId) for tenant \(forged.tenantId)"),
            ])
            #expect(channel.contacted.count == 2)
            let rows = try await client.query("SELECT count(*)::int8 FROM job_outcomes", logger: fixture.logger)
            var count = 0
            for try await value in rows.decode(Int.self) { count = value }
            #expect(count == 2)
        }
    }
}
