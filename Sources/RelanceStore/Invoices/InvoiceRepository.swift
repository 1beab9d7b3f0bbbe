import Foundation
import Logging
import PostgresNIO
import RelanceCore

/// Invoices as stored, and the reads operators and the demo need: an invoice's timeline and
/// events, a debtor's invoices, counts by status. Invoices that should be collected arrive
/// through `InvoiceIntake` (which plans them); state changes go through `InvoiceTransitions`.
public struct InvoiceRepository: Sendable {
    /// The pool, or the connection of a transaction already under way.
    public let session: any DatabaseSession
    public let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.session = client
        self.logger = logger
    }

    /// Reads and writes inside the caller's transaction on `session`.
    public init(session: any DatabaseSession, logger: Logger) {
        self.session = session
        self.logger = logger
    }

    /// Stores invoices without planning them, in one statement (e.g. a debtor's settled
    /// history, imported for its behaviour profile). `jurisdiction` nil means `fr-b2b`.
    public func insert(_ invoices: [Invoice], jurisdiction: Jurisdiction = .frB2B) async throws {
        guard !invoices.isEmpty else { return }
        var batch = InvoiceBatch()
        for invoice in invoices {
            try batch.append(invoice, jurisdiction: jurisdiction, ladder: nil, source: nil)
        }
        let rows = batch
        if let connection = session as? PostgresConnection {
            try await rows.insert(on: connection, logger: logger)
        } else if let client = session as? PostgresClient {
            try await client.transaction(logger: logger) { connection in
                try await rows.insert(on: connection, logger: logger)
            }
        }
    }

    /// The invoice with `id`, or nil.
    public func invoice(_ id: InvoiceID) async throws -> Invoice? {
        try await record(id)?.invoice
    }

    /// The invoice with `id` and what is kept beside it (jurisdiction, formal notice, ladder).
    public func record(_ id: InvoiceID) async throws -> InvoiceRecord? {
        let rows = try await session.rows(
            "SELECT \(unescaped: InvoiceRow.columns(of: "i")) FROM invoices i WHERE i.id = \(id.uuid)",
            logger: logger
        )
        for try await row in rows {
            return try InvoiceRow.record(row.makeRandomAccess())
        }
        return nil
    }

    /// The debtor's invoices, by due date then number.
    public func invoices(ofDebtor debtorId: DebtorID) async throws -> [Invoice] {
        let rows = try await session.rows(
            """
            SELECT \(unescaped: InvoiceRow.columns(of: "i")) FROM invoices i
            WHERE i.debtor_id = \(debtorId.uuid)
            ORDER BY i.due_date, i.number
            """,
            logger: logger
        )
        var result: [Invoice] = []
        for try await row in rows {
            result.append(try InvoiceRow.invoice(row.makeRandomAccess()))
        }
        return result
    }

    /// The payments recorded against the invoice, by value date.
    public func payments(of id: InvoiceID) async throws -> [Payment] {
        let rows = try await session.rows(
            """
            SELECT id, paid_on, amount_minor, currency::text FROM payments
            WHERE invoice_id = \(id.uuid) ORDER BY paid_on, created_at
            """,
            logger: logger
        )
        var result: [Payment] = []
        for try await (paymentId, paidOn, amount, currency) in rows.decode((UUID, CalendarDate, Int64, String).self) {
            result.append(Payment(
                id: PaymentID(paymentId), invoiceId: id, date: paidOn,
                amount: Money(minorUnits: amount, currency: try Currency(code: currency))
            ))
        }
        return result
    }

    /// The invoice's schedule, step by step, with each job's outcome once a worker recorded it.
    public func timeline(of id: InvoiceID) async throws -> [TimelineEntry] {
        let rows = try await session.rows(
            """
            SELECT s.id, s.position, s.due_date, s.due_at, s.channel, s.template_key, s.tone, s.status,
                   s.status_reason, s.job_id, o.outcome, o.completed_at, o.artefact_uri, o.detail::text
            FROM schedule_steps s
            LEFT JOIN job_outcomes o ON o.job_id = s.job_id
            WHERE s.invoice_id = \(id.uuid)
            ORDER BY s.position
            """,
            logger: logger
        )
        var result: [TimelineEntry] = []
        for try await row in rows.decode(
            (UUID, Int, CalendarDate, Date, String, String, String, String, String?, UUID?, String?, Date?, String?, String?).self
        ) {
            let (stepId, position, dueDate, dueAt, channel, key, tone, status, reason, job, outcome, completedAt, uri, detail) = row
            guard let channel = RelanceCore.Channel(rawValue: channel), let tone = Tone(rawValue: tone),
                  let status = ScheduleStepStatus(rawValue: status)
            else {
                throw StoreError(.corruptRecord, "schedule step \(stepId) has an unknown channel, tone or status")
            }
            result.append(TimelineEntry(
                stepId: stepId, position: position, dueDate: dueDate, dueAt: dueAt, channel: channel, templateKey: key,
                tone: tone, status: status, statusReason: reason, jobId: job,
                outcome: outcome.flatMap(OutcomeKind.init(rawValue:)), completedAt: completedAt, artefactURI: uri,
                outcomeDetail: detail
            ))
        }
        return result
    }

    /// What happened to the invoice, oldest first.
    public func events(of id: InvoiceID) async throws -> [InvoiceEvent] {
        let rows = try await session.rows(
            """
            SELECT id, occurred_at, effective_date, kind, from_state, to_state, detail::text
            FROM invoice_events WHERE invoice_id = \(id.uuid)
            ORDER BY id
            """,
            logger: logger
        )
        var result: [InvoiceEvent] = []
        for try await (eventId, occurredAt, date, kind, from, to, detail) in rows.decode(
            (Int64, Date, CalendarDate, String, String?, String?, String).self
        ) {
            result.append(InvoiceEvent(
                id: eventId, occurredAt: occurredAt, effectiveDate: date, kind: kind,
                fromStatus: from.flatMap(InvoiceStatus.init(rawValue:)), toStatus: to.flatMap(InvoiceStatus.init(rawValue:)),
                detail: detail
            ))
        }
        return result
    }

    /// Invoices by state and schedule steps by status, for one tenant or (nil) all of them.
    public func statusCounts(tenantId: TenantID? = nil) async throws -> StatusCounts {
        let tenant = tenantId?.uuid
        var counts = StatusCounts()
        let invoiceRows = try await session.rows(
            """
            SELECT state, count(*)::int8 FROM invoices
            WHERE \(tenant)::uuid IS NULL OR tenant_id = \(tenant)
            GROUP BY state
            """,
            logger: logger
        )
        for try await (state, count) in invoiceRows.decode((String, Int).self) {
            if let status = InvoiceStatus(rawValue: state) { counts.invoices[status] = count }
        }
        let stepRows = try await session.rows(
            """
            SELECT status, count(*)::int8 FROM schedule_steps
            WHERE \(tenant)::uuid IS NULL OR tenant_id = \(tenant)
            GROUP BY status
            """,
            logger: logger
        )
        for try await (status, count) in stepRows.decode((String, Int).self) {
            if let status = ScheduleStepStatus(rawValue: status) { counts.steps[status] = count }
        }
        return counts
    }
}
