import Foundation
import Logging
import PostgresNIO
import RelanceCore

/// New `invoice_events` rows, written in one `INSERT … SELECT FROM unnest(…)`.
struct EventBatch {
    private var tenants: [UUID] = []
    private var invoices: [UUID] = []
    private var dates: [CalendarDate] = []
    private var kinds: [String] = []
    private var froms: [String] = []
    private var tos: [String] = []
    private var details: [String] = []

    var isEmpty: Bool { invoices.isEmpty }

    init() {}

    mutating func append(
        tenant: TenantID, invoice: InvoiceID, on date: CalendarDate, kind: String,
        from: InvoiceStatus?, to: InvoiceStatus?, detail: String
    ) {
        tenants.append(tenant.uuid)
        invoices.append(invoice.uuid)
        dates.append(date)
        kinds.append(kind)
        froms.append(from?.rawValue ?? "")
        tos.append(to?.rawValue ?? "")
        details.append(detail)
    }

    func insert(on connection: PostgresConnection, logger: Logger) async throws {
        guard !isEmpty else { return }
        try await connection.query(
            """
            INSERT INTO invoice_events (tenant_id, invoice_id, effective_date, kind, from_state, to_state, detail)
            SELECT e.tenant_id, e.invoice_id, e.effective_date, e.kind, NULLIF(e.from_state, ''),
                   NULLIF(e.to_state, ''), e.detail::jsonb
            FROM unnest(\(tenants), \(invoices), \(dates), \(kinds), \(froms), \(tos), \(details))
                 AS e(tenant_id, invoice_id, effective_date, kind, from_state, to_state, detail)
            """,
            logger: logger
        )
    }
}
