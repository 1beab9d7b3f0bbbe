import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelanceRuntime
import RelanceStore

/// Seeds the benchmark's due steps: `reminders` invoices spread evenly over `tenants` business
/// tenants (one creditor each), each invoice with exactly one step due on the bench day, on
/// the four queue channels in turn (email, call, letter — recap letters and formal notices
/// alternating —, legal filing).
///
/// Every seeded debtor is of one `DebtorShape`, so their invoices go through
/// `InvoiceIntake.add(_:sharing:today:batchSize:)` with one shared planning (the ladder is
/// personalised once), and their schedules are the planner's own: each invoice's due date is
/// chosen so that, on the bench day, the step of the wanted channel is the one the ladder has
/// reached (the earlier ones are cancelled as superseded at intake,
/// the later ones stay planned for later days). A legal step is never due before the formal
/// notice was sent, so legal invoices are planned 15 days earlier — their notice due then —
/// and that notice is recorded as sent on that day (a history job with its outcome, written
/// here directly); their legal step then falls due on the bench day.
///
/// Each debtor has `invoicesPerDebtor` invoices on one channel (one message carries them all).
struct BenchSeeder: Sendable {
    let client: PostgresClient
    let logger: Logger
    /// The day the steps are due, in the debtors' time zone.
    let day: CalendarDate
    /// Every seeded debtor is of this shape, so their invoices share one planning.
    var shape = DebtorShape()
    /// The channel groups debtors are given in turn.
    var groups: [Group] = Group.allCases
    /// The moment the run starts (due steps are those due by then): 10:30 on `day` in the
    /// debtors' zone unless set.
    var runStart: Date?

    /// What was seeded.
    struct Seed: Sendable {
        var tenants = 0
        var debtors = 0
        var invoices = 0
        /// Planned steps due at the start of the run, per channel.
        var dueSteps: [String: Int] = [:]
        var totalDueSteps: Int { dueSteps.values.reduce(0, +) }
    }

    /// The queue channel of each group of debtors, in turn; letters alternate between the
    /// recap letter and the formal notice.
    enum Group: Int, CaseIterable {
        case email, call, letter, legal
    }

    static let address = PostalAddress(lines: ["8 rue du Banc d'Essai"], postalCode: "75011", city: "Paris", countryCode: "FR")

    func seed(reminders: Int, tenants: Int, invoicesPerDebtor: Int, concurrency: Int = 2) async throws -> Seed {
        let offsets = try Self.stepOffsets(day: day)
        var shares: [Int] = []
        for index in 0..<tenants { shares.append(reminders / tenants + (index < reminders % tenants ? 1 : 0)) }

        var seed = Seed()
        try await withThrowingTaskGroup(of: (debtors: Int, invoices: Int).self) { group in
            var next = 0
            var firstDebtor = 0
            func start() {
                let index = next
                let share = shares[index]
                let debtorBase = firstDebtor
                firstDebtor += (share + invoicesPerDebtor - 1) / invoicesPerDebtor
                next += 1
                group.addTask {
                    try await seedTenant(index, invoices: share, invoicesPerDebtor: invoicesPerDebtor,
                                         debtorBase: debtorBase, offsets: offsets)
                }
            }
            while next < min(max(1, concurrency), tenants) { start() }
            for try await counts in group {
                seed.tenants += 1
                seed.debtors += counts.debtors
                seed.invoices += counts.invoices
                if next < tenants { start() }
            }
        }

        // The steps the run must carry out, kept for the final check.
        let runStart = self.runStart ?? day.moment(hour: 10, minute: 30, in: shape.timeZone.zone)
        try await client.query(
            """
            CREATE TABLE bench_due_steps AS
            SELECT id, channel FROM schedule_steps WHERE pending AND due_at <= \(runStart)
            """,
            logger: logger
        )
        try await client.query("ALTER TABLE bench_due_steps ADD PRIMARY KEY (id)", logger: logger)
        let rows = try await client.query("SELECT channel, count(*)::int8 FROM bench_due_steps GROUP BY channel", logger: logger)
        for try await (channel, count) in rows.decode((String, Int).self) { seed.dueSteps[channel] = count }
        // Fresh tables: give the planner real statistics before the claim queries run.
        try await client.query("VACUUM ANALYZE tenants, creditors, debtors, invoices, schedule_steps, jobs, job_outcomes, invoice_events, bench_due_steps", logger: logger)
        return seed
    }

    /// Days after the invoice due date of the step each group is due on, for a new debtor's
    /// ladder (the built-in French one, personalised for a debtor with no history).
    static func stepOffsets(day: CalendarDate) throws -> [RelanceCore.Channel: Int] {
        let sample = try Invoice(
            tenantId: TenantID(), creditorId: CreditorID(), debtorId: DebtorID(), number: "sample",
            issueDate: day.adding(days: -90), dueDate: day.adding(days: -60), amount: Money(minorUnits: 1_200_00, currency: .eur)
        )
        let ladder = Personaliser().personalise(
            policy: .defaultFrench, profile: BehaviourProfile(history: [], today: day), invoice: sample, today: day
        ).policy
        var offsets: [RelanceCore.Channel: Int] = [:]
        for step in ladder.steps { offsets[step.channel] = step.offsetDays }   // the last step of each channel
        for channel in [RelanceCore.Channel.email, .call, .letter, .registeredLetter, .legal] where offsets[channel] == nil {
            throw CommandFailure("the built-in ladder has no \(channel) step: the benchmark cannot seed that channel")
        }
        return offsets
    }

    private func seedTenant(
        _ index: Int, invoices count: Int, invoicesPerDebtor: Int, debtorBase: Int, offsets: [RelanceCore.Channel: Int]
    ) async throws -> (debtors: Int, invoices: Int) {
        let tenant = Tenant(name: "Bench tenant \(index + 1)", kind: .business)
        try await TenantRepository(client: client, logger: logger).create(tenant)
        let creditor = Creditor(tenantId: tenant.id, name: "Bench creditor \(index + 1)", address: Self.address)
        try await CreditorRepository(client: client, logger: logger).create(creditor)

        var debtors: [DebtorRecord] = []
        var plain: [Invoice] = []      // planned on the bench day
        var legal: [Invoice] = []      // planned 15 days before, their notice then recorded as sent
        let debtorCount = (count + invoicesPerDebtor - 1) / invoicesPerDebtor
        for local in 0..<debtorCount {
            let number = debtorBase + local
            let debtor = try shape.debtor(
                tenant: tenant.id, creditor: creditor.id, name: "Débiteur \(number + 1)",
                contacts: DebtorContacts(email: "debtor\(number + 1)@bench.example", phone: "+33100000000",
                                         postalAddress: Self.address)
            )
            debtors.append(DebtorRecord(debtor: debtor, externalRef: "D\(number + 1)"))
            let group = groups[number % groups.count]
            for k in 0..<min(invoicesPerDebtor, count - local * invoicesPerDebtor) {
                let channel: RelanceCore.Channel = switch group {
                case .email: .email
                case .call: .call
                case .letter: (number / groups.count) % 2 == 0 ? .letter : .registeredLetter
                case .legal: .legal
                }
                let due = day.adding(days: -offsets[channel]!)
                let invoice = try Invoice(
                    tenantId: tenant.id, creditorId: creditor.id, debtorId: debtor.id,
                    number: "B-\(number + 1)-\(k + 1)", issueDate: due.adding(days: -30), dueDate: due,
                    amount: Money(minorUnits: 1_200_00 + Int64(number % 1000) * 100, currency: .eur)
                )
                if channel == .legal { legal.append(invoice) } else { plain.append(invoice) }
            }
        }
        let repository = DebtorRepository(client: client, logger: logger)
        for start in stride(from: 0, to: debtors.count, by: 5_000) {
            try await repository.createMany(Array(debtors[start..<min(debtors.count, start + 5_000)]))
        }
        let intake = InvoiceIntake(client: client, logger: logger)
        let planning = shape.planning(asOf: day)
        let noticeDay = day.adding(days: -(offsets[.legal]! - offsets[.registeredLetter]!))
        // Plain and legal invoices go in by turns, in slices of about a thousand: steps due at
        // the same moment are claimed in the order they were written, so seeding all legal
        // invoices last would hand the legal queue the end of the run alone, which a day's
        // real mix of channels does not do.
        let slices = max(1, (count + 999) / 1_000)
        for slice in 0..<slices {
            let plainSlice = Array(plain[plain.count * slice / slices..<plain.count * (slice + 1) / slices])
            let legalSlice = Array(legal[legal.count * slice / slices..<legal.count * (slice + 1) / slices])
            try await intake.add(plainSlice, sharing: planning, today: day, batchSize: 5_000)
            try await intake.add(legalSlice, sharing: planning, today: noticeDay, batchSize: 5_000)
            try await recordNotices(legalSlice.map(\.id.uuid), on: noticeDay)
        }
        return (debtors.count, count)
    }

    /// Records the formal notice of each invoice as sent on `noticeDay`: a job (published) and
    /// its outcome, the notice step done, the invoice's formal-notice date set.
    private func recordNotices(_ invoiceIds: [UUID], on noticeDay: CalendarDate) async throws {
        guard !invoiceIds.isEmpty else { return }
        let sentAt = noticeDay.moment(hour: 10, minute: 30, in: shape.timeZone.zone)
        let noticeDate = noticeDay
        _ = try await client.withTransaction(logger: logger) { connection in
            try await connection.query(
                """
                WITH notices AS MATERIALIZED (
                    SELECT s.tenant_id, s.id AS step_id, s.invoice_id, s.debtor_id, gen_random_uuid() AS job_id
                    FROM schedule_steps s
                    WHERE s.invoice_id = ANY(\(invoiceIds)) AND s.channel = 'registered_letter' AND s.status = 'planned'
                ), history_jobs AS (
                    INSERT INTO jobs (tenant_id, id, debtor_id, channel, payload, created_at)
                    SELECT tenant_id, job_id, debtor_id, 'registered_letter', '{"bench_history":true}'::json, \(sentAt)
                    FROM notices
                    RETURNING id
                ), history_outcomes AS (
                    INSERT INTO job_outcomes (tenant_id, job_id, debtor_id, channel, outcome, detail, completed_at)
                    SELECT tenant_id, job_id, debtor_id, 'registered_letter', 'sent', '{"mode":"bench_history"}'::jsonb, \(sentAt)
                    FROM notices
                    RETURNING job_id
                ), notice_dates AS (
                    UPDATE invoices i SET formal_notice_date = \(noticeDate)
                    FROM notices n WHERE i.id = n.invoice_id
                    RETURNING i.id
                )
                UPDATE schedule_steps s SET status = 'done', job_id = n.job_id, status_reason = 'sent'
                FROM notices n WHERE s.id = n.step_id
                """,
                logger: logger
            )
        }
    }
}
