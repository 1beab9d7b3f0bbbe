import Foundation
import Logging
import PostgresNIO
import RelanceCore

/// Brings an invoice's stored schedule in line with its state after a transition, in the
/// transition's transaction.
///
/// - **Ladder stopped** (paid, disputed, written off): every `planned` step is `cancelled` with
///   the reason (`paid`, `disputed`, `written_off`).
/// - **Ladder paused** (promise to pay, payment plan, manual pause): nothing changes; planned
///   steps stay planned and the dispatcher's state guard defers them while the pause lasts.
/// - **Ladder active** (open or partially paid, or a promise, plan or pause whose time has
///   run out): the planner runs again with the invoice's history — its `done` and `dispatched`
///   steps, as done on their due date — and every step not carried out takes the planner's
///   status, date and due moment: a resumed ladder follows the catch-up rule (one step due
///   now, the earlier overdue ones `superseded`), a step a smaller outstanding no longer
///   reaches becomes `not_applicable`, and steps the stop had cancelled come back.
///   Consequence: a step the dispatcher cancelled for its own reasons (no phone number …) is
///   planned again on resume, and the dispatcher decides about it again when it falls due.
///
/// An invoice stored without a ladder (`InvoiceRepository.insert`) has no schedule to adjust.
enum ScheduleSync {
    struct Effect: Sendable, Hashable {
        var cancelled = 0
        var replanned = 0
    }

    /// - Parameter resumed: the ladder was not running before the transition; deferrals the
    ///   dispatcher made while it waited are dropped. Otherwise a planned step whose date does
    ///   not move keeps its deferred moment and reason.
    static func apply(
        to invoice: Invoice,
        resumed: Bool,
        ladder: DunningPolicy?,
        debtorKind: DebtorKind,
        timeZone: TimeZoneID,
        today: CalendarDate,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> Effect {
        guard let ladder else { return Effect() }
        switch invoice.ladderStatus(on: today) {
        case .paused:
            return Effect()
        case .stopped:
            let reason = invoice.skipReason(on: today).map(ScheduleStepStatus.stoppedReason) ?? "stopped"
            let rows = try await connection.query(
                """
                UPDATE schedule_steps SET status = 'cancelled', status_reason = \(reason), updated_at = now()
                WHERE invoice_id = \(invoice.id.uuid) AND status = 'planned'
                RETURNING id
                """,
                logger: logger
            )
            return Effect(cancelled: try await rows.collect().count)
        case .active:
            return try await replan(invoice, resumed: resumed, ladder: ladder, debtorKind: debtorKind, timeZone: timeZone, today: today, on: connection, logger: logger)
        }
    }

    private struct Row {
        var id: UUID
        var position: Int
        var status: ScheduleStepStatus
        var reason: String?
        var dueDate: CalendarDate
        var dueAt: Date
    }

    private static func replan(
        _ invoice: Invoice,
        resumed: Bool,
        ladder: DunningPolicy,
        debtorKind: DebtorKind,
        timeZone: TimeZoneID,
        today: CalendarDate,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> Effect {
        let stored = try await connection.query(
            """
            SELECT id, position, status, status_reason, due_date, due_at FROM schedule_steps
            WHERE invoice_id = \(invoice.id.uuid) ORDER BY position
            """,
            logger: logger
        )
        var rows: [Row] = []
        for try await (id, position, status, reason, dueDate, dueAt) in stored.decode(
            (UUID, Int, String, String?, CalendarDate, Date).self
        ) {
            guard let status = ScheduleStepStatus(rawValue: status) else {
                throw StoreError(.corruptRecord, "schedule step \(id) has unknown status '\(status)'")
            }
            rows.append(Row(id: id, position: position, status: status, reason: reason, dueDate: dueDate, dueAt: dueAt))
        }
        let carriedOut: Set<ScheduleStepStatus> = [.done, .dispatched]
        let history = rows.filter { carriedOut.contains($0.status) }
            .map { StepExecution(stepIndex: $0.position, date: $0.dueDate, outcome: .done) }
        let schedule: EscalationSchedule
        do {
            schedule = try EscalationPlanner().plan(
                invoice: invoice, debtorKind: debtorKind, policy: ladder, history: history, today: today
            )
        } catch {
            throw StoreError(.corruptRecord, "the schedule of invoice \(invoice.number) does not match its ladder: \(error)", underlying: error)
        }

        var dueTimes = StepDueTime()
        var effect = Effect()
        var ids: [UUID] = []
        var statuses: [String] = []
        var reasons: [String] = []
        var dates: [CalendarDate] = []
        var moments: [Date] = []
        for row in rows where !carriedOut.contains(row.status) && schedule.steps.indices.contains(row.position) {
            let step = schedule.steps[row.position]
            let (status, reason) = ScheduleStepStatus.row(for: step.status)
            if !resumed, status == .planned, row.status == .planned, row.dueDate == step.date { continue }
            let dueAt = status == .planned ? dueTimes.dueAt(step.date, in: timeZone) : row.dueAt
            let dueDate = status == .planned ? step.date : row.dueDate
            guard status != row.status || reason != row.reason || dueDate != row.dueDate || dueAt != row.dueAt else { continue }
            ids.append(row.id)
            statuses.append(status.rawValue)
            reasons.append(reason ?? "")
            dates.append(dueDate)
            moments.append(dueAt)
            if status == .planned {
                effect.replanned += 1
            } else if row.status == .planned {
                effect.cancelled += 1
            }
        }
        guard !ids.isEmpty else { return effect }
        try await connection.query(
            """
            UPDATE schedule_steps s
            SET status = u.status, status_reason = NULLIF(u.reason, ''), due_date = u.due_date, due_at = u.due_at,
                -- A step planned again (a guard had skipped its job) waits for a new job.
                job_id = CASE WHEN u.status = 'planned' THEN NULL ELSE s.job_id END,
                updated_at = now()
            FROM unnest(\(ids), \(statuses), \(reasons), \(dates), \(moments)) AS u(id, status, reason, due_date, due_at)
            WHERE s.id = u.id
            """,
            logger: logger
        )
        return effect
    }
}
