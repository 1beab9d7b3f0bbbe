import Foundation
import Logging
import PostgresNIO
import RelanceCore

/// New `schedule_steps` rows gathered column by column, written in one
/// `INSERT … SELECT FROM unnest(…)`.
struct ScheduleBatch {
    private var tenants: [UUID] = []
    private var ids: [UUID] = []
    private var invoices: [UUID] = []
    private var debtors: [UUID] = []
    private var positions: [Int] = []
    private var channels: [String] = []
    private var templateKeys: [String] = []
    private var tones: [String] = []
    private var dueDates: [CalendarDate] = []
    private var dueAts: [Date] = []
    private var statuses: [String] = []
    private var reasons: [String] = []
    private(set) var planned = 0

    var isEmpty: Bool { ids.isEmpty }
    var count: Int { ids.count }

    init() {}

    /// One row per step of `schedule` (every step of the ladder, so positions are complete).
    mutating func append(
        _ schedule: EscalationSchedule,
        invoice: Invoice,
        timeZone: TimeZoneID,
        dueTimes: inout StepDueTime
    ) {
        for step in schedule.steps {
            let (status, reason) = ScheduleStepStatus.row(for: step.status)
            tenants.append(invoice.tenantId.uuid)
            ids.append(UUID.timeOrdered())
            invoices.append(invoice.id.uuid)
            debtors.append(invoice.debtorId.uuid)
            positions.append(step.stepIndex)
            channels.append(step.channel.rawValue)
            templateKeys.append(step.templateKey)
            tones.append(step.tone.rawValue)
            dueDates.append(step.date)
            dueAts.append(dueTimes.dueAt(step.date, in: timeZone))
            statuses.append(status.rawValue)
            reasons.append(reason ?? "")
            if status == .planned { planned += 1 }
        }
    }

    func insert(on connection: PostgresConnection, logger: Logger) async throws {
        guard !isEmpty else { return }
        try await connection.query(
            """
            INSERT INTO schedule_steps (tenant_id, id, invoice_id, debtor_id, position, channel, template_key, tone,
                                        due_date, due_at, status, status_reason)
            SELECT s.tenant_id, s.id, s.invoice_id, s.debtor_id, s.position, s.channel, s.template_key, s.tone,
                   s.due_date, s.due_at, s.status, NULLIF(s.reason, '')
            FROM unnest(\(tenants), \(ids), \(invoices), \(debtors), \(positions), \(channels), \(templateKeys),
                        \(tones), \(dueDates), \(dueAts), \(statuses), \(reasons))
                 AS s(tenant_id, id, invoice_id, debtor_id, position, channel, template_key, tone, due_date, due_at,
                      status, reason)
            """,
            logger: logger
        )
    }
}
