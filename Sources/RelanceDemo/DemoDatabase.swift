import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelanceStore

/// The demo's own reads of the pipeline's tables, scoped to its tenants: the schedule as it
/// stands, the jobs still waiting for an outcome, and the figures of the summary and the
/// invariants. Reads only; every write goes through the store's repositories.
struct DemoDatabase: Sendable {
    let client: PostgresClient
    let logger: Logger
    let tenants: [UUID]

    /// One schedule step with its job's outcome, as it stands.
    struct StepRow: Sendable, Hashable {
        var id: UUID
        var invoiceId: UUID
        var debtorId: UUID
        var position: Int
        var channel: RelanceCore.Channel
        var templateKey: String
        var tone: Tone
        var status: ScheduleStepStatus
        var reason: String?
        var dueDate: CalendarDate
        var dueAt: Date
        var jobId: UUID?
        var outcome: OutcomeKind?
        var outcomeDetail: String?
        var completedAt: Date?
    }

    func schedule() async throws -> [UUID: StepRow] {
        let rows = try await client.query(
            """
            SELECT s.id, s.invoice_id, s.debtor_id, s.position, s.channel, s.template_key, s.tone, s.status,
                   s.status_reason, s.due_date, s.due_at, s.job_id, o.outcome, o.detail::text, o.completed_at
            FROM schedule_steps s
            LEFT JOIN job_outcomes o ON o.job_id = s.job_id
            WHERE s.tenant_id = ANY(\(tenants))
            """,
            logger: logger
        )
        var result: [UUID: StepRow] = [:]
        for try await row in rows.decode(
            (UUID, UUID, UUID, Int, String, String, String, String, String?, CalendarDate, Date, UUID?, String?, String?, Date?).self
        ) {
            guard let channel = RelanceCore.Channel(rawValue: row.4), let tone = Tone(rawValue: row.6),
                  let status = ScheduleStepStatus(rawValue: row.7)
            else { throw DemoFailure("schedule step \(row.0) has an unknown channel, tone or status") }
            result[row.0] = StepRow(
                id: row.0, invoiceId: row.1, debtorId: row.2, position: row.3, channel: channel, templateKey: row.5,
                tone: tone, status: status, reason: row.8, dueDate: row.9, dueAt: row.10, jobId: row.11,
                outcome: row.12.flatMap(OutcomeKind.init(rawValue:)), outcomeDetail: row.13, completedAt: row.14
            )
        }
        return result
    }

    /// The demo's jobs that have no outcome yet.
    func jobsWithoutOutcome() async throws -> [UUID] {
        let rows = try await client.query(
            """
            SELECT j.id FROM jobs j LEFT JOIN job_outcomes o ON o.job_id = j.id
            WHERE j.tenant_id = ANY(\(tenants)) AND o.job_id IS NULL
            """,
            logger: logger
        )
        var result: [UUID] = []
        for try await id in rows.decode(UUID.self) { result.append(id) }
        return result
    }

    /// Formal notice dates set by the workers (a registered letter sent).
    func noticeDates() async throws -> [UUID: CalendarDate] {
        let rows = try await client.query(
            "SELECT id, formal_notice_date FROM invoices WHERE tenant_id = ANY(\(tenants)) AND formal_notice_date IS NOT NULL",
            logger: logger
        )
        var result: [UUID: CalendarDate] = [:]
        for try await (id, date) in rows.decode((UUID, CalendarDate).self) { result[id] = date }
        return result
    }

    /// Jobs by channel.
    func jobCounts() async throws -> [String: Int] {
        try await counts("SELECT channel, count(*)::int8 FROM jobs WHERE tenant_id = ANY(\(tenants)) GROUP BY channel")
    }

    /// Outcomes by kind.
    func outcomeCounts() async throws -> [String: Int] {
        try await counts("SELECT outcome, count(*)::int8 FROM job_outcomes WHERE tenant_id = ANY(\(tenants)) GROUP BY outcome")
    }

    /// Invoices by state, leaving out the settled history invoices (stored without a ladder).
    func invoiceCounts() async throws -> [String: Int] {
        try await counts(
            "SELECT state, count(*)::int8 FROM invoices WHERE tenant_id = ANY(\(tenants)) AND ladder IS NOT NULL GROUP BY state"
        )
    }

    func stepCounts() async throws -> [String: Int] {
        try await counts("SELECT status, count(*)::int8 FROM schedule_steps WHERE tenant_id = ANY(\(tenants)) GROUP BY status")
    }

    private func counts(_ query: PostgresQuery) async throws -> [String: Int] {
        let rows = try await client.query(query, logger: logger)
        var result: [String: Int] = [:]
        for try await (key, count) in rows.decode((String, Int).self) { result[key] = count }
        return result
    }

    // MARK: - Invariants

    /// Steps carried by more than one job (a debtor reminded twice for one step).
    func stepsInSeveralJobs() async throws -> [(step: UUID, jobs: Int)] {
        let rows = try await client.query(
            """
            SELECT (step ->> 'step_id')::uuid, count(*)::int8
            FROM jobs j CROSS JOIN LATERAL json_array_elements(j.payload -> 'steps') AS step
            WHERE j.tenant_id = ANY(\(tenants))
            GROUP BY 1 HAVING count(*) > 1
            """,
            logger: logger
        )
        var result: [(UUID, Int)] = []
        for try await (step, count) in rows.decode((UUID, Int).self) { result.append((step, count)) }
        return result
    }

    /// Every job's steps, from its payload, with its outcome and when it completed.
    func jobSteps() async throws -> [(job: UUID, invoice: UUID, step: UUID, outcome: OutcomeKind?, completedAt: Date?)] {
        let rows = try await client.query(
            """
            SELECT j.id, (step ->> 'invoice_id')::uuid, (step ->> 'step_id')::uuid, o.outcome, o.completed_at
            FROM jobs j CROSS JOIN LATERAL json_array_elements(j.payload -> 'steps') AS step
            LEFT JOIN job_outcomes o ON o.job_id = j.id
            WHERE j.tenant_id = ANY(\(tenants))
            """,
            logger: logger
        )
        var result: [(UUID, UUID, UUID, OutcomeKind?, Date?)] = []
        for try await (job, invoice, step, outcome, completed) in rows.decode((UUID, UUID, UUID, String?, Date?).self) {
            result.append((job, invoice, step, outcome.flatMap(OutcomeKind.init(rawValue:)), completed))
        }
        return result
    }

    /// Jobs still in the outbox: not yet published by the relay.
    func unpublishedJobs() async throws -> Int {
        let rows = try await client.query(
            "SELECT count(*)::int8 FROM outbox o JOIN jobs j ON j.id = o.job_id WHERE j.tenant_id = ANY(\(tenants))",
            logger: logger
        )
        for try await count in rows.decode(Int.self) { return count }
        return 0
    }

    /// Planned steps of other tenants that fall due before `end`: the demo's dispatcher
    /// claims every tenant's due steps, so those would be dispatched too.
    func foreignStepsDue(before end: Date) async throws -> Int {
        let rows = try await client.query(
            """
            SELECT count(*)::int8 FROM schedule_steps
            WHERE pending AND due_at <= \(end) AND NOT (tenant_id = ANY(\(tenants)))
            """,
            logger: logger
        )
        for try await count in rows.decode(Int.self) { return count }
        return 0
    }

    /// What a channel produced for a job: its detail, artefact, and the invoices it named.
    struct Delivery: Sendable {
        let jobId: UUID
        let channel: RelanceCore.Channel
        let outcome: OutcomeKind
        /// The detail's fields, each as text.
        let detail: [String: String]
        let artefactURI: String?
        let invoiceNumbers: [String]
    }

    /// The outcomes that contacted someone or prepared something, with their invoices' numbers.
    func deliveries() async throws -> [Delivery] {
        let rows = try await client.query(
            """
            SELECT o.job_id, o.channel, o.outcome, o.detail::text, o.artefact_uri,
                   array_agg(i.number ORDER BY i.number)
            FROM job_outcomes o
            JOIN jobs j ON j.id = o.job_id
            CROSS JOIN LATERAL json_array_elements(j.payload -> 'steps') AS step
            JOIN invoices i ON i.tenant_id = o.tenant_id AND i.id = (step ->> 'invoice_id')::uuid
            WHERE o.tenant_id = ANY(\(tenants)) AND o.outcome IN ('sent', 'prepared', 'task_created')
            GROUP BY o.job_id, o.channel, o.outcome, o.detail::text, o.artefact_uri
            """,
            logger: logger
        )
        var result: [Delivery] = []
        for try await (job, channel, outcome, detail, artefact, numbers) in rows.decode((UUID, String, String, String, String?, [String]).self) {
            guard let channel = RelanceCore.Channel(rawValue: channel), let outcome = OutcomeKind(rawValue: outcome) else { continue }
            let object = (try? JSONSerialization.jsonObject(with: Data(detail.utf8))) as? [String: Any] ?? [:]
            result.append(Delivery(jobId: job, channel: channel, outcome: outcome, detail: object.mapValues { "\($0)" }, artefactURI: artefact, invoiceNumbers: numbers))
        }
        return result
    }

    /// Invoices whose formal-notice date no posted registered letter carrying them explains.
    func unexplainedNoticeDates() async throws -> [(number: String, date: CalendarDate)] {
        let rows = try await client.query(
            """
            SELECT i.number, i.formal_notice_date FROM invoices i
            WHERE i.tenant_id = ANY(\(tenants)) AND i.formal_notice_date IS NOT NULL
              AND NOT EXISTS (
                SELECT 1 FROM schedule_steps s JOIN letter_postings p ON p.job_id = s.job_id
                WHERE s.tenant_id = i.tenant_id AND s.invoice_id = i.id AND s.channel = 'registered_letter'
                  AND p.manifest_day = i.formal_notice_date)
            """,
            logger: logger
        )
        var result: [(String, CalendarDate)] = []
        for try await row in rows.decode((String, CalendarDate).self) { result.append(row) }
        return result
    }

    /// Call jobs without exactly one call task, and the tasks by status.
    func callTasks() async throws -> (unmatched: [UUID], byStatus: [String: Int]) {
        let rows = try await client.query(
            """
            SELECT j.id FROM jobs j
            WHERE j.tenant_id = ANY(\(tenants)) AND j.channel = 'call'
              AND (SELECT count(*) FROM call_tasks t WHERE t.job_id = j.id) <> 1
              AND EXISTS (SELECT 1 FROM job_outcomes o WHERE o.job_id = j.id AND o.outcome = 'task_created')
            """,
            logger: logger
        )
        var unmatched: [UUID] = []
        for try await id in rows.decode(UUID.self) { unmatched.append(id) }
        let byStatus = try await counts("SELECT status, count(*)::int8 FROM call_tasks WHERE tenant_id = ANY(\(tenants)) GROUP BY status")
        return (unmatched, byStatus)
    }

    /// Court dossiers by filing status.
    func filings() async throws -> [String: Int] {
        try await counts("SELECT status, count(*)::int8 FROM legal_filings WHERE tenant_id = ANY(\(tenants)) GROUP BY status")
    }
}
