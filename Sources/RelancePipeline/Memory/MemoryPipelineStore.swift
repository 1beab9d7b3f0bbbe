import Foundation
import RelanceCore
import Synchronization

/// The pipeline's storage held in memory, for unit tests: the dispatcher's claims, the relay's
/// outbox and the worker's reads and outcome writes over plain tables (tenants, creditors,
/// debtors, invoices with their ladders, schedule steps, jobs, outbox entries, outcomes). Each
/// call runs under one lock, so it is all or nothing as the PostgreSQL store's transactions
/// are, and it means what `RelanceStore`'s `DispatchStore`, `OutboxStore` and `WorkerStore` mean.
///
/// Tests add tenants, creditors and debtors, then invoices, which are planned as intake plans
/// them (one schedule row per step of the ladder); they change an invoice as a payment or a
/// dispute would with `updateInvoice(_:_:)` or `recordPayment(_:)`.
public final class MemoryPipelineStore: DispatchStorage, OutboxStorage, WorkerStorage {
    /// A row of the schedule.
    public struct Step: Sendable, Hashable {
        public let id: UUID
        public let tenantId: UUID
        public let invoiceId: UUID
        public let debtorId: UUID
        public let position: Int
        public let channel: Channel
        public let templateKey: String
        public let tone: Tone
        /// The step's calendar date.
        public let dueDate: CalendarDate
        /// When it falls due: 08:00 on `dueDate` where the debtor is, or later once deferred.
        public var dueAt: Date
        public var status: ScheduleStepStatus
        /// The job that carries it, once dispatched.
        public var jobId: UUID?
        /// Why it was cancelled, deferred, done or skipped (`status_reason`).
        public var reason: String?
    }

    /// A job the dispatcher wrote.
    public struct Job: Sendable, Hashable {
        public let id: UUID
        public let tenantId: UUID
        public let debtorId: UUID
        public let channel: Channel
        public let payload: Data
        public let createdAt: Date
    }

    /// A job waiting in the outbox.
    public struct OutboxEntry: Sendable, Hashable {
        public let sequence: Int64
        public let jobId: UUID
        public var publishAttempts = 0
        public var lastPublishError: String?
        public var leasedUntil: Date?
    }

    /// A stored invoice: the domain's, its ladder and what the store keeps beside it.
    struct InvoiceRow {
        var invoice: Invoice
        var ladder: DunningPolicy
        var jurisdiction: Jurisdiction
        var formalNoticeDate: CalendarDate?
        var payments: [PartialPayment] = []
    }

    struct Tables {
        var tenants: [TenantID: TenantRecord] = [:]
        var creditors: [CreditorID: Creditor] = [:]
        var debtors: [DebtorID: Debtor] = [:]
        var invoices: [InvoiceID: InvoiceRow] = [:]
        /// In insertion order (the order intake writes them).
        var steps: [Step] = []
        var jobs: [UUID: Job] = [:]
        var outbox: [OutboxEntry] = []
        var nextSequence: Int64 = 0
        /// By job id; `completedAt` always set.
        var outcomes: [UUID: JobOutcome] = [:]
        /// Jobs in a worker's hands, by job id.
        var claims: [UUID: Claim] = [:]
        /// Contact points a channel found unusable, by debtor.
        var unusableContacts: [DebtorID: Set<ContactPoint>] = [:]
        /// Operators' pauses: the claim passes over their due steps, the load reports them.
        var paused = PausedWork()
    }

    struct Claim {
        var attempt: Int
        var holder: UUID
        var until: Date
    }

    /// A test's setup that does not hold together (an invoice for an unknown debtor …).
    public struct SetupError: Error, CustomStringConvertible {
        public let description: String
    }

    private let tables = Mutex(Tables())
    /// The clock of leases and of outcomes recorded without a moment (the database's clock).
    public let clock: any PipelineClock

    public init(clock: any PipelineClock = SystemClock()) {
        self.clock = clock
    }

    // MARK: - Setup

    /// Stores a tenant; a collection agency comes with the legal mentions its letters carry.
    public func add(_ tenant: Tenant, agencyDetails: AgencyDetails? = nil) {
        tables.withLock { $0.tenants[tenant.id] = TenantRecord(tenant: tenant, agencyDetails: agencyDetails) }
    }

    /// Stores a creditor of a tenant added before.
    public func add(_ creditor: Creditor) {
        tables.withLock { $0.creditors[creditor.id] = creditor }
    }

    /// Stores a debtor (its creditor and tenant are not checked, as the worker's reads do not).
    public func add(_ debtor: Debtor) {
        tables.withLock { $0.debtors[debtor.id] = debtor }
    }

    /// Stores `invoice` with `ladder` and plans it on `today` as intake does: one schedule row
    /// per step of the ladder, planned ones due at 08:00 on their day where the debtor is.
    /// `jurisdiction` nil means the French law for the debtor's kind. Returns the rows.
    @discardableResult
    public func add(
        _ invoice: Invoice, ladder: DunningPolicy = .defaultFrench, jurisdiction: Jurisdiction? = nil, today: CalendarDate
    ) throws -> [Step] {
        try tables.withLock { tables in
            guard tables.tenants[invoice.tenantId] != nil else { throw SetupError(description: "unknown tenant \(invoice.tenantId)") }
            guard let debtor = tables.debtors[invoice.debtorId], debtor.tenantId == invoice.tenantId else {
                throw SetupError(description: "unknown debtor \(invoice.debtorId)")
            }
            guard tables.invoices[invoice.id] == nil else { throw SetupError(description: "invoice \(invoice.id) exists") }
            let schedule = try EscalationPlanner().plan(invoice: invoice, debtorKind: debtor.kind, policy: ladder, history: [], today: today)
            let steps = schedule.steps.map { step in
                let (status, reason) = ScheduleStepStatus.row(for: step.status)
                return Step(
                    id: UUID.timeOrdered(), tenantId: invoice.tenantId.uuid, invoiceId: invoice.id.uuid,
                    debtorId: invoice.debtorId.uuid, position: step.stepIndex, channel: step.channel,
                    templateKey: step.templateKey, tone: step.tone, dueDate: step.date,
                    dueAt: step.date.stepDueMoment(in: debtor.timeZone), status: status, jobId: nil, reason: reason
                )
            }
            tables.invoices[invoice.id] = InvoiceRow(
                invoice: invoice, ladder: ladder, jurisdiction: jurisdiction ?? (debtor.kind == .consumer ? .frB2C : .frB2B)
            )
            tables.steps.append(contentsOf: steps)
            return steps
        }
    }

    /// Changes an invoice as a transition does (`disputing`, `writingOff`, …).
    public func updateInvoice(_ id: InvoiceID, _ change: (Invoice) throws -> Invoice) throws {
        try tables.withLock { tables in
            guard let row = tables.invoices[id] else { throw SetupError(description: "unknown invoice \(id)") }
            tables.invoices[id]!.invoice = try change(row.invoice)
        }
    }

    /// Records money received, as a payment does: the invoice's outstanding and state change,
    /// and the payment is kept for the messages.
    public func recordPayment(_ payment: Payment) throws {
        try tables.withLock { tables in
            guard let row = tables.invoices[payment.invoiceId] else {
                throw SetupError(description: "unknown invoice \(payment.invoiceId)")
            }
            tables.invoices[payment.invoiceId]!.invoice = try row.invoice.recordingPayment(payment)
            tables.invoices[payment.invoiceId]!.payments.append(PartialPayment(date: payment.date, amount: payment.amount))
        }
    }

    // MARK: - What tests see

    /// The invoice as stored now.
    public func invoice(_ id: InvoiceID) -> Invoice? { tables.withLock { $0.invoices[id]?.invoice } }

    /// The day the invoice's formal notice went out, once it did.
    public func formalNoticeDate(of id: InvoiceID) -> CalendarDate? { tables.withLock { $0.invoices[id]?.formalNoticeDate } }

    /// The invoice's schedule, by position.
    public func steps(of id: InvoiceID) -> [Step] {
        tables.withLock { $0.steps.filter { $0.invoiceId == id.uuid }.sorted { $0.position < $1.position } }
    }

    /// One row of the schedule, by id.
    public func step(_ id: UUID) -> Step? { tables.withLock { $0.steps.first { $0.id == id } } }

    /// Every job written, oldest first.
    public var jobs: [Job] { tables.withLock { $0.jobs.values.sorted { ($0.createdAt, $0.id.uuidString) < ($1.createdAt, $1.id.uuidString) } } }

    /// The outbox, in publication order.
    public var outbox: [OutboxEntry] { tables.withLock { $0.outbox } }

    /// Every outcome recorded, in no particular order.
    public var outcomes: [JobOutcome] { tables.withLock { Array($0.outcomes.values) } }

    /// The outcome recorded for a job, once there is one (its `completedAt` always set).
    public func outcome(of jobId: UUID) -> JobOutcome? { tables.withLock { $0.outcomes[jobId] } }

    /// The contact points of a debtor a channel found unusable.
    public func unusableContacts(of debtor: DebtorID) -> Set<ContactPoint> { tables.withLock { $0.unusableContacts[debtor] ?? [] } }

    /// What operators have paused, as `operator_pauses` holds it in PostgreSQL: the claim
    /// passes over those due steps and the worker's load reports the set.
    public var paused: PausedWork {
        get { tables.withLock { $0.paused } }
        set { tables.withLock { $0.paused = newValue } }
    }

    // MARK: - DispatchStorage

    public func dispatchDue(at now: Date, batchSize: Int, decider: DispatchDecider) async throws -> DispatchSummary {
        tables.withLock { tables in
            let steps = tables.claim(now: now, batchSize: batchSize)
            guard !steps.isEmpty else { return DispatchSummary() }
            let plan = decider.plan(steps, now: now)
            tables.write(plan, now: now)
            return DispatchSummary(claimed: steps.count, plan: plan)
        }
    }

    public func outboxCount(atMost limit: Int) async throws -> Int {
        try await pendingCount(atMost: limit)
    }

    // MARK: - OutboxStorage

    public func lease(limit: Int, for lease: Duration) async throws -> [LeasedJob] {
        let now = clock.now()
        let seconds = lease.timeInterval
        return tables.withLock { tables in
            var leased: [LeasedJob] = []
            var orphans: Set<Int64> = []
            for index in tables.outbox.indices where leased.count + orphans.count < limit {
                let entry = tables.outbox[index]
                guard entry.leasedUntil.map({ $0 < now }) ?? true else { continue }
                guard let job = tables.jobs[entry.jobId] else {
                    orphans.insert(entry.sequence)
                    continue
                }
                tables.outbox[index].leasedUntil = now.addingTimeInterval(seconds)
                leased.append(LeasedJob(sequence: entry.sequence, failedAttempts: entry.publishAttempts, job: OutboxJob(
                    id: job.id, tenantId: job.tenantId, debtorId: job.debtorId, channel: job.channel, payload: job.payload
                )))
            }
            tables.outbox.removeAll { orphans.contains($0.sequence) }
            return leased
        }
    }

    public func settle(confirmed: [LeasedJob], failed: [(job: LeasedJob, reason: String)]) async throws {
        let removed = Set(confirmed.map(\.sequence))
        let failures = Dictionary(failed.map { ($0.job.sequence, (attempts: $0.job.failedAttempts + 1, reason: $0.reason)) }) { $1 }
        tables.withLock { tables in
            tables.outbox.removeAll { removed.contains($0.sequence) }
            for index in tables.outbox.indices {
                guard let failure = failures[tables.outbox[index].sequence] else { continue }
                tables.outbox[index].leasedUntil = nil
                tables.outbox[index].publishAttempts = failure.attempts
                tables.outbox[index].lastPublishError = failure.reason
            }
        }
    }

    public func pendingCount(atMost limit: Int) async throws -> Int {
        tables.withLock { min($0.outbox.count, limit) }
    }

    public func requeueUnfinished(createdIn period: Range<Date>) async throws -> Int {
        tables.withLock { tables in
            let waiting = Set(tables.outbox.map(\.jobId))
            let lost = tables.jobs.values
                .filter { period.contains($0.createdAt) && tables.outcomes[$0.id] == nil && !waiting.contains($0.id) }
                .sorted { ($0.createdAt, $0.id.uuidString) < ($1.createdAt, $1.id.uuidString) }
            for job in lost {
                tables.nextSequence += 1
                tables.outbox.append(OutboxEntry(
                    sequence: tables.nextSequence, jobId: job.id, lastPublishError: "published again: no outcome since \(job.createdAt)"
                ))
            }
            return lost.count
        }
    }

    // MARK: - WorkerStorage

    /// Makes the next `count` loads give no answer until cancelled: a connection lost in the
    /// middle of a statement.
    public func hangNextLoads(_ count: Int = 1) {
        hangingLoads.withLock { $0 += count }
    }

    private let hangingLoads = Mutex(0)

    /// While true, every worker read and write fails at once: the database is unreachable.
    public func setUnreachable(_ unreachable: Bool) {
        self.unreachable.withLock { $0 = unreachable }
    }

    private let unreachable = Mutex(false)

    /// The error of an unreachable store.
    public struct Unreachable: Error, CustomStringConvertible {
        public var description: String { "the database cannot be reached (in-memory store set unreachable)" }
    }

    private func failIfUnreachable() throws {
        if unreachable.withLock({ $0 }) { throw Unreachable() }
    }

    public func load(tenantIds: [UUID], debtorIds: [UUID], invoiceIds: [UUID], now: Date) async throws -> BatchSnapshot {
        try failIfUnreachable()
        if hangingLoads.withLock({ hanging in defer { hanging = max(0, hanging - 1) }; return hanging > 0 }) {
            try await Task.sleep(for: .seconds(86_400))
        }
        return tables.withLock { $0.snapshot(tenantIds: Set(tenantIds), debtorIds: Set(debtorIds), invoiceIds: Set(invoiceIds), now: now) }
    }

    public func standings(of jobs: [(jobId: UUID, tenantId: UUID)]) async throws -> [UUID: JobStanding] {
        try failIfUnreachable()
        return tables.withLock { tables in
            var standings: [UUID: JobStanding] = [:]
            for (jobId, tenantId) in jobs {
                standings[jobId] = tables.tenants[TenantID(tenantId)] == nil ? .unknownTenant
                    : tables.jobs[jobId]?.tenantId != tenantId ? .unknownJob
                    : tables.outcomes[jobId] != nil ? .done
                    : .awaiting
            }
            return standings
        }
    }

    public func claim(_ jobs: [JobClaim], holder: UUID, for duration: Duration) async throws -> Set<UUID> {
        try failIfUnreachable()
        let now = clock.now()
        let until = now.addingTimeInterval(duration.timeInterval)
        return tables.withLock { tables in
            var granted: Set<UUID> = []
            for job in jobs where tables.outcomes[job.jobId] == nil {
                if let held = tables.claims[job.jobId], held.until > now, held.attempt >= job.attempt,
                   !(held.holder == holder && held.attempt == job.attempt) {
                    continue
                }
                tables.claims[job.jobId] = Claim(attempt: job.attempt, holder: holder, until: until)
                granted.insert(job.jobId)
            }
            return granted
        }
    }

    public func extendClaims(of holders: [UUID], for duration: Duration) async throws {
        try failIfUnreachable()
        let until = clock.now().addingTimeInterval(duration.timeInterval)
        let holders = Set(holders)
        tables.withLock { tables in
            for (job, claim) in tables.claims where holders.contains(claim.holder) { tables.claims[job]!.until = until }
        }
    }

    /// Jobs claimed and not yet given an outcome (their claim may have ended).
    public var claimedJobs: Set<UUID> { tables.withLock { Set($0.claims.keys) } }

    @discardableResult
    public func record(_ outcomes: [JobOutcome]) async throws -> Set<UUID> {
        try failIfUnreachable()
        let now = clock.now()
        return tables.withLock { $0.record(outcomes, now: now) }
    }
}

extension MemoryPipelineStore.Tables {
    /// The steps `DispatchStore.claim` reads: planned ones due at `now`, each tenant with due
    /// steps (in random order) getting `max(1, batchSize / tenants)` of its earliest, with their
    /// invoice, ladder, history, debtor, tenant kind and the debtor's recent contacts.
    func claim(now: Date, batchSize: Int) -> [DueStep] {
        let due = steps.filter { step in
            step.status == .planned && step.dueAt <= now && tenants[TenantID(step.tenantId)] != nil
                && !paused.holds(tenant: TenantID(step.tenantId), creditor: debtors[DebtorID(step.debtorId)]?.creditorId, channel: step.channel)
        }
        let active = Set(due.map(\.tenantId)).shuffled()
        let share = max(1, batchSize / max(1, active.count))
        let byTenant = Dictionary(grouping: due, by: \.tenantId)
        var claimed: [DueStep] = []
        for tenantId in active {
            let tenantKind = tenants[TenantID(tenantId)]!.tenant.kind
            for step in byTenant[tenantId]!.sorted(by: { $0.dueAt < $1.dueAt }).prefix(share) {
                // The claim's joins: a step without its invoice or debtor is not read.
                guard let row = invoices[InvoiceID(step.invoiceId)], row.invoice.tenantId.uuid == step.tenantId,
                      let debtor = debtors[DebtorID(step.debtorId)], debtor.tenantId.uuid == step.tenantId else { continue }
                let history = steps
                    .filter { $0.invoiceId == step.invoiceId && ($0.status == .done || $0.status == .dispatched) }
                    .sorted { $0.position < $1.position }
                    .map { StepExecution(stepIndex: $0.position, date: $0.dueDate, outcome: .done) }
                claimed.append(DueStep(
                    stepId: step.id, tenantId: step.tenantId, invoiceId: step.invoiceId, debtorId: step.debtorId,
                    position: step.position, channel: step.channel, templateKey: step.templateKey, tone: step.tone,
                    dueDate: step.dueDate, dueAt: step.dueAt, statusReason: step.reason, invoice: row.invoice,
                    ladder: row.ladder, history: history, debtorKind: debtor.kind, debtorTimeZone: debtor.timeZone,
                    debtorLanguage: debtor.language, tenantKind: tenantKind,
                    recentContacts: recentContacts(tenantId: step.tenantId, debtorId: step.debtorId, now: now)
                ))
            }
        }
        return claimed
    }

    /// The debtor's jobs of the last 8 days that contacted it or are still in flight.
    func recentContacts(tenantId: UUID, debtorId: UUID, now: Date) -> [ContactAttempt] {
        let since = now.addingTimeInterval(-8 * 86_400)
        return jobs.values
            .filter { job in
                job.tenantId == tenantId && job.debtorId == debtorId && job.createdAt > since && job.createdAt <= now
                    && (outcomes[job.id].map(\.kind.contacted) ?? true)
            }
            .sorted { $0.createdAt < $1.createdAt }
            .map { ContactAttempt(at: $0.createdAt, channel: $0.channel) }
    }

    /// Writes a dispatch plan: jobs with their outbox entries, and the steps' new statuses.
    mutating func write(_ plan: DispatchPlan, now: Date) {
        for job in plan.jobs {
            jobs[job.id] = MemoryPipelineStore.Job(
                id: job.id, tenantId: job.tenantId, debtorId: job.debtorId, channel: job.channel, payload: job.payload,
                createdAt: now
            )
            nextSequence += 1
            outbox.append(MemoryPipelineStore.OutboxEntry(sequence: nextSequence, jobId: job.id))
        }
        let dispatched = Dictionary(plan.dispatched.map { ($0.step, $0.job) }) { $1 }
        let cancelled = Dictionary(plan.cancelled.map { ($0.step, $0.reason) }) { $1 }
        let deferred = Dictionary(plan.deferred.map { ($0.step, (until: $0.until, reason: $0.reason)) }) { $1 }
        for index in steps.indices {
            let id = steps[index].id
            if let job = dispatched[id] {
                steps[index].status = .dispatched
                steps[index].jobId = job
                steps[index].reason = nil
            }
            if let reason = cancelled[id] {
                steps[index].status = .cancelled
                steps[index].reason = reason
            }
            if let deferral = deferred[id] {
                steps[index].dueAt = deferral.until
                steps[index].reason = deferral.reason
            }
        }
    }

    /// What `MessageContextStore.load` reads.
    func snapshot(tenantIds: Set<UUID>, debtorIds: Set<UUID>, invoiceIds: Set<UUID>, now: Date) -> BatchSnapshot {
        var snapshot = BatchSnapshot()
        guard !tenantIds.isEmpty || !debtorIds.isEmpty || !invoiceIds.isEmpty else { return snapshot }
        snapshot.paused = paused
        for id in tenantIds { snapshot.tenants[TenantID(id)] = tenants[TenantID(id)] }
        for id in debtorIds { snapshot.debtors[DebtorID(id)] = debtors[DebtorID(id)] }
        let creditorIds = Set(snapshot.debtors.values.map(\.creditorId))
        for id in creditorIds { snapshot.creditors[id] = creditors[id] }
        for id in invoiceIds {
            guard let row = invoices[InvoiceID(id)] else { continue }
            let invoice = row.invoice
            snapshot.invoices[invoice.id] = BatchSnapshot.InvoiceFacts(
                id: invoice.id, tenantId: invoice.tenantId, creditorId: invoice.creditorId, debtorId: invoice.debtorId,
                number: invoice.number, issueDate: invoice.issueDate, dueDate: invoice.dueDate, amount: invoice.amount,
                outstanding: invoice.outstanding, contractRate: invoice.contractRate, jurisdiction: row.jurisdiction,
                formalNoticeDate: row.formalNoticeDate, payments: row.payments.sorted { $0.date < $1.date },
                state: invoice.state
            )
        }
        // Each invoice's history, then its first planned step after the debtor's day.
        for invoice in snapshot.invoices.values {
            guard let debtor = snapshot.debtors[invoice.debtorId] else { continue }
            let today = CalendarDate(now, in: debtor.timeZone)
            let schedule = steps.filter { $0.invoiceId == invoice.id.uuid }.sorted { $0.position < $1.position }
            var facts = schedule.filter { $0.status == .done || $0.status == .dispatched }
            if let next = schedule.first(where: { $0.status == .planned && $0.dueDate > today }) { facts.append(next) }
            guard !facts.isEmpty else { continue }
            snapshot.steps[invoice.id] = facts.sorted { $0.position < $1.position }.map { step in
                BatchSnapshot.StepFacts(
                    invoiceId: invoice.id, position: step.position, channel: step.channel, templateKey: step.templateKey,
                    status: step.status, dueDate: step.dueDate, jobId: step.jobId,
                    completedAt: step.status == .done ? step.jobId.flatMap { outcomes[$0]?.completedAt } : nil
                )
            }
        }
        snapshot.statements = [tenantIds.isEmpty, debtorIds.isEmpty, creditorIds.isEmpty, invoiceIds.isEmpty, invoiceIds.isEmpty]
            .filter { !$0 }.count
        let agencyDebtors = snapshot.debtors.values.filter { snapshot.tenants[$0.tenantId]?.tenant.kind == .collectionAgency }
        if !agencyDebtors.isEmpty {
            for debtor in agencyDebtors {
                let first = outcomes.values
                    .filter { $0.tenantId == debtor.tenantId.uuid && $0.debtorId == debtor.id.uuid && ($0.kind == .sent || $0.kind == .prepared)
                        && BatchSnapshot.writtenChannels.contains($0.channel) }
                    .min { ($0.completedAt!, $0.jobId.uuidString) < ($1.completedAt!, $1.jobId.uuidString) }
                if let first {
                    snapshot.firstWrittenContacts[debtor.id] = BatchSnapshot.WrittenContact(
                        jobId: first.jobId, channel: first.channel, completedAt: first.completedAt!
                    )
                }
            }
            snapshot.statements += 1
        }
        return snapshot
    }

    /// What `WorkerStore.record` writes: outcomes for jobs that have none, their dispatched
    /// steps done or skipped, and the formal notice date of invoices whose registered letter
    /// went out.
    mutating func record(_ newOutcomes: [JobOutcome], now: Date) -> Set<UUID> {
        for outcome in newOutcomes { claims[outcome.jobId] = nil }
        var written: Set<UUID> = []
        for var outcome in newOutcomes where outcomes[outcome.jobId] == nil {
            outcome.completedAt = outcome.completedAt ?? now
            outcomes[outcome.jobId] = outcome
            written.insert(outcome.jobId)
        }
        guard !written.isEmpty else { return written }
        // Grouped by the status and reason they set, as the store's statements are.
        struct Update: Hashable {
            var status: ScheduleStepStatus
            var reason: String
        }
        var updates: [Update: (steps: Set<UUID>, jobs: Set<UUID>)] = [:]
        for outcome in newOutcomes where written.contains(outcome.jobId) {
            let kind = outcomes[outcome.jobId]!.kind
            let update = Update(status: kind.stepStatus, reason: kind.rawValue)
            updates[update, default: ([], [])].steps.formUnion(outcome.stepIds)
            updates[update]!.jobs.insert(outcome.jobId)
        }
        for (update, ids) in updates {
            for index in steps.indices where ids.steps.contains(steps[index].id) && steps[index].status == .dispatched {
                guard let job = steps[index].jobId, ids.jobs.contains(job) else { continue }
                steps[index].status = update.status
                steps[index].reason = update.reason
            }
        }
        // A refused contact point: the debtor's planned steps on its channel are skipped, and the
        // next planned step of each invoice the job carried falls due at once.
        for outcome in newOutcomes where written.contains(outcome.jobId) {
            guard let contact = outcome.unusableContact else { continue }
            let moment = outcomes[outcome.jobId]?.completedAt ?? now
            unusableContacts[DebtorID(outcome.debtorId), default: []].insert(contact)
            for index in steps.indices
            where steps[index].debtorId == outcome.debtorId && steps[index].status == .planned && steps[index].channel == contact.channel {
                steps[index].status = .skipped
                steps[index].reason = contact.skipReason
            }
            let carried = Set(steps.filter { outcome.stepIds.contains($0.id) }.map(\.invoiceId))
            for invoiceId in carried {
                let after = steps.filter { outcome.stepIds.contains($0.id) && $0.invoiceId == invoiceId }.map(\.position).max() ?? -1
                let next = steps.indices.filter { steps[$0].invoiceId == invoiceId && steps[$0].status == .planned && steps[$0].position > after }
                    .min { steps[$0].position < steps[$1].position }
                if let next {
                    steps[next].dueAt = min(steps[next].dueAt, moment)
                    steps[next].reason = ScheduleStepStatus.movedUpReason(contact.skipReason)
                }
            }
        }
        return written
    }
}
