import Foundation
import Logging
import PostgresNIO
import RelanceCore

/// The agents' side of call tasks. The call channel creates one task per call job; an agent
/// takes the most urgent task whose window is open (`next`), calls, and records how it went
/// (`record`). Results that change the invoices go through `InvoiceTransitions` in the same
/// transaction as the task's update, so a task is never closed without its effect, nor an
/// effect written for a task left open.
///
/// Calls respect the debtor's call hours: `next` only hands out a task when the debtor's wall
/// clock is inside the call window (no weekend, public holiday or quiet hour) and moves the
/// window of a task whose window has closed to the next opening.
public struct CallTaskStore: Sendable {
    public let client: PostgresClient
    public let rules: ComplianceRules
    public let logger: Logger
    /// How long an agent holds a task: an assignment older than this may be taken by another.
    public var lease: Duration
    /// Calls without an answer after which the task closes and the ladder goes on.
    public var maximumAttempts: Int
    /// How long after an unanswered call the next try may be (then the call hours apply).
    public var retryAfter: Duration
    /// Days of grace given with a promise to pay (the ladder resumes after `date + grace`).
    public var promiseGraceDays: Int
    /// Days of grace per installment of a plan agreed on the phone.
    public var installmentGraceDays: Int
    /// The tenant the agents' side acts for, when connected as the application role (the
    /// API): each transaction names it, for row-level security. Nil as the owner.
    public var tenantScope: TenantID?

    /// How many live tasks `next` looks at, one after the other, for one whose debtor may be
    /// called now (those it passes are moved to their next window or cancelled).
    static let candidates = 20

    public init(
        client: PostgresClient, rules: ComplianceRules, logger: Logger,
        lease: Duration = .seconds(30 * 60), maximumAttempts: Int = 3, retryAfter: Duration = .seconds(2 * 3600),
        promiseGraceDays: Int = 0, installmentGraceDays: Int = PersonalisationRules().installmentGraceDays
    ) {
        self.client = client
        self.rules = rules
        self.logger = logger
        self.lease = lease
        self.maximumAttempts = max(1, maximumAttempts)
        self.retryAfter = retryAfter
        self.promiseGraceDays = promiseGraceDays
        self.installmentGraceDays = installmentGraceDays
    }

    // MARK: - The channel's side

    /// The debtor of `debtor` in `tenant`, as the call channel needs it; nil when unknown.
    public func callee(tenant: UUID, debtor: UUID) async throws -> Callee? {
        let rows = try await client.query(
            """
            SELECT name, phone, phone_unusable_reason, kind, time_zone, cash_flow_difficulty
            FROM debtors WHERE tenant_id = \(tenant) AND id = \(debtor)
            """,
            logger: logger
        )
        for try await row in rows {
            var cells = RowCells(row)
            let name: String = try cells.next()
            let phone: String? = try cells.next()
            let unusable: String? = try cells.next()
            let kindName: String = try cells.next()
            let zoneName: String = try cells.next()
            let difficulty: Bool = try cells.next()
            guard let kind = DebtorKind(rawValue: kindName) else {
                throw StoreError(.corruptRecord, "debtor \(debtor) has unknown kind '\(kindName)'")
            }
            let zone = try StoreError.reading("debtor \(debtor)'s time zone") { try TimeZoneID(zoneName) }
            return Callee(
                name: name, phone: phone, phoneUnusableReason: unusable, kind: kind, timeZone: zone,
                statedCashFlowDifficulty: difficulty
            )
        }
        return nil
    }

    /// Creates the task of a call job, unless the job has one already (a redelivered job).
    /// Returns the task's id and whether this call created it.
    public func create(_ task: NewCallTask) async throws -> (id: UUID, created: Bool) {
        let id = UUID.timeOrdered()
        let points = try StoreJSON.snake(task.talkingPoints)
        return try await client.run {
            let rows = try await client.query(
                """
                WITH inserted AS (
                    INSERT INTO call_tasks (tenant_id, id, job_id, debtor_id, invoice_ids, step_ids, priority, time_zone,
                                            earliest_at, latest_at, talking_points)
                    VALUES (\(task.tenantId), \(id), \(task.jobId), \(task.debtorId), \(task.invoiceIds), \(task.stepIds),
                            \(task.priority), \(task.window.earliest.timeZone.identifier), \(task.window.earliest.date),
                            \(task.window.latest.date), \(points)::jsonb)
                    ON CONFLICT (job_id) DO NOTHING
                    RETURNING id
                )
                SELECT id, true FROM inserted
                UNION ALL
                SELECT id, false FROM call_tasks WHERE job_id = \(task.jobId) AND NOT EXISTS (SELECT 1 FROM inserted)
                """,
                logger: logger
            )
            for try await (taskId, created) in rows.decode((UUID, Bool).self) { return (taskId, created) }
            throw StoreError(.databaseError, "the task of job \(task.jobId) was neither created nor found")
        }
    }

    // MARK: - The agents' side

    /// One task, as `next` returns them; nil when unknown.
    public func task(_ id: UUID) async throws -> CallTask? {
        try await client.transaction(scopedTo: tenantScope, logger: logger) { connection in
            let rows = try await connection.query(
                "SELECT \(unescaped: Self.taskColumns) FROM call_tasks t JOIN debtors d ON d.tenant_id = t.tenant_id AND d.id = t.debtor_id WHERE t.id = \(id)",
                logger: logger
            )
            for try await row in rows { return try Self.task(row) }
            return nil
        }
    }

    /// Assigns `agent` the most urgent task of `tenant` it may call now and returns it; nil
    /// when there is none. A task the agent already holds comes first (asking again gives the
    /// same task). Two agents asking at once never get the same task (`FOR UPDATE SKIP LOCKED`).
    ///
    /// On the way it tidies what it meets: a task whose debtor cannot be called now gets its
    /// window moved to the next opening; a task whose invoices are no longer open (paid,
    /// disputed, promised …) or whose phone is known wrong is cancelled.
    public func next(tenant: UUID, agent: String, now: Date) async throws -> CallTask? {
        let agent = try Self.agentName(agent)
        let leaseStart = now.addingTimeInterval(-lease.timeInterval)
        let chosen: UUID? = try await client.transaction(scopedTo: tenantScope, logger: logger) { connection in
            // One candidate at a time, so that the rows other agents may take stay unlocked.
            for _ in 0..<Self.candidates {
                let rows = try await connection.query(
                    """
                    SELECT t.id, t.time_zone, d.kind, d.phone_unusable_since IS NOT NULL,
                           EXISTS (SELECT 1 FROM invoices i WHERE i.tenant_id = t.tenant_id AND i.id = ANY(t.invoice_ids)
                                                              AND i.state IN ('open', 'partially_paid'))
                    FROM call_tasks t
                    JOIN debtors d ON d.tenant_id = t.tenant_id AND d.id = t.debtor_id
                    WHERE t.tenant_id = \(tenant) AND t.status IN ('open', 'assigned') AND t.earliest_at <= \(now)
                      AND (t.status = 'open' OR t.agent = \(agent) OR t.assigned_at <= \(leaseStart))
                    ORDER BY (t.status = 'assigned' AND t.agent = \(agent)) DESC, t.priority DESC, t.earliest_at, t.id
                    LIMIT 1
                    FOR UPDATE OF t SKIP LOCKED
                    """,
                    logger: logger
                )
                var found: (id: UUID, zone: String, kind: String, phoneWrong: Bool, open: Bool)?
                for try await row in rows.decode((UUID, String, String, Bool, Bool).self) { found = row }
                guard let candidate = found else { return nil }
                if candidate.phoneWrong || !candidate.open {
                    try await connection.query(
                        """
                        UPDATE call_tasks SET status = 'cancelled', agent = NULL, assigned_at = NULL,
                               closed_at = \(now), updated_at = now()
                        WHERE id = \(candidate.id)
                        """,
                        logger: logger
                    )
                    continue
                }
                let recipient = try Self.recipient(zone: candidate.zone, kind: candidate.kind)
                if try ContactScheduler(rules: rules).isInsideWindow(now, channel: .call, recipient: recipient) {
                    try await connection.query(
                        """
                        UPDATE call_tasks SET status = 'assigned', agent = \(agent), assigned_at = \(now), updated_at = now()
                        WHERE id = \(candidate.id)
                        """,
                        logger: logger
                    )
                    return candidate.id
                }
                // Its window closed (or the hour is a quiet one): it waits for the next opening,
                // which is later than now, so the next look passes it by.
                let window = try CallWindow.first(from: now, recipient: recipient, rules: rules)
                try await connection.query(
                    """
                    UPDATE call_tasks SET status = 'open', agent = NULL, assigned_at = NULL,
                           earliest_at = \(window.earliest.date), latest_at = \(window.latest.date), updated_at = now()
                    WHERE id = \(candidate.id)
                    """,
                    logger: logger
                )
            }
            return nil
        }
        guard let chosen else { return nil }
        return try await task(chosen)
    }

    /// Records how the call of task `id` went, by the agent holding it. Throws `not_found` for
    /// an unknown task, `call_task_closed` when it is done or cancelled, `call_task_not_held`
    /// when `agent` does not hold it, `CallResultError` for values that break the result's
    /// rules, `call_result_refused` when they do not fit the invoices, and the invoice
    /// transitions' own errors; in every case nothing is written.
    public func record(task id: UUID, result: CallResult, agent: String, now: Date) async throws -> CallRecording {
        let agent = try Self.agentName(agent)
        return try await client.transaction(scopedTo: tenantScope, logger: logger) { connection in
            let held = try await lockTask(id, on: connection)
            switch held.status {
            case .done, .cancelled:
                let how = held.result.map { " (\($0.rawValue))" } ?? ""
                throw StoreError(.callTaskClosed, "call task \(id) is \(held.status.rawValue)\(how): nothing more can be recorded on it")
            case .open:
                throw StoreError(.callTaskNotHeld, "call task \(id) is not assigned to \(agent): take it with `relance calls next` first")
            case .assigned where held.agent != agent:
                throw StoreError(.callTaskNotHeld, "call task \(id) is held by \(held.agent ?? "another agent"), not \(agent)")
            case .assigned:
                break
            }
            let recipient = try Self.recipient(zone: held.timeZone, kind: held.kind)
            let today = CalendarDate(now, in: recipient.timeZone)
            let checked = try result.validated(today: today, now: now)
            let transitions = InvoiceTransitions(client: client, logger: logger)
            var applied: [TransitionResult] = []
            var status = CallTask.Status.done
            var window: CallWindow?
            var movedOn = false
            let attempts = held.attempts + 1
            var detail = checked.detail
            detail["agent"] = agent

            switch checked {
            case .promiseToPay(let date, let amount):
                let invoices = try await openInvoices(held, on: connection, for: checked)
                try Self.checkCurrency(amount, of: invoices)
                for invoice in invoices {
                    applied.append(try await transitions.promise(
                        invoice.id, payBy: date, graceDays: promiseGraceDays, on: today,
                        extra: EventDetail(["amount": .string(amount.decimalString), "call_task": .string(id.uuidString.lowercased())]),
                        connection: connection
                    ))
                }
            case .dispute(let reason):
                for invoice in try await openInvoices(held, on: connection, for: checked) {
                    applied.append(try await transitions.dispute(invoice.id, reason: reason, on: today, connection: connection))
                }
            case .paymentPlan(let count, let first):
                for invoice in try await openInvoices(held, on: connection, for: checked) {
                    let plan = try PaymentPlan(
                        agreedOn: today,
                        installments: try InstallmentSchedule.monthly(total: invoice.outstanding, count: count, firstDueDate: first),
                        graceDays: installmentGraceDays
                    )
                    applied.append(try await transitions.agreePaymentPlan(invoice.id, plan, connection: connection))
                }
            case .paid(let amount, let date):
                let invoices = try await InvoiceTransitions.lock(held.invoiceIds, on: connection, logger: logger)
                    .map(\.invoice)
                    .filter { $0.outstanding.isPositive && $0.state.status != .writtenOff }
                    .sorted { ($0.dueDate, $0.number) < ($1.dueDate, $1.number) }
                guard !invoices.isEmpty else {
                    throw StoreError(.callResultRefused, "nothing is owed any more on the invoices of call task \(id)")
                }
                try Self.checkCurrency(amount, of: invoices)
                let owed = try Money.sum(invoices.map(\.outstanding), currency: amount.currency)
                guard try amount.compare(owed) <= 0 else {
                    throw StoreError(.callResultRefused, "a payment of \(amount) is more than the \(owed) owed on call task \(id)'s invoices")
                }
                // Oldest invoice first, each up to what it owes.
                var left = amount
                for invoice in invoices where left.isPositive {
                    let share = try left.compare(invoice.outstanding) <= 0 ? left : invoice.outstanding
                    left = try left.subtracting(share)
                    applied.append(try await transitions.recordPayment(
                        Payment(invoiceId: invoice.id, date: date, amount: share), reference: "call task \(id.uuidString.lowercased())",
                        today: today, connection: connection
                    ))
                }
            case .noAnswer:
                if attempts >= maximumAttempts {
                    detail["closed"] = "no answer after \(attempts) calls"
                    try await ContactUsability.moveLadderOn(
                        after: held.stepIds, at: now, why: "no answer after \(attempts) calls", on: connection, logger: logger
                    )
                    movedOn = true
                } else {
                    status = .open
                    window = try CallWindow.first(
                        from: now.addingTimeInterval(retryAfter.timeInterval), recipient: recipient, rules: rules,
                        pastContacts: try await recentContacts(held, before: now, on: connection)
                    )
                }
            case .wrongNumber:
                try await ContactUsability.markUnusable(
                    [ContactUsability.Refusal(
                        tenantId: held.tenantId, debtorId: held.debtorId, contact: .phone,
                        reason: "wrong number (agent \(agent), call task \(id.uuidString.lowercased()))", invoiceSteps: held.stepIds
                    )],
                    at: now, on: connection, logger: logger
                )
                // The debtor's other live tasks call the same wrong number.
                try await connection.query(
                    """
                    UPDATE call_tasks SET status = 'cancelled', agent = NULL, assigned_at = NULL, closed_at = \(now), updated_at = now()
                    WHERE tenant_id = \(held.tenantId) AND debtor_id = \(held.debtorId) AND id <> \(id)
                      AND status IN ('open', 'assigned')
                    """,
                    logger: logger
                )
                movedOn = true
            case .callback(let at):
                status = .open
                // The debtor's wish, kept inside the call hours (a 21:00 callback waits for the
                // next morning's window).
                window = try CallWindow.first(from: at, recipient: recipient, rules: rules)
            }
            if let window {
                detail["next_call"] = window.earliest.iso8601
            }
            let resultDetail = try StoreJSON.domain(detail)
            let closedAt: Date? = status == .done ? now : nil
            try await connection.query(
                """
                UPDATE call_tasks
                SET status = \(status.rawValue), agent = NULL, assigned_at = NULL, attempts = \(attempts),
                    result = \(checked.kind.rawValue), result_detail = \(resultDetail)::jsonb,
                    earliest_at = COALESCE(\(window?.earliest.date), earliest_at),
                    latest_at = COALESCE(\(window?.latest.date), latest_at),
                    closed_at = \(closedAt), updated_at = now()
                WHERE id = \(id)
                """,
                logger: logger
            )
            return CallRecording(
                taskId: id, result: checked, status: status, attempts: attempts, rescheduledTo: window,
                transitions: applied, ladderMovedOn: movedOn
            )
        }
    }

    // MARK: - Helpers

    /// A task locked for recording, with what recording needs.
    struct HeldTask {
        var tenantId: UUID
        var debtorId: UUID
        var invoiceIds: [UUID]
        var stepIds: [UUID]
        var status: CallTask.Status
        var agent: String?
        var attempts: Int
        var result: CallResult.Kind?
        var timeZone: String
        var kind: String
    }

    private func lockTask(_ id: UUID, on connection: PostgresConnection) async throws -> HeldTask {
        let rows = try await connection.query(
            """
            SELECT t.tenant_id, t.debtor_id, t.invoice_ids, t.step_ids, t.status, t.agent, t.attempts, t.result,
                   t.time_zone, d.kind
            FROM call_tasks t JOIN debtors d ON d.tenant_id = t.tenant_id AND d.id = t.debtor_id
            WHERE t.id = \(id)
            FOR UPDATE OF t
            """,
            logger: logger
        )
        for try await row in rows {
            var cells = RowCells(row)
            let tenant: UUID = try cells.next(), debtor: UUID = try cells.next()
            let invoices: [UUID] = try cells.next(), steps: [UUID] = try cells.next()
            let statusName: String = try cells.next()
            let agent: String? = try cells.next()
            let attempts: Int = try cells.next()
            let resultName: String? = try cells.next()
            guard let status = CallTask.Status(rawValue: statusName) else {
                throw StoreError(.corruptRecord, "call task \(id) has unknown status '\(statusName)'")
            }
            return HeldTask(
                tenantId: tenant, debtorId: debtor, invoiceIds: invoices, stepIds: steps, status: status, agent: agent,
                attempts: attempts, result: resultName.flatMap(CallResult.Kind.init(rawValue:)),
                timeZone: try cells.next(), kind: try cells.next()
            )
        }
        throw StoreError(.notFound, "no call task \(id)")
    }

    /// The task's invoices a promise, dispute or plan applies to: those still open or part
    /// paid (one settled or promised since the task was made is left as it is).
    private func openInvoices(_ held: HeldTask, on connection: PostgresConnection, for result: CallResult) async throws -> [Invoice] {
        let invoices = try await InvoiceTransitions.lock(held.invoiceIds, on: connection, logger: logger)
            .map(\.invoice)
            .filter { $0.state.status == .open || $0.state.status == .partiallyPaid }
        guard !invoices.isEmpty else {
            throw StoreError(
                .callResultRefused,
                "no invoice of this call is still open (paid, disputed or promised since): \(result.kind.rawValue) cannot be recorded"
            )
        }
        return invoices
    }

    private static func checkCurrency(_ amount: Money, of invoices: [Invoice]) throws {
        for invoice in invoices where invoice.outstanding.currency != amount.currency {
            throw StoreError(.callResultRefused, "the amount is in \(amount.currency.code) but invoice \(invoice.number) is in \(invoice.outstanding.currency.code)")
        }
    }

    /// The debtor's contacts of the budget's rolling window (jobs sent, tasks made, letters
    /// written, and calls recorded on tasks), for the contact budget of a new try.
    private func recentContacts(_ held: HeldTask, before now: Date, on connection: PostgresConnection) async throws -> [ContactAttempt] {
        let since = now.addingTimeInterval(-Double(rules.budget.rollingDays + 1) * 86_400)
        let rows = try await connection.query(
            """
            SELECT j.created_at, j.channel
            FROM jobs j JOIN job_outcomes o ON o.job_id = j.id
            WHERE j.tenant_id = \(held.tenantId) AND j.debtor_id = \(held.debtorId)
              AND j.created_at > \(since) AND j.created_at <= \(now)
              AND o.outcome IN ('sent', 'task_created', 'prepared')
            """,
            logger: logger
        )
        var contacts: [ContactAttempt] = []
        for try await (at, channelName) in rows.decode((Date, String).self) {
            if let channel = Channel(rawValue: channelName) { contacts.append(ContactAttempt(at: at, channel: channel)) }
        }
        return contacts
    }

    static func agentName(_ text: String) throws -> String {
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw StoreError(.invalidRecord, "an agent needs a name") }
        return name
    }

    static func recipient(zone: String, kind: String) throws -> ContactRecipient {
        guard let kind = DebtorKind(rawValue: kind) else { throw StoreError(.corruptRecord, "a debtor has unknown kind '\(kind)'") }
        return try StoreError.reading("a call task's time zone") {
            try ContactRecipient(timeZoneIdentifier: zone, debtorKind: kind)
        }
    }

    static let taskColumns = """
        t.id, t.tenant_id, t.job_id, t.debtor_id, d.name, d.phone, t.invoice_ids, t.priority, t.time_zone,
        t.earliest_at, t.latest_at, t.talking_points::text, t.status, t.agent, t.assigned_at, t.attempts, t.result
        """

    static func task(_ row: PostgresRow) throws -> CallTask {
        var cells = RowCells(row)
        let id: UUID = try cells.next()
        let tenant: UUID = try cells.next(), job: UUID = try cells.next(), debtor: UUID = try cells.next()
        let name: String = try cells.next()
        let phone: String? = try cells.next()
        let invoices: [UUID] = try cells.next()
        let priority: Int = try cells.next()
        let zoneName: String = try cells.next()
        let earliest: Date = try cells.next(), latest: Date = try cells.next()
        let pointsText: String = try cells.next()
        let statusName: String = try cells.next()
        let agent: String? = try cells.next()
        let assignedAt: Date? = try cells.next()
        let attempts: Int = try cells.next()
        let resultName: String? = try cells.next()
        let zone = try StoreError.reading("call task \(id)'s time zone") { try TimeZoneID(zoneName) }.zone
        guard let status = CallTask.Status(rawValue: statusName) else {
            throw StoreError(.corruptRecord, "call task \(id) has unknown status '\(statusName)'")
        }
        return CallTask(
            id: id, tenantId: tenant, jobId: job, debtorId: debtor, debtorName: name, phone: phone, invoiceIds: invoices,
            priority: priority,
            window: CallWindow(earliest: ZonedMoment(date: earliest, timeZone: zone), latest: ZonedMoment(date: latest, timeZone: zone)),
            talkingPoints: try StoreJSON.decodeSnake(CallTalkingPoints.self, from: pointsText, what: "call task \(id)'s talking points"),
            status: status, agent: agent, assignedAt: assignedAt, attempts: attempts,
            result: resultName.flatMap(CallResult.Kind.init(rawValue:))
        )
    }
}
