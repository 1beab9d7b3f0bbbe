import Foundation
import Logging
import PostgresNIO
import RelanceCore

/// The invoice state machine, stored. Each function runs in one transaction that:
/// 1. locks the invoice row (`SELECT … FOR UPDATE`);
/// 2. applies the domain transition (`Invoice.recordingPayment`, `disputing`, …);
/// 3. saves `outstanding_minor`, `state` and `state_detail`, and for a payment a `payments` row;
/// 4. adjusts the schedule (see `ScheduleSync`: a stopped ladder cancels its planned steps, a
///    paused one leaves them to the dispatcher, an active one is planned again on the day);
/// 5. writes an `invoice_events` row (kind, from and to state, detail JSON);
/// 6. wakes dispatchers: `pg_notify('relance_invoices', <tenant id>)`, sent at commit.
///
/// An unknown invoice throws `StoreError` `not_found`; a transition the state does not allow
/// (or with arguments that make no sense) throws the domain's `InvoiceStateError` —
/// `illegal_transition`, `overpayment`, … In both cases nothing is written.
///
/// `date` is the business day of the transition (the demo passes its simulated clock); the
/// schedule is re-planned as of that day.
public struct InvoiceTransitions: Sendable {
    public let client: PostgresClient
    public let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Records money received (`payment.date` is its value date). Full payment → `paid`, the
    /// remaining planned steps are cancelled (`paid`); a part payment lowers the outstanding
    /// and the ladder continues (steps the smaller amount no longer reaches are cancelled).
    /// `today` is the day it is recorded, for re-planning.
    @discardableResult
    public func recordPayment(_ payment: Payment, reference: String? = nil, today: CalendarDate) async throws -> TransitionResult {
        try await client.transaction(logger: logger) { try await recordPayment(payment, reference: reference, today: today, connection: $0) }
    }

    /// `recordPayment` inside the caller's transaction (a call task's result).
    public func recordPayment(_ payment: Payment, reference: String?, today: CalendarDate, connection: PostgresConnection) async throws -> TransitionResult {
        var detail = EventDetail([
            "payment_id": .string(payment.id.description),
            "amount": .string(payment.amount.decimalString),
            "currency": .string(payment.amount.currency.code),
            "paid_on": .string(payment.date.iso),
        ])
        if let reference { detail["reference"] = .string(reference) }
        return try await transition(
            payment.invoiceId, kind: "payment", effectiveDate: payment.date, today: today, detail: detail,
            payment: (payment, reference), connection: connection
        ) { try $0.recordingPayment(payment) }
    }

    /// The debtor contests the invoice: the ladder stops, planned steps are cancelled (`disputed`).
    @discardableResult
    public func dispute(_ id: InvoiceID, reason: String, on date: CalendarDate) async throws -> TransitionResult {
        try await client.transaction(logger: logger) { try await dispute(id, reason: reason, on: date, connection: $0) }
    }

    /// `dispute` inside the caller's transaction (a call task's result).
    public func dispute(_ id: InvoiceID, reason: String, on date: CalendarDate, connection: PostgresConnection) async throws -> TransitionResult {
        try await transition(
            id, kind: "dispute", effectiveDate: date, today: date, detail: EventDetail(["reason": .string(reason)]),
            payment: nil, connection: connection
        ) {
            try $0.disputing(reason: reason, on: date)
        }
    }

    /// Ends a dispute: `.resume` plans the ladder again as of `date` (catch-up rule), `.writeOff`
    /// abandons the debt.
    @discardableResult
    public func resolveDispute(_ id: InvoiceID, _ resolution: DisputeResolution, on date: CalendarDate) async throws -> TransitionResult {
        var detail = EventDetail()
        switch resolution {
        case .resume:
            detail["resolution"] = .string("resume")
        case .writeOff(let reason):
            detail["resolution"] = .string("write_off")
            detail["reason"] = .string(reason)
        }
        return try await client.transaction(logger: logger) {
            try await transition(id, kind: "dispute_resolved", on: date, detail: detail, connection: $0) {
                try $0.resolvingDispute(resolution, on: date)
            }
        }
    }

    /// `resolveDispute` inside the caller's transaction (the API's, scoped to a tenant).
    @discardableResult
    public func resolveDispute(
        _ id: InvoiceID, _ resolution: DisputeResolution, on date: CalendarDate, connection: PostgresConnection
    ) async throws -> TransitionResult {
        var detail = EventDetail()
        switch resolution {
        case .resume:
            detail["resolution"] = .string("resume")
        case .writeOff(let reason):
            detail["resolution"] = .string("write_off")
            detail["reason"] = .string(reason)
        }
        return try await transition(id, kind: "dispute_resolved", on: date, detail: detail, connection: connection) {
            try $0.resolvingDispute(resolution, on: date)
        }
    }

    /// The debtor promises to pay by `payBy`: the ladder pauses through `payBy + graceDays`;
    /// planned steps stay planned (the dispatcher defers them).
    @discardableResult
    public func promise(_ id: InvoiceID, payBy: CalendarDate, graceDays: Int = 0, on date: CalendarDate) async throws -> TransitionResult {
        try await client.transaction(logger: logger) {
            try await promise(id, payBy: payBy, graceDays: graceDays, on: date, extra: EventDetail(), connection: $0)
        }
    }

    /// `promise` inside the caller's transaction (the API's, scoped to a tenant).
    @discardableResult
    public func promise(
        _ id: InvoiceID, payBy: CalendarDate, graceDays: Int = 0, on date: CalendarDate, connection: PostgresConnection
    ) async throws -> TransitionResult {
        try await promise(id, payBy: payBy, graceDays: graceDays, on: date, extra: EventDetail(), connection: connection)
    }

    /// `promise` inside the caller's transaction (a call task's result), with `extra` event
    /// detail (the amount promised).
    func promise(
        _ id: InvoiceID, payBy: CalendarDate, graceDays: Int, on date: CalendarDate, extra: EventDetail, connection: PostgresConnection
    ) async throws -> TransitionResult {
        var detail = EventDetail(["pay_by": .string(payBy.iso), "grace_days": .int(Int64(graceDays))])
        for (key, value) in extra.values { detail[key] = value }
        return try await transition(id, kind: "promise", effectiveDate: date, today: date, detail: detail, payment: nil, connection: connection) {
            try $0.promisingPayment(by: payBy, on: date, graceDays: graceDays)
        }
    }

    /// A promise whose date (plus grace) has passed: the ladder resumes, re-planned on `date`.
    @discardableResult
    public func breakPromise(_ id: InvoiceID, on date: CalendarDate) async throws -> TransitionResult {
        try await client.transaction(logger: logger) { try await breakPromise(id, on: date, connection: $0) }
    }

    /// `breakPromise` inside the caller's transaction (the API's, scoped to a tenant).
    @discardableResult
    public func breakPromise(_ id: InvoiceID, on date: CalendarDate, connection: PostgresConnection) async throws -> TransitionResult {
        try await transition(id, kind: "promise_broken", on: date, detail: EventDetail(), connection: connection) {
            try $0.breakingPromise(on: date)
        }
    }

    /// The debtor agrees to pay by installments (on `plan.agreedOn`): the ladder pauses.
    @discardableResult
    public func agreePaymentPlan(_ id: InvoiceID, _ plan: PaymentPlan) async throws -> TransitionResult {
        try await client.transaction(logger: logger) { try await agreePaymentPlan(id, plan, connection: $0) }
    }

    /// `agreePaymentPlan` inside the caller's transaction (a call task's result).
    public func agreePaymentPlan(_ id: InvoiceID, _ plan: PaymentPlan, connection: PostgresConnection) async throws -> TransitionResult {
        let detail = EventDetail([
            "installments": .int(Int64(plan.installments.count)),
            "total": .string(plan.total.decimalString),
            "currency": .string(plan.currency.code),
            "first_due": .string(plan.installments.first?.dueDate.iso ?? ""),
            "grace_days": .int(Int64(plan.graceDays)),
        ])
        return try await transition(
            id, kind: "payment_plan", effectiveDate: plan.agreedOn, today: plan.agreedOn, detail: detail, payment: nil, connection: connection
        ) {
            try $0.agreeingPaymentPlan(plan)
        }
    }

    /// An installment was missed: the plan is void and the ladder resumes, re-planned on `date`.
    @discardableResult
    public func missInstallment(_ id: InvoiceID, on date: CalendarDate) async throws -> TransitionResult {
        try await client.transaction(logger: logger) { try await missInstallment(id, on: date, connection: $0) }
    }

    /// `missInstallment` inside the caller's transaction (the API's, scoped to a tenant).
    @discardableResult
    public func missInstallment(_ id: InvoiceID, on date: CalendarDate, connection: PostgresConnection) async throws -> TransitionResult {
        try await transition(id, kind: "installment_missed", on: date, detail: EventDetail(), connection: connection) {
            try $0.missingInstallment(on: date)
        }
    }

    /// A person pauses the ladder until `resumesOn` (nil: until resumed); planned steps stay
    /// planned (the dispatcher defers them).
    @discardableResult
    public func pause(
        _ id: InvoiceID, reason: String, by person: String, on date: CalendarDate, resumesOn: CalendarDate? = nil
    ) async throws -> TransitionResult {
        var detail = EventDetail(["reason": .string(reason), "by": .string(person)])
        if let resumesOn { detail["resumes_on"] = .string(resumesOn.iso) }
        return try await client.transaction(logger: logger) {
            try await transition(id, kind: "pause", on: date, detail: detail, connection: $0) {
                try $0.pausing(reason: reason, by: person, on: date, resumesOn: resumesOn)
            }
        }
    }

    /// `pause` inside the caller's transaction (the API's, scoped to a tenant).
    @discardableResult
    public func pause(
        _ id: InvoiceID, reason: String, by person: String, on date: CalendarDate, resumesOn: CalendarDate? = nil,
        connection: PostgresConnection
    ) async throws -> TransitionResult {
        var detail = EventDetail(["reason": .string(reason), "by": .string(person)])
        if let resumesOn { detail["resumes_on"] = .string(resumesOn.iso) }
        return try await transition(id, kind: "pause", on: date, detail: detail, connection: connection) {
            try $0.pausing(reason: reason, by: person, on: date, resumesOn: resumesOn)
        }
    }

    /// A person resumes a paused ladder: re-planned on `date` (catch-up rule).
    @discardableResult
    public func resume(_ id: InvoiceID, on date: CalendarDate) async throws -> TransitionResult {
        try await client.transaction(logger: logger) { try await resume(id, on: date, connection: $0) }
    }

    /// `resume` inside the caller's transaction (the API's, scoped to a tenant).
    @discardableResult
    public func resume(_ id: InvoiceID, on date: CalendarDate, connection: PostgresConnection) async throws -> TransitionResult {
        try await transition(id, kind: "resume", on: date, detail: EventDetail(), connection: connection) {
            try $0.resuming(on: date)
        }
    }

    /// The creditor abandons the debt: planned steps are cancelled (`written_off`).
    @discardableResult
    public func writeOff(_ id: InvoiceID, reason: String, on date: CalendarDate) async throws -> TransitionResult {
        try await client.transaction(logger: logger) { try await writeOff(id, reason: reason, on: date, connection: $0) }
    }

    /// `writeOff` inside the caller's transaction (the API's, scoped to a tenant).
    @discardableResult
    public func writeOff(_ id: InvoiceID, reason: String, on date: CalendarDate, connection: PostgresConnection) async throws -> TransitionResult {
        try await transition(id, kind: "write_off", on: date, detail: EventDetail(["reason": .string(reason)]), connection: connection) {
            try $0.writingOff(reason: reason, on: date)
        }
    }

    /// Applies the transitions time alone triggers on `today` (`Invoice.advanced(to:)`): a
    /// broken promise, a missed installment, the end of a dated pause. `ids` nil means every
    /// invoice with a promise, a plan or a pause. All in one transaction; returns the invoices
    /// that changed (events `promise_broken`, `installment_missed`, `pause_ended`).
    @discardableResult
    public func applyTimeTransitions(_ ids: [InvoiceID]? = nil, today: CalendarDate) async throws -> [TransitionResult] {
        try await client.transaction(logger: logger) { connection in
            let candidates: [UUID]
            if let ids {
                candidates = ids.map(\.uuid)
            } else {
                let rows = try await connection.query(
                    "SELECT id FROM invoices WHERE state IN ('promise_to_pay', 'payment_plan', 'paused')",
                    logger: logger
                )
                var found: [UUID] = []
                for try await id in rows.decode(UUID.self) { found.append(id) }
                candidates = found
            }
            var results: [TransitionResult] = []
            for locked in try await Self.lock(candidates, on: connection, logger: logger) {
                let next = locked.invoice.advanced(to: today)
                guard next != locked.invoice else { continue }
                let kind = switch locked.invoice.state.status {
                case .promiseToPay: "promise_broken"
                case .paymentPlan: "installment_missed"
                default: "pause_ended"
                }
                results.append(try await save(
                    next, locked: locked, kind: kind, effectiveDate: today, today: today, detail: EventDetail(),
                    payment: nil, on: connection
                ))
            }
            return results
        }
    }

    // MARK: - The common path

    /// The locked invoice and what re-planning needs.
    struct LockedInvoice {
        var invoice: Invoice
        var ladder: DunningPolicy?
        var debtorKind: DebtorKind
        var timeZone: TimeZoneID
    }

    private func transition(
        _ id: InvoiceID,
        kind: String,
        on date: CalendarDate,
        detail: EventDetail,
        connection: PostgresConnection,
        _ apply: (Invoice) throws -> Invoice
    ) async throws -> TransitionResult {
        try await transition(
            id, kind: kind, effectiveDate: date, today: date, detail: detail, payment: nil, connection: connection, apply
        )
    }

    /// One transition on `connection`, inside the caller's transaction.
    private func transition(
        _ id: InvoiceID,
        kind: String,
        effectiveDate: CalendarDate,
        today: CalendarDate,
        detail: EventDetail,
        payment: (Payment, String?)?,
        connection: PostgresConnection,
        _ apply: (Invoice) throws -> Invoice
    ) async throws -> TransitionResult {
        guard let locked = try await Self.lock([id.uuid], on: connection, logger: logger).first else {
            throw StoreError(.notFound, "no invoice \(id)")
        }
        let next = try apply(locked.invoice)
        return try await save(
            next, locked: locked, kind: kind, effectiveDate: effectiveDate, today: today, detail: detail,
            payment: payment, on: connection
        )
    }

    private func save(
        _ next: Invoice,
        locked: LockedInvoice,
        kind: String,
        effectiveDate: CalendarDate,
        today: CalendarDate,
        detail: EventDetail,
        payment: (Payment, String?)?,
        on connection: PostgresConnection
    ) async throws -> TransitionResult {
        let previous = locked.invoice
        if let (payment, reference) = payment {
            let existing = try await connection.query("SELECT 1 FROM payments WHERE id = \(payment.id.uuid)", logger: logger)
            guard try await existing.collect().isEmpty else {
                throw StoreError(.constraintViolation, "payment \(payment.id) is already recorded")
            }
            try await connection.query(
                """
                INSERT INTO payments (tenant_id, id, invoice_id, paid_on, currency, amount_minor, reference)
                VALUES (\(next.tenantId.uuid), \(payment.id.uuid), \(next.id.uuid), \(payment.date),
                        \(payment.amount.currency.code), \(payment.amount.minorUnits), \(reference))
                """,
                logger: logger
            )
        }
        try await connection.query(
            """
            UPDATE invoices
            SET outstanding_minor = \(next.outstanding.minorUnits), state = \(next.state.status.rawValue),
                state_detail = \(try StoreJSON.domain(next.state))::jsonb, updated_at = now()
            WHERE id = \(next.id.uuid)
            """,
            logger: logger
        )
        let effect = try await ScheduleSync.apply(
            to: next, resumed: !previous.ladderStatus(on: today).isActive, ladder: locked.ladder,
            debtorKind: locked.debtorKind, timeZone: locked.timeZone, today: today, on: connection, logger: logger
        )
        var detail = detail
        detail["cancelled_steps"] = .int(Int64(effect.cancelled))
        detail["replanned_steps"] = .int(Int64(effect.replanned))
        if payment != nil { detail["outstanding"] = .string(next.outstanding.decimalString) }
        var events = EventBatch()
        events.append(
            tenant: next.tenantId, invoice: next.id, on: effectiveDate, kind: kind,
            from: previous.state.status, to: next.state.status, detail: detail.json
        )
        try await events.insert(on: connection, logger: logger)
        try await InvoiceIntake.notify([next.tenantId.uuid], on: connection, logger: logger)
        return TransitionResult(
            invoice: next, from: previous.state.status, to: next.state.status, eventKind: kind,
            cancelledSteps: effect.cancelled, replannedSteps: effect.replanned
        )
    }

    /// Locks the invoices (in id order, so concurrent callers cannot deadlock) and reads them
    /// with their ladder and their debtor's kind and time zone.
    static func lock(_ ids: [UUID], on connection: PostgresConnection, logger: Logger) async throws -> [LockedInvoice] {
        guard !ids.isEmpty else { return [] }
        let rows = try await connection.query(
            """
            SELECT \(unescaped: InvoiceRow.columns(of: "i")), d.kind AS debtor_kind, d.time_zone AS debtor_time_zone
            FROM invoices i JOIN debtors d ON d.tenant_id = i.tenant_id AND d.id = i.debtor_id
            WHERE i.id = ANY(\(ids))
            ORDER BY i.id
            FOR UPDATE OF i
            """,
            logger: logger
        )
        var result: [LockedInvoice] = []
        for try await row in rows {
            let columns = row.makeRandomAccess()
            let kindName = try columns["debtor_kind"].decode(String.self)
            guard let kind = DebtorKind(rawValue: kindName) else {
                throw StoreError(.corruptRecord, "a debtor has unknown kind '\(kindName)'")
            }
            result.append(LockedInvoice(
                invoice: try InvoiceRow.invoice(columns),
                ladder: try InvoiceRow.ladder(columns),
                debtorKind: kind,
                timeZone: try StoreError.reading("a debtor's time zone") {
                    try TimeZoneID(try columns["debtor_time_zone"].decode(String.self))
                }
            ))
        }
        return result
    }
}
