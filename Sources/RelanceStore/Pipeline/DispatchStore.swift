import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelancePipeline

/// The dispatcher's storage on PostgreSQL: claims due steps and writes what the decider made of
/// them — jobs with their outbox rows, dispatched, cancelled and deferred steps — in the claim's
/// transaction.
public struct DispatchStore: DispatchStorage {
    public let client: PostgresClient
    public let logger: Logger
    /// The ladders read so far, shared by copies of this store.
    public let ladders: LadderCache

    public init(client: PostgresClient, logger: Logger, ladders: LadderCache = LadderCache()) {
        self.client = client
        self.logger = logger
        self.ladders = ladders
    }

    public func dispatchDue(at now: Date, batchSize: Int, decider: DispatchDecider) async throws -> DispatchSummary {
        try await claimAndDispatch(now: now, batchSize: batchSize) { steps in decider.plan(steps, now: now) }
    }

    public func outboxCount(atMost limit: Int) async throws -> Int {
        try await OutboxStore(client: client, logger: logger).pendingCount(atMost: limit)
    }

    /// Claims the due steps of whole debtors at `now`, lets `decide` plan them, and writes the
    /// plan, all in one transaction. A claimed step whose row this version cannot read (an
    /// unknown time zone, tone or state, a ladder that does not decode) is cancelled with the
    /// reason; the others are planned as usual.
    ///
    /// One debtor, one claim: a claim locks the debtors it takes (their rows, `FOR NO KEY UPDATE
    /// SKIP LOCKED`) and takes every due step of each, so however many claimers and dispatcher
    /// processes run, a debtor's due steps are planned together — one job per channel, and the
    /// contact budget counted once — and another claim passes over that debtor until this one
    /// has committed.
    ///
    /// Fairness: every tenant with due steps gets an equal share of the batch in debtors (at
    /// least one), tenants in random order, so a tenant with a million due steps does not delay
    /// another tenant's ten; what a tenant with fewer due steps leaves of its share goes to the
    /// others, so a claim stays full while steps are due. Steps, invoices, ladders, histories, debtors and tenant kinds come
    /// back together in the claim's second statement.
    ///
    /// Operators' pauses (`operator_pauses`, `OperatorPauses`): the claim passes over the due
    /// steps of a paused tenant, of a paused creditor's debtors, and of a paused channel. They
    /// stay planned and due, untouched, and are claimed as usual once resumed.
    public func claimAndDispatch(
        now: Date,
        batchSize: Int,
        decide: @Sendable ([DueStep]) throws -> DispatchPlan
    ) async throws -> DispatchSummary {
        try await client.transaction(logger: logger) { connection in
            let claimed = try await claim(on: connection, now: now, batchSize: batchSize)
            var plan = claimed.steps.isEmpty ? DispatchPlan() : try decide(claimed.steps)
            // A step whose row cannot be read is cancelled with the reason, so that it neither
            // stops the claim nor comes back at every one.
            for (step, reason) in claimed.unreadable {
                logger.error("Due step cannot be read; cancelled", metadata: ["step.id": "\(step)", "reason": "\(reason)"])
                plan.cancelled.append((step, "unreadable: \(reason)"))
            }
            let total = claimed.steps.count + claimed.unreadable.count
            guard total > 0 else { return DispatchSummary() }
            try await write(plan, now: now, on: connection)
            return DispatchSummary(claimed: total, plan: plan)
        }
    }

    /// Locks whole debtors, then reads every due step of theirs, in two statements. The first
    /// lists the tenants with due steps once, in random order, and locks for each up to
    /// `max(1, batchSize / tenants)` debtors among those of its earliest due steps, passing over
    /// debtors another claim holds (`FOR NO KEY UPDATE SKIP LOCKED` on the debtor's row). The
    /// second, run once those locks are held, reads every due step of the locked debtors — so a
    /// debtor's steps are never split between claims, and the contacts it reads for the budget
    /// include every job a claim that held the debtor before has committed. Each step comes with
    /// its invoice, the invoice's ladder hash, its history (steps `done` or `dispatched`), its
    /// debtor and its tenant's kind. Both statements read the operators' pauses themselves (a
    /// table of a few rows, read once per statement), so a pause holds from the next claim.
    func claim(on connection: PostgresConnection, now: Date, batchSize: Int) async throws -> ClaimedSteps {
        var tenants: [UUID] = []
        var debtors: [UUID] = []
        let locked = try await connection.execute(PreparedQuery<LockDebtors> { values in
            values.append(now)
            values.append(batchSize)
        }, logger: logger)
        for try await (tenant, debtor) in locked.decode((UUID, UUID).self) {
            tenants.append(tenant)
            debtors.append(debtor)
        }
        guard !debtors.isEmpty else { return ClaimedSteps() }
        let rows = try await connection.execute(PreparedQuery<Claim> { values in
            values.append(now)
            values.append(tenants)
            values.append(debtors)
            values.append(now.addingTimeInterval(-8 * 86_400))
        }, logger: logger)
        var claimed = ClaimedSteps()
        var ladderHashes: [Int64?] = []
        for try await row in rows {
            // In the order selected above. A row that does not make a due step (a value this
            // version cannot read) is set aside with the reason; the others go on.
            var cells = RowCells(row)
            let stepId: UUID = try cells.next()
            do {
                let step = try Self.dueStep(stepId, reading: &cells)
                claimed.steps.append(step.step)
                ladderHashes.append(step.ladderHash)
            } catch {
                claimed.unreadable.append((stepId, "\(error)"))
            }
        }
        var ladders: [Int64: DunningPolicy] = [:]
        var unknown: [Int64: UUID] = [:]
        for (index, hash) in ladderHashes.enumerated() {
            guard let hash, ladders[hash] == nil, unknown[hash] == nil else { continue }
            if let known = self.ladders[hash: hash] { ladders[hash] = known } else { unknown[hash] = claimed.steps[index].invoiceId }
        }
        var unreadableLadders: [Int64: String] = [:]
        if !unknown.isEmpty {
            // One invoice per ladder not seen before.
            let rows = try await connection.query(
                "SELECT ladder_hash, ladder::text FROM invoices WHERE id = ANY(\(Array(unknown.values)))",
                logger: logger
            )
            for try await (hash, text) in rows.decode((Int64, String).self) {
                do {
                    let ladder = try InvoiceRow.ladder(fromJSON: text)
                    self.ladders.insert(ladder, hash: hash)
                    ladders[hash] = ladder
                } catch {
                    unreadableLadders[hash] = "\(error)"
                }
            }
        }
        var withoutLadder: [Int] = []
        for (index, hash) in ladderHashes.enumerated() {
            // Steps written for an invoice stored without its ladder keep the built-in one.
            guard let hash else { continue }
            if let ladder = ladders[hash] {
                claimed.steps[index].ladder = ladder
            } else {
                claimed.unreadable.append((claimed.steps[index].stepId, unreadableLadders[hash] ?? "its invoice's ladder was not found"))
                withoutLadder.append(index)
            }
        }
        for index in withoutLadder.reversed() { claimed.steps.remove(at: index) }
        return claimed
    }

    /// What one claim read: the due steps, and the steps whose rows could not be read, with why.
    struct ClaimedSteps {
        var steps: [DueStep] = []
        var unreadable: [(step: UUID, reason: String)] = []
    }

    /// The due step of a claimed row (after its step id), and its invoice's ladder hash; the
    /// ladder itself is set once every distinct ladder of the claim is known.
    private static func dueStep(_ stepId: UUID, reading cells: inout RowCells) throws -> (step: DueStep, ladderHash: Int64?) {
        let tenantId: UUID = try cells.next()
        let invoiceId: UUID = try cells.next()
        let debtorId: UUID = try cells.next()
        let position: Int = try cells.next()
        let channel = try Self.channel(try cells.next())
        let templateKey: String = try cells.next()
        let toneName: String = try cells.next()
        let dueDate: CalendarDate = try cells.next()
        let dueAt: Date = try cells.next()
        let statusReason: String? = try cells.next()
        let invoice = try InvoiceRow.invoice(reading: &cells)
        let ladderHash = try cells.next(Int64?.self)
        let kindName: String = try cells.next()
        let debtorZoneName: String = try cells.next()
        let languageName: String = try cells.next()
        let tenantKindName: String = try cells.next()
        let positions: [Int] = try cells.next()
        let dates: [CalendarDate] = try cells.next()
        let contactMoments: [Date] = try cells.next()
        let contactChannels: [String] = try cells.next()
        guard let debtorKind = DebtorKind(rawValue: kindName), let language = Language(rawValue: languageName),
              let tenantKind = TenantKind(rawValue: tenantKindName), let tone = Tone(rawValue: toneName)
        else {
            throw StoreError(.corruptRecord, "schedule step \(stepId): unknown debtor kind, language, tenant kind or tone")
        }
        let debtorTimeZone = try StoreError.reading("the time zone of step \(stepId)'s debtor") { try TimeZoneID(debtorZoneName) }
        let step = DueStep(
            stepId: stepId, tenantId: tenantId, invoiceId: invoiceId, debtorId: debtorId, position: position,
            channel: channel, templateKey: templateKey, tone: tone, dueDate: dueDate, dueAt: dueAt,
            statusReason: statusReason, invoice: invoice, ladder: .defaultFrench,
            history: zip(positions, dates).map { StepExecution(stepIndex: $0, date: $1, outcome: .done) },
            debtorKind: debtorKind, debtorTimeZone: debtorTimeZone, debtorLanguage: language, tenantKind: tenantKind,
            recentContacts: try zip(contactMoments, contactChannels).map { ContactAttempt(at: $0, channel: try Self.channel($1)) }
        )
        return (step, ladderHash)
    }

    private func write(_ plan: DispatchPlan, now: Date, on connection: PostgresConnection) async throws {
        if !plan.jobs.isEmpty {
            let payloads = plan.jobs.map { String(decoding: $0.payload, as: UTF8.self) }
            _ = try await connection.execute(PreparedQuery<WriteJobs> { values in
                values.append(plan.jobs.map(\.tenantId))
                values.append(plan.jobs.map(\.id))
                values.append(plan.jobs.map(\.debtorId))
                values.append(plan.jobs.map(\.channel.rawValue))
                values.append(payloads)
                values.append(now)
            }, logger: logger)
            // Wake relays in other processes; in-process ones are signalled directly.
            try await connection.query("SELECT pg_notify('relance_outbox', '')", logger: logger)
        }
        // Each update names its steps twice, joined to the values and as `id = ANY(…)`: the
        // second gives the planner an index condition, so it never scans the whole schedule.
        if !plan.dispatched.isEmpty {
            _ = try await connection.execute(PreparedQuery<MarkDispatched> { values in
                values.append(plan.dispatched.map(\.step))
                values.append(plan.dispatched.map(\.job))
            }, logger: logger)
        }
        if !plan.cancelled.isEmpty {
            try await connection.query(
                """
                UPDATE schedule_steps s SET status = 'cancelled', status_reason = u.reason, updated_at = now()
                FROM unnest(\(plan.cancelled.map(\.step)), \(plan.cancelled.map(\.reason))) AS u(id, reason)
                WHERE s.id = u.id AND s.id = ANY(\(plan.cancelled.map(\.step)))
                """,
                logger: logger
            )
        }
        if !plan.deferred.isEmpty {
            try await connection.query(
                """
                UPDATE schedule_steps s SET due_at = u.due_at, status_reason = u.reason, updated_at = now()
                FROM unnest(\(plan.deferred.map(\.step)), \(plan.deferred.map(\.until)), \(plan.deferred.map(\.reason)))
                     AS u(id, due_at, reason)
                WHERE s.id = u.id AND s.id = ANY(\(plan.deferred.map(\.step)))
                """,
                logger: logger
            )
        }
    }

    // MARK: - Prepared statements (each claim runs them)

    /// The debtors a claim takes: per tenant with due steps (in random order), up to its quota
    /// of the debtors of its earliest due steps, earliest first, locked; a debtor another claim
    /// holds is passed over. The quota is an equal share of the batch, and a tenant with fewer
    /// due steps than that leaves the rest to the others (split equally among those that have
    /// a full share); a tenant's due steps are counted up to the share only, so the count costs
    /// at most a batch of index entries whatever the table holds. The candidates are the
    /// debtors of four times the quota in steps, so that a second claimer finds others when
    /// the first ones are held.
    ///
    /// Pauses: a paused tenant is not among the active ones; a candidate step of a paused
    /// channel, or of a paused creditor's debtor, is passed over before the candidates are
    /// counted, so a paused backlog due earlier does not crowd out the rest of its tenant. With
    /// nothing paused the filters are an empty array's `<> ALL` and a `cardinality` test per
    /// candidate; while a channel or a creditor is paused, each claim walks past its due steps
    /// of the tenants it takes (the price of a pause, not of the hot path). Tenants' shares
    /// still count paused steps (the count reads the index only), so a claim may come back
    /// short while a large backlog is paused.
    enum LockDebtors: PreparedText {
        static let sql = """
            WITH paused AS MATERIALIZED (
                SELECT coalesce(array_agg(p.target) FILTER (WHERE p.scope = 'tenant'), '{}')::uuid[] AS tenants,
                       coalesce(array_agg(p.target) FILTER (WHERE p.scope = 'creditor'), '{}')::uuid[] AS creditors,
                       coalesce(array_agg(p.target) FILTER (WHERE p.scope = 'channel'), '{}')::text[] AS channels
                FROM operator_pauses p
            ), active AS (
                SELECT t.id FROM tenants t
                WHERE t.id <> ALL((SELECT tenants FROM paused)::uuid[])
                  AND EXISTS (SELECT 1 FROM schedule_steps s
                              WHERE s.tenant_id = t.id AND s.pending AND s.due_at <= $1)
            ), fair AS (
                SELECT greatest(1, $2 / greatest(1, count(*)))::int8 AS share FROM active
            ), sized AS (
                SELECT a.id, (SELECT count(*) FROM (
                                  SELECT 1 FROM schedule_steps s
                                  WHERE s.tenant_id = a.id AND s.pending AND s.due_at <= $1
                                  LIMIT (SELECT share FROM fair)) AS c) AS due
                FROM active a
            ), spare AS (
                SELECT coalesce(sum(f.share - z.due), 0)::int8 AS unused,
                       count(*) FILTER (WHERE z.due >= f.share) AS full_tenants
                FROM sized z CROSS JOIN fair f
            ), quota AS (
                SELECT z.id,
                       CASE WHEN z.due < f.share THEN z.due
                            ELSE f.share + sp.unused / greatest(1, sp.full_tenants) END AS take
                FROM sized z CROSS JOIN fair f CROSS JOIN spare sp
                ORDER BY random()
            )
            SELECT d.tenant_id, d.id
            FROM quota
            CROSS JOIN LATERAL (
                -- Candidates earliest first; each one's debtor locked by its key, one after
                -- the other, until the quota is met (a join to debtors would scan the table).
                SELECT d.tenant_id, d.id
                FROM (
                    SELECT c.debtor_id, min(c.due_at) AS first_due
                    FROM (
                        SELECT s.debtor_id, s.due_at FROM schedule_steps s
                        WHERE s.tenant_id = quota.id AND s.pending AND s.due_at <= $1
                          AND s.channel <> ALL((SELECT channels FROM paused)::text[])
                          AND (cardinality((SELECT creditors FROM paused)::uuid[]) = 0
                               OR NOT EXISTS (SELECT 1 FROM debtors pd
                                              WHERE pd.id = s.debtor_id AND pd.creditor_id = ANY((SELECT creditors FROM paused)::uuid[])))
                        ORDER BY s.due_at
                        LIMIT quota.take * 4
                    ) AS c
                    GROUP BY c.debtor_id
                    ORDER BY first_due
                ) AS candidate
                CROSS JOIN LATERAL (
                    SELECT d.tenant_id, d.id FROM debtors d
                    WHERE d.id = candidate.debtor_id
                    FOR NO KEY UPDATE SKIP LOCKED
                ) AS d
                LIMIT quota.take
            ) AS d
            """
    }

    /// Every due step of the locked debtors (found through their invoices), with what the
    /// decider needs. A step another transaction holds (a payment being recorded) is passed over,
    /// and so is a step of a paused channel (the debtors' tenants and creditors were checked
    /// when they were locked).
    enum Claim: PreparedText {
        static let sql = """
            SELECT s.id AS step_id, s.tenant_id AS step_tenant_id, s.invoice_id AS step_invoice_id,
                   s.debtor_id AS step_debtor_id, s.position AS step_position, s.channel AS step_channel,
                   s.template_key AS step_template_key, s.tone AS step_tone, s.due_date AS step_due_date,
                   s.due_at AS step_due_at, s.status_reason AS step_status_reason,
                   \(InvoiceRow.invoiceColumns(of: "i")),
                   -- The ladder by its hash: each distinct one is read once (`ladders`).
                   i.ladder_hash,
                   d.kind AS debtor_kind, d.time_zone AS debtor_time_zone, d.language AS debtor_language,
                   t.kind AS tenant_kind,
                   COALESCE(h.positions, '{}'::int4[]) AS history_positions,
                   COALESCE(h.dates, '{}'::date[]) AS history_dates,
                   COALESCE(c.moments, '{}'::timestamptz[]) AS contact_moments,
                   COALESCE(c.channels, '{}'::text[]) AS contact_channels
            FROM unnest($2::uuid[], $3::uuid[]) AS k(tenant_id, debtor_id)
            JOIN tenants t ON t.id = k.tenant_id
            JOIN debtors d ON d.id = k.debtor_id
            CROSS JOIN LATERAL (
                SELECT s.* FROM invoices di
                JOIN schedule_steps s ON s.invoice_id = di.id
                WHERE di.tenant_id = k.tenant_id AND di.debtor_id = k.debtor_id
                  AND s.pending AND s.due_at <= $1
                  AND s.channel <> ALL(coalesce((SELECT array_agg(p.target) FROM operator_pauses p WHERE p.scope = 'channel'), '{}'))
                ORDER BY s.due_at
                FOR UPDATE OF s SKIP LOCKED
            ) AS s
            JOIN invoices i ON i.tenant_id = s.tenant_id AND i.id = s.invoice_id
            LEFT JOIN LATERAL (
                SELECT array_agg(done.position ORDER BY done.position) AS positions,
                       array_agg(done.due_date ORDER BY done.position) AS dates
                FROM schedule_steps done
                WHERE done.invoice_id = s.invoice_id AND done.status IN ('done', 'dispatched')
            ) AS h ON true
            LEFT JOIN LATERAL (
                -- The debtor's contacts of the last days (jobs sent or in flight), for the budget.
                SELECT array_agg(j.created_at ORDER BY j.created_at) AS moments,
                       array_agg(j.channel ORDER BY j.created_at) AS channels
                FROM jobs j
                LEFT JOIN job_outcomes o ON o.job_id = j.id
                WHERE j.tenant_id = s.tenant_id AND j.debtor_id = s.debtor_id
                  AND j.created_at > $4 AND j.created_at <= $1
                  AND (o.outcome IS NULL OR o.outcome IN ('sent', 'task_created', 'prepared'))
            ) AS c ON true
            """
    }

    enum WriteJobs: PreparedText {
        static let sql = """
            WITH written AS (
                INSERT INTO jobs (tenant_id, id, debtor_id, channel, payload, created_at)
                SELECT j.tenant_id, j.id, j.debtor_id, j.channel, j.payload::json, $6
                FROM unnest($1, $2, $3, $4, $5) AS j(tenant_id, id, debtor_id, channel, payload)
                RETURNING id
            )
            INSERT INTO outbox (job_id) SELECT id FROM written
            """
    }

    enum MarkDispatched: PreparedText {
        static let sql = """
            UPDATE schedule_steps s SET status = 'dispatched', job_id = u.job_id, status_reason = NULL, updated_at = now()
            FROM unnest($1, $2) AS u(id, job_id)
            WHERE s.id = u.id AND s.id = ANY($1)
            """
    }

    static func channel(_ raw: String) throws -> RelanceCore.Channel {
        guard let channel = RelanceCore.Channel(rawValue: raw) else {
            throw StoreError(.databaseError, "unknown channel '\(raw)' in the schedule")
        }
        return channel
    }
}
