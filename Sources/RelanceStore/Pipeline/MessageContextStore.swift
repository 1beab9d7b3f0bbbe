import Foundation
import Logging
import PostgresNIO
import RelanceCore

/// What a worker needs to write the messages of a batch of jobs, read in a fixed number of
/// statements whatever the batch size (every read binds the batch's ids as one array,
/// `= ANY($1)`): tenants, debtors, creditors, invoices with their payments, the invoices' steps
/// already carried out and their next planned one, and the debtors' first written contact
/// (collection agencies only), and what operators have paused (`operator_pauses`, a table of a
/// few rows). At most `maximumStatements` statements per `load`.
///
/// The reads return only what a message shows, in plain columns (addresses are taken apart in
/// SQL, not decoded from JSON row by row), since a worker composes thousands per second.
public struct MessageContextStore: Sendable {
    public let client: PostgresClient
    public let logger: Logger

    /// The most statements one `load` runs, for any number of jobs.
    public static let maximumStatements = 7

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Reads what the messages about `invoiceIds` for `debtorIds` of `tenantIds` need, on one
    /// connection, in at most `maximumStatements` statements. `now` sets each debtor's day (in
    /// its time zone) after which a planned step is the invoice's next one.
    public func load(tenantIds: [TenantID], debtorIds: [DebtorID], invoiceIds: [InvoiceID], now: Date) async throws -> BatchSnapshot {
        let tenantIds = Array(Set(tenantIds)), debtorIds = Array(Set(debtorIds)), invoiceIds = Array(Set(invoiceIds))
        let logger = logger
        return try await client.withConnection { connection in
            var snapshot = BatchSnapshot()
            guard !tenantIds.isEmpty || !debtorIds.isEmpty || !invoiceIds.isEmpty else { return snapshot }

            snapshot.tenants = try await TenantRepository.tenants(tenantIds, on: connection, logger: logger)
            snapshot.debtors = try await Self.debtors(debtorIds, on: connection, logger: logger)
            let creditorIds = Array(Set(snapshot.debtors.values.map(\.creditorId)))
            snapshot.creditors = try await CreditorRepository.creditors(creditorIds, on: connection, logger: logger)
            snapshot.invoices = try await Self.invoices(invoiceIds, on: connection, logger: logger)
            snapshot.steps = try await Self.steps(of: snapshot.invoices, debtors: snapshot.debtors, now: now, on: connection, logger: logger)
            // Each read above skips its statement when it has no id to look up.
            snapshot.statements = [tenantIds.isEmpty, debtorIds.isEmpty, creditorIds.isEmpty, invoiceIds.isEmpty, invoiceIds.isEmpty]
                .filter { !$0 }.count

            let agencyDebtors = snapshot.debtors.values.filter { snapshot.tenants[$0.tenantId]?.tenant.kind == .collectionAgency }
            if !agencyDebtors.isEmpty {
                snapshot.firstWrittenContacts = try await Self.firstWrittenContacts(agencyDebtors, on: connection, logger: logger)
                snapshot.statements += 1
            }
            // Read with every batch, so that a pause holds the next batch whatever process made it.
            snapshot.paused = try await OperatorPauses.pausedWork(on: connection, logger: logger)
            snapshot.statements += 1
            return snapshot
        }
    }

    // MARK: - Statements

    static func debtors(
        _ ids: [DebtorID],
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> [DebtorID: Debtor] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await connection.execute(PreparedQuery<DebtorsRead> { $0.append(ids.map(\.uuid)) }, logger: logger)
        var result: [DebtorID: Debtor] = [:]
        result.reserveCapacity(ids.count)
        for try await row in rows {
            var cells = RowCells(row)
            let (tenant, id, creditor): (UUID, UUID, UUID) = (try cells.next(), try cells.next(), try cells.next())
            let (name, kindName, languageName, zone): (String, String, String, String) =
                (try cells.next(), try cells.next(), try cells.next(), try cells.next())
            let (email, phone): (String?, String?) = (try cells.next(), try cells.next())
            let hasAddress: Bool = try cells.next()
            let lines: [String] = try cells.next()
            let (code, city, country): (String, String, String) = (try cells.next(), try cells.next(), try cells.next())
            guard let kind = DebtorKind(rawValue: kindName), let language = Language(rawValue: languageName) else {
                throw StoreError(.corruptRecord, "debtor \(id) has an unknown kind or language")
            }
            let address = hasAddress ? PostalAddress(lines: lines, postalCode: code, city: city, countryCode: country) : nil
            do {
                result[DebtorID(id)] = try Debtor(
                    id: DebtorID(id), tenantId: TenantID(tenant), creditorId: CreditorID(creditor), name: name, kind: kind,
                    language: language, timeZone: zone,
                    contacts: DebtorContacts(email: email, phone: phone, postalAddress: address)
                )
            } catch {
                throw StoreError(.corruptRecord, "debtor \(id) cannot be read: \(error)", underlying: error)
            }
        }
        return result
    }

    static func invoices(
        _ ids: [InvoiceID],
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> [InvoiceID: BatchSnapshot.InvoiceFacts] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await connection.execute(PreparedQuery<InvoicesRead> { $0.append(ids.map(\.uuid)) }, logger: logger)
        var result: [InvoiceID: BatchSnapshot.InvoiceFacts] = [:]
        result.reserveCapacity(ids.count)
        for try await row in rows {
            var cells = RowCells(row)
            let (id, tenant, creditor, debtor): (UUID, UUID, UUID, UUID) =
                (try cells.next(), try cells.next(), try cells.next(), try cells.next())
            let number: String = try cells.next()
            let (issued, due): (CalendarDate, CalendarDate) = (try cells.next(), try cells.next())
            let currencyCode: String = try cells.next()
            let (amount, outstanding): (Int64, Int64) = (try cells.next(), try cells.next())
            let contractRate: Int? = try cells.next()
            let jurisdictionName: String = try cells.next()
            let notice: CalendarDate? = try cells.next()
            let state: String = try cells.next()
            let paymentDates: [CalendarDate] = try cells.next()
            let paymentAmounts: [Int64] = try cells.next()
            let paymentCurrencies: [String] = try cells.next()
            guard let jurisdiction = Jurisdiction(rawValue: jurisdictionName) else {
                throw StoreError(.corruptRecord, "invoice \(id) has unknown jurisdiction '\(jurisdictionName)'")
            }
            let currency = try Currency(code: currencyCode)
            var payments: [PartialPayment] = []
            for (index, date) in paymentDates.enumerated() {
                let paymentCurrency = paymentCurrencies[index] == currencyCode ? currency : try Currency(code: paymentCurrencies[index])
                payments.append(PartialPayment(date: date, amount: Money(minorUnits: paymentAmounts[index], currency: paymentCurrency)))
            }
            result[InvoiceID(id)] = BatchSnapshot.InvoiceFacts(
                id: InvoiceID(id), tenantId: TenantID(tenant), creditorId: CreditorID(creditor), debtorId: DebtorID(debtor),
                number: number, issueDate: issued, dueDate: due,
                amount: Money(minorUnits: amount, currency: currency),
                outstanding: Money(minorUnits: outstanding, currency: currency),
                contractRate: contractRate.map(Rate.init(basisPoints:)),
                jurisdiction: jurisdiction, formalNoticeDate: notice, payments: payments,
                // Unreadable: nil, so that the guard contacts nobody on its account.
                state: try? StoredInvoiceState.decode(state, what: "the state of invoice \(id)")
            )
        }
        return result
    }

    /// The steps of `invoices` whose debtor is among `debtors`: each one's steps done or
    /// dispatched, then its first planned step dated after the debtor's day at `now`.
    static func steps(
        of invoices: [InvoiceID: BatchSnapshot.InvoiceFacts],
        debtors: [DebtorID: Debtor],
        now: Date,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> [InvoiceID: [BatchSnapshot.StepFacts]] {
        // Each invoice with its debtor's day, so that "after today" is the debtor's own.
        var dayInZone: [TimeZoneID: CalendarDate] = [:]
        var invoiceIds: [UUID] = []
        var days: [CalendarDate] = []
        for invoice in invoices.values {
            guard let debtor = debtors[invoice.debtorId] else { continue }
            let day: CalendarDate
            if let known = dayInZone[debtor.timeZone] {
                day = known
            } else {
                day = CalendarDate(now, in: debtor.timeZone)
                dayInZone[debtor.timeZone] = day
            }
            invoiceIds.append(invoice.id.uuid)
            days.append(day)
        }
        guard !invoiceIds.isEmpty else { return [:] }
        // Per invoice, two short walks of its (invoice_id, position) index: its history, and its
        // first planned step after the day. The status lists keep the partial `planned` indexes
        // out of the plan. Only a done step has an outcome to look up (a dispatched one gets
        // its outcome and leaves that status in one transaction): the lookup is a subquery that
        // does not run for the others, among them the step of the very job being composed.
        let rows = try await connection.execute(
            PreparedQuery<StepsRead> { $0.append(invoiceIds); $0.append(days) }, logger: logger
        )
        var result: [InvoiceID: [BatchSnapshot.StepFacts]] = [:]
        result.reserveCapacity(invoiceIds.count)
        for try await row in rows {
            var cells = RowCells(row)
            let invoice: UUID = try cells.next()
            let position: Int = try cells.next()
            let (channelName, key, statusName): (String, String, String) = (try cells.next(), try cells.next(), try cells.next())
            let dueDate: CalendarDate = try cells.next()
            let job: UUID? = try cells.next()
            let completedAt: Date? = try cells.next()
            guard let channel = RelanceCore.Channel(rawValue: channelName), let status = ScheduleStepStatus(rawValue: statusName) else {
                throw StoreError(.corruptRecord, "a schedule step of invoice \(invoice) has an unknown channel or status")
            }
            result[InvoiceID(invoice), default: []].append(BatchSnapshot.StepFacts(
                invoiceId: InvoiceID(invoice), position: position, channel: channel, templateKey: key, status: status,
                dueDate: dueDate, jobId: job, completedAt: completedAt
            ))
        }
        // A few rows per invoice: ordered here rather than by one more sort on the server.
        for id in result.keys { result[id]!.sort { $0.position < $1.position } }
        return result
    }

    static func firstWrittenContacts(
        _ debtors: [Debtor],
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> [DebtorID: BatchSnapshot.WrittenContact] {
        guard !debtors.isEmpty else { return [:] }
        // Tenant and debtor together so job_outcomes_debtor_idx serves each lookup in date order.
        let rows = try await connection.query(
            """
            SELECT d.debtor_id, f.job_id, f.channel, f.completed_at
            FROM unnest(\(debtors.map(\.tenantId.uuid)), \(debtors.map(\.id.uuid))) AS d(tenant_id, debtor_id)
            CROSS JOIN LATERAL (
                SELECT o.job_id, o.channel, o.completed_at FROM job_outcomes o
                WHERE o.tenant_id = d.tenant_id AND o.debtor_id = d.debtor_id AND o.outcome IN ('sent', 'prepared')
                  AND o.channel = ANY(\(BatchSnapshot.writtenChannels.map { $0.rawValue }))
                ORDER BY o.completed_at, o.job_id
                LIMIT 1
            ) AS f
            """,
            logger: logger
        )
        var result: [DebtorID: BatchSnapshot.WrittenContact] = [:]
        for try await (debtor, job, channelName, completedAt) in rows.decode((UUID, UUID, String, Date).self) {
            guard let channel = RelanceCore.Channel(rawValue: channelName) else {
                throw StoreError(.corruptRecord, "the outcome of job \(job) has an unknown channel '\(channelName)'")
            }
            result[DebtorID(debtor)] = BatchSnapshot.WrittenContact(jobId: job, channel: channel, completedAt: completedAt)
        }
        return result
    }

    // MARK: - Prepared statements (run for every batch a worker takes)

    enum DebtorsRead: PreparedText {
        static let sql = """
            SELECT d.tenant_id, d.id, d.creditor_id, d.name, d.kind, d.language, d.time_zone, d.email, d.phone,
                   d.postal_address IS NOT NULL,
                   ARRAY(SELECT jsonb_array_elements_text(d.postal_address -> 'lines')),
                   COALESCE(d.postal_address ->> 'postal_code', ''), COALESCE(d.postal_address ->> 'city', ''),
                   COALESCE(d.postal_address ->> 'country_code', '')
            FROM debtors d WHERE d.id = ANY($1)
            """
    }

    enum InvoicesRead: PreparedText {
        // Payments come with their invoice (an index lookup per row).
        static let sql = """
            SELECT i.id, i.tenant_id, i.creditor_id, i.debtor_id, i.number, i.issue_date, i.due_date, i.currency::text,
                   i.amount_minor, i.outstanding_minor, i.contract_rate_bp, i.jurisdiction, i.formal_notice_date,
                   i.state_detail::text,
                   COALESCE(p.dates, '{}'::date[]), COALESCE(p.amounts, '{}'::int8[]), COALESCE(p.currencies, '{}'::text[])
            FROM invoices i
            LEFT JOIN LATERAL (
                SELECT array_agg(p.paid_on ORDER BY p.paid_on, p.created_at) AS dates,
                       array_agg(p.amount_minor ORDER BY p.paid_on, p.created_at) AS amounts,
                       array_agg(p.currency::text ORDER BY p.paid_on, p.created_at) AS currencies
                FROM payments p WHERE p.tenant_id = i.tenant_id AND p.invoice_id = i.id
            ) AS p ON true
            WHERE i.id = ANY($1)
            """
    }

    enum StepsRead: PreparedText {
        static let sql = """
            SELECT x.invoice_id, x.position, x.channel, x.template_key, x.status, x.due_date, x.job_id, x.completed_at
            FROM unnest($1, $2) AS t(invoice_id, today)
            CROSS JOIN LATERAL (
                (SELECT s.invoice_id, s.position, s.channel, s.template_key, s.status, s.due_date, s.job_id,
                        CASE WHEN s.status = 'done' THEN (SELECT o.completed_at FROM job_outcomes o WHERE o.job_id = s.job_id) END AS completed_at
                 FROM schedule_steps s
                 WHERE s.invoice_id = t.invoice_id AND s.status IN ('done', 'dispatched'))
                UNION ALL
                (SELECT s.invoice_id, s.position, s.channel, s.template_key, s.status, s.due_date, s.job_id, NULL::timestamptz
                 FROM schedule_steps s
                 WHERE s.invoice_id = t.invoice_id AND s.status IN ('planned') AND s.due_date > t.today
                 ORDER BY s.position LIMIT 1)
            ) AS x
            """
    }
}
