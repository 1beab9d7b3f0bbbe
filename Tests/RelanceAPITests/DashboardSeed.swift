import Foundation
import PostgresNIO
import RelanceAPI
import RelanceCore
import RelancePipeline
import RelanceStore
import RelanceTestSupport
import Synchronization
import Testing

/// A tenant whose dashboard has something in every panel: invoices at known ages, reminders
/// sent (the pipeline's stores, as a dispatcher and a worker use them), payments after them and
/// before any (over the API), a call task and a court dossier. Names carry markup, to be escaped.
struct DashboardSeed {
    var tenant: TenantID
    var readerKey: String

    /// The day the server works on is 2026-12-07 (`APIHarness.today`).
    static func make(_ api: APIHarness) async throws -> DashboardSeed {
        let tenant = try await api.makeTenant("Atelier <script>alert(1)</script> & Fils")
        let reader = try await api.makeKey(for: tenant.tenant, role: .readonly)
        let creditor = try await api.call("POST", "/v1/creditors", key: tenant.key, json: """
            {"name": "Atelier Durand", "external_ref": "AD-1",
             "address": {"lines": ["3 rue des Lilas"], "postal_code": "75011", "city": "Paris", "country_code": "FR"}}
            """)
        let creditorId = try #require(creditor.string("id"), "\(creditor.text)")
        let debtor = try await api.call("POST", "/v1/debtors", key: tenant.key, json: """
            {"creditor_id": "\(creditorId)", "name": "Boulangerie <script>alert(\\"x\\")</script>", "kind": "business",
             "email": "compta@martin.example", "phone": "+33612345678", "external_ref": "C-1"}
            """)
        let debtorId = try #require(debtor.string("id"), "\(debtor.text)")
        var invoices: [String: String] = [:]
        // number, issued, due, amount: not yet due, 10, 45, 75 and 130 days late; F and H paid,
        // G partly.
        for (number, issued, due, amount) in [
            ("A", "2026-11-20", "2026-12-20", "1000.00"), ("B", "2026-10-28", "2026-11-27", "2500.00"),
            ("C", "2026-09-23", "2026-10-23", "800.00"), ("D", "2026-08-24", "2026-09-23", "1200.00"),
            ("E", "2026-06-30", "2026-07-30", "3000.00"), ("F", "2026-10-26", "2026-11-25", "600.00"),
            ("G", "2026-10-21", "2026-11-20", "900.00"), ("H", "2026-11-01", "2026-11-30", "300.00"),
        ] {
            let reply = try await api.call("POST", "/v1/invoices", key: tenant.key, json: """
                {"creditor_id": "\(creditorId)", "debtor_id": "\(debtorId)", "number": "INV-\(number)",
                 "issue_date": "\(issued)", "due_date": "\(due)", "currency": "EUR", "amount": "\(amount)"}
                """)
            invoices[number] = try #require((reply.json["invoice"] as? [String: Any])?["id"] as? String, "\(reply.text)")
        }

        // An invoice created late has only its latest overdue step planned (the planner's
        // catch-up rule): on 5 December that is F's third step (an email, due that day) and G's
        // fourth (a call). H is paid on 10 November, before any reminder; F pays in full on 6
        // December, G pays part the same day.
        try await pay(api, tenant.key, invoices["H"]!, "300.00", on: "2026-11-10")
        try await ReminderRounds(client: api.owner).carryOut(at: try Self.moment("2026-12-05T18:00:00Z"))
        try await pay(api, tenant.key, invoices["F"]!, "600.00", on: "2026-12-06")
        try await pay(api, tenant.key, invoices["G"]!, "400.00", on: "2026-12-06")

        _ = try await APIWorkTests.callTask(api, tenant: tenant.tenant, parties: .init(
            creditor: creditorId, debtor: debtorId, invoice: invoices["E"]!))
        try await dossier(api, tenant: tenant.tenant, debtor: UUID(uuidString: debtorId)!, invoice: UUID(uuidString: invoices["E"]!)!)
        return DashboardSeed(tenant: tenant.tenant, readerKey: reader)
    }

    static func moment(_ text: String) throws -> Date {
        try Date(text, strategy: .iso8601)
    }

    static func pay(_ api: APIHarness, _ key: String, _ invoice: String, _ amount: String, on day: String) async throws {
        let reply = try await api.call("POST", "/v1/invoices/\(invoice)/payments", key: key,
                                       json: #"{"amount": "\#(amount)", "paid_on": "\#(day)"}"#)
        #expect(reply.status == 200 || reply.status == 201, "\(reply.text)")
    }

    /// A dossier as the legal channel records it (as APIWorkTests does).
    static func dossier(_ api: APIHarness, tenant: TenantID, debtor: UUID, invoice: UUID) async throws {
        let job = UUID.timeOrdered()
        try await api.owner.query(
            "INSERT INTO jobs (tenant_id, id, debtor_id, channel, payload) VALUES (\(tenant.uuid), \(job), \(debtor), 'legal', '{}')",
            logger: FreshDatabase.logger
        )
        try await api.owner.query(
            """
            INSERT INTO legal_filings (id, job_id, tenant_id, debtor_id, invoice_ids, invoice_numbers, court_kind, court_name,
                court_confirmed, form, currency, principal_minor, interest_minor, indemnity_minor, total_minor, claim_date,
                pdf_path, pdf_sha256, pdf_pages, manifest_path, manifest_sha256, prepared_at)
            VALUES (\(UUID.timeOrdered()), \(job), \(tenant.uuid), \(debtor), \([invoice]),
                \(["INV-E"]), 'tribunal_de_commerce', 'Tribunal de commerce de Paris', true, '12946*02', 'EUR',
                300000, 4521, 4000, 308521, '2026-12-07', '/nonexistent/dossier.pdf', 'abc', 1, '/nonexistent/dossier.json', 'def', \(APIHarness.now))
            """,
            logger: FreshDatabase.logger
        )
    }

    // MARK: What the page must show, computed here from the database

    struct Expected {
        /// `ageing.EUR.0_30` → minor units.
        var ageing: [String: Int64] = [:]
        var receivables: Int64 = 0
        var sales: Int64 = 0
        var dso = ""
        /// `recovered.EUR.step_3.email` → minor units.
        var recovered: [String: Int64] = [:]
        /// `upcoming.2026-12-12.call` → steps.
        var upcoming: [String: Int] = [:]
    }

    static func expectedFigures(_ api: APIHarness, tenant: TenantID) async throws -> Expected {
        let today = APIHarness.today
        let logger = FreshDatabase.logger
        var expected = Expected()
        let ageing = try await api.owner.query(
            """
            SELECT coalesce(sum(outstanding_minor) FILTER (WHERE due_date > \(today)::date), 0)::bigint,
                   coalesce(sum(outstanding_minor) FILTER (WHERE due_date BETWEEN \(today)::date - 30 AND \(today)::date), 0)::bigint,
                   coalesce(sum(outstanding_minor) FILTER (WHERE due_date BETWEEN \(today)::date - 60 AND \(today)::date - 31), 0)::bigint,
                   coalesce(sum(outstanding_minor) FILTER (WHERE due_date BETWEEN \(today)::date - 90 AND \(today)::date - 61), 0)::bigint,
                   coalesce(sum(outstanding_minor) FILTER (WHERE due_date < \(today)::date - 90), 0)::bigint,
                   coalesce(sum(outstanding_minor), 0)::bigint
            FROM invoices WHERE tenant_id = \(tenant.uuid) AND currency = 'EUR' AND state NOT IN ('paid', 'written_off')
            """,
            logger: logger
        ).collect()
        let (notYet, upTo30, upTo60, upTo90, over90, all) = try ageing[0].decode((Int64, Int64, Int64, Int64, Int64, Int64).self)
        expected.ageing = ["ageing.EUR.not_yet_due": notYet, "ageing.EUR.0_30": upTo30, "ageing.EUR.31_60": upTo60,
                           "ageing.EUR.61_90": upTo90, "ageing.EUR.over_90": over90]
        expected.receivables = all
        let sales = try await api.owner.query(
            """
            SELECT coalesce(sum(amount_minor), 0)::bigint FROM invoices
            WHERE tenant_id = \(tenant.uuid) AND currency = 'EUR' AND issue_date > \(today)::date - 90 AND issue_date <= \(today)::date
            """,
            logger: logger
        ).collect()
        expected.sales = try sales[0].decode(Int64.self)
        expected.dso = String(format: "%.1f", Double(expected.receivables) / Double(expected.sales) * 90)

        // Attribution computed in Swift from the raw rows: each payment to the latest reminder of
        // its invoice that reached the debtor on or before its value date.
        var reminders: [(invoice: UUID, position: Int, channel: String, day: CalendarDate, at: Date)] = []
        for try await (invoice, position, channel, day, at) in try await api.owner.query(
            """
            SELECT s.invoice_id, s.position, s.channel, (o.completed_at AT TIME ZONE 'UTC')::date, o.completed_at
            FROM schedule_steps s JOIN job_outcomes o ON o.job_id = s.job_id
            WHERE s.tenant_id = \(tenant.uuid) AND o.outcome IN ('sent', 'task_created', 'prepared')
            """,
            logger: logger
        ).decode((UUID, Int32, String, CalendarDate, Date).self) {
            reminders.append((invoice, Int(position), channel, day, at))
        }
        for try await (invoice, day, amount) in try await api.owner.query(
            "SELECT invoice_id, paid_on, amount_minor FROM payments WHERE tenant_id = \(tenant.uuid) AND currency = 'EUR'",
            logger: logger
        ).decode((UUID, CalendarDate, Int64).self) {
            let last = reminders.filter { $0.invoice == invoice && $0.day <= day }
                .max { ($0.at, $0.position) < ($1.at, $1.position) }
            let key = last.map { "recovered.EUR.step_\($0.position + 1).\($0.channel)" } ?? "recovered.EUR.none"
            expected.recovered[key, default: 0] += amount
        }

        for try await (day, channel, count) in try await api.owner.query(
            """
            SELECT due_date, channel, count(*)::bigint FROM schedule_steps
            WHERE tenant_id = \(tenant.uuid) AND status = 'planned' AND due_date >= \(today)::date AND due_date <= \(today)::date + 13
            GROUP BY 1, 2
            """,
            logger: logger
        ).decode((CalendarDate, String, Int64).self) {
            expected.upcoming["upcoming.\(day.iso).\(channel)"] = Int(count)
        }
        return expected
    }
}

/// Moves due steps through the pipeline's own stores, as a dispatcher and a worker would: claim
/// what is due, one job per step, record the worker's outcome at that moment.
struct ReminderRounds: Sendable {
    let client: PostgresClient

    func carryOut(at now: Date) async throws {
        let logger = FreshDatabase.logger
        let claimed = Mutex<[(step: DueStep, job: UUID)]>([])
        _ = try await DispatchStore(client: client, logger: logger).claimAndDispatch(now: now, batchSize: 1_000) { steps in
            var plan = DispatchPlan()
            var pairs: [(step: DueStep, job: UUID)] = []
            for step in steps {
                let job = ReminderJob(
                    jobId: UUID.timeOrdered(), tenantId: step.tenantId, debtorId: step.debtorId, channel: step.channel,
                    steps: [ReminderJob.Step(stepId: step.stepId, invoiceId: step.invoiceId, position: step.position, templateKey: step.templateKey)],
                    createdAt: now
                )
                plan.jobs.append(OutboxJob(id: job.jobId, tenantId: step.tenantId, debtorId: step.debtorId, channel: step.channel, payload: job.encoded()))
                plan.dispatched.append((step.stepId, job.jobId))
                pairs.append((step, job.jobId))
            }
            claimed.withLock { $0 = pairs }
            return plan
        }
        let dispatched = claimed.withLock { $0 }
        try await WorkerStore(client: client, logger: logger).record(dispatched.map { step, job in
            JobOutcome(
                jobId: job, stepIds: [step.stepId], tenantId: step.tenantId, debtorId: step.debtorId, channel: step.channel,
                kind: step.channel == .call ? .taskCreated : (step.channel == .email ? .sent : .prepared), completedAt: now
            )
        })
    }
}
