import Foundation
import Logging
import PostgresNIO
import RelanceCore

/// Where invoices arrive: each is stored with its whole schedule, planned the day it arrives.
///
/// For every invoice, in one transaction per batch:
/// 1. its policy is resolved (invoice → debtor → creditor → tenant → built-in French ladder,
///    each named policy at its latest version);
/// 2. the policy is personalised once, for the debtor's behaviour profile (its invoices already
///    stored: due date, the date of the payment that settled each, amount, paid in parts) and
///    signals (`cash_flow_difficulty`); the fitted ladder is stored as `invoices.ladder`, and
///    step positions refer to it from then on;
/// 3. the `EscalationPlanner` runs with no history on `today`, and every step of the ladder
///    gets a `schedule_steps` row at its position: `planned` (due at 08:00 in the debtor's time
///    zone on its date, see `StepDueTime`), or `cancelled` with the reason — `superseded` for
///    the earlier of several steps already overdue at import (the planner's catch-up rule: only
///    the latest is due), `not_applicable: …` for a step whose conditions exclude the invoice
///    (kept so the timeline shows why), `paid`/`written_off` for an invoice imported settled;
/// 4. a `planned` event records the policy, its source and the personalisation's reasons.
///
/// Dispatchers are woken with `pg_notify('relance_invoices', <tenant id>)`.
public struct InvoiceIntake: Sendable {
    public let client: PostgresClient
    public let logger: Logger
    public let personaliser: Personaliser

    public init(client: PostgresClient, logger: Logger, personaliser: Personaliser = Personaliser()) {
        self.client = client
        self.logger = logger
        self.personaliser = personaliser
    }

    /// Stores and plans `invoices` in one transaction: all or none. `jurisdiction` nil means
    /// the French law for the debtor's kind (`fr-b2b` or `fr-b2c`).
    ///
    /// - Throws: `StoreError.notFound` for an unknown tenant, creditor or debtor;
    ///   `StoreError.invalidRecord` when the debtor belongs to another creditor;
    ///   `DunningPolicyError.policyNotFound` when a named policy does not exist;
    ///   `StoreError.constraintViolation` for a duplicate id or number.
    @discardableResult
    public func add(_ invoices: [Invoice], jurisdiction: Jurisdiction? = nil, today: CalendarDate) async throws -> [PlannedInvoice] {
        guard !invoices.isEmpty else { return [] }
        return try await client.transaction(logger: logger) { connection in
            try await add(invoices, jurisdiction: jurisdiction, today: today, connection: connection)
        }
    }

    /// `add` inside the caller's transaction (the API's and the import's, scoped to a tenant).
    /// `jurisdictions` may name one per invoice id; the others get `jurisdiction`.
    @discardableResult
    public func add(
        _ invoices: [Invoice], jurisdiction: Jurisdiction? = nil, jurisdictions: [InvoiceID: Jurisdiction] = [:],
        today: CalendarDate, connection: PostgresConnection
    ) async throws -> [PlannedInvoice] {
        guard !invoices.isEmpty else { return [] }
        let personaliser = personaliser
        let logger = logger
        let context = try await PlanningContext.load(for: invoices, includingHistory: true, on: connection, logger: logger)
        let planner = EscalationPlanner()
        var invoiceRows = InvoiceBatch()
        var stepRows = ScheduleBatch()
        var events = EventBatch()
        var dueTimes = StepDueTime()
        var ladderJSON: [DunningPolicy: String] = [:]
        var planned: [PlannedInvoice] = []
        planned.reserveCapacity(invoices.count)

        for invoice in invoices {
            let debtor = try context.parties(of: invoice).debtor
            let resolved = try context.resolvedPolicy(for: invoice)
            let ladder = personaliser.personalise(
                policy: resolved.policy, profile: context.profile(of: invoice.debtorId, today: today),
                invoice: invoice, signals: debtor.signals, today: today
            )
            let schedule = try planner.plan(
                invoice: invoice, debtorKind: debtor.debtor.kind, policy: ladder.policy, history: [], today: today
            )
            let json: String
            if let known = ladderJSON[ladder.policy] {
                json = known
            } else {
                json = String(decoding: ladder.policy.jsonData(), as: UTF8.self)
                ladderJSON[ladder.policy] = json
            }
            try invoiceRows.append(
                invoice,
                jurisdiction: jurisdictions[invoice.id] ?? jurisdiction ?? Self.frenchLaw(for: debtor.debtor.kind),
                ladder: json, source: resolved.source
            )
            stepRows.append(schedule, invoice: invoice, timeZone: debtor.debtor.timeZone, dueTimes: &dueTimes)
            events.append(
                tenant: invoice.tenantId, invoice: invoice.id, on: today, kind: "planned", from: nil,
                to: invoice.state.status, detail: Self.plannedDetail(ladder, source: resolved.source)
            )
            planned.append(PlannedInvoice(invoiceId: invoice.id, source: resolved.source, ladder: ladder, schedule: schedule))
        }
        try await invoiceRows.insert(on: connection, logger: logger)
        try await stepRows.insert(on: connection, logger: logger)
        try await events.insert(on: connection, logger: logger)
        try await Self.notify(invoiceRows.tenantIds, on: connection, logger: logger)
        return planned
    }

    /// Stores and plans invoices whose debtors share kind, time zone and policy (`planning`),
    /// from one personalised ladder: the policy is personalised once, for the shared profile and
    /// signals (with the first invoice; a payment-plan decision, which depends on an invoice's
    /// amounts, is left out of the shared `planned` event), and the planner runs on that ladder
    /// for each invoice. Nothing about the parties is read back: the caller vouches that every
    /// invoice's debtor fits `planning` — a bulk import of alike debtors, the benchmark's seed.
    ///
    /// Invoices are written in transactions of `batchSize` (three statements each: invoices,
    /// schedule rows, events), so a failure leaves the earlier batches stored. Dispatchers are
    /// woken at each commit. Returns how many invoices were stored.
    ///
    /// - Throws: `StoreError.constraintViolation` for a duplicate id or number, or an unknown
    ///   tenant, creditor or debtor (refused by the foreign keys).
    @discardableResult
    public func add(
        _ invoices: [Invoice],
        sharing planning: SharedPlanning,
        today: CalendarDate,
        batchSize: Int = 10_000
    ) async throws -> Int {
        guard let first = invoices.first else { return 0 }
        let ladder = personaliser.personalise(
            policy: planning.policy.policy, profile: planning.profile, invoice: first, signals: planning.signals, today: today
        )
        let ladderJSON = String(decoding: ladder.policy.jsonData(), as: UTF8.self)
        let detail = Self.plannedDetail(ladder, source: planning.policy.source, includingPlanDecision: false)
        let law = planning.jurisdiction ?? Self.frenchLaw(for: planning.debtorKind)
        let planner = EscalationPlanner()
        var dueTimes = StepDueTime()
        var stored = 0
        for start in stride(from: 0, to: invoices.count, by: max(1, batchSize)) {
            let batch = invoices[start..<min(invoices.count, start + max(1, batchSize))]
            var invoiceRows = InvoiceBatch()
            var stepRows = ScheduleBatch()
            var events = EventBatch()
            for invoice in batch {
                let schedule = try planner.plan(
                    invoice: invoice, debtorKind: planning.debtorKind, policy: ladder.policy, history: [], today: today
                )
                try invoiceRows.append(invoice, jurisdiction: law, ladder: ladderJSON, source: planning.policy.source)
                stepRows.append(schedule, invoice: invoice, timeZone: planning.timeZone, dueTimes: &dueTimes)
                events.append(
                    tenant: invoice.tenantId, invoice: invoice.id, on: today, kind: "planned", from: nil,
                    to: invoice.state.status, detail: detail
                )
            }
            let rows = (invoiceRows, stepRows, events)
            try await client.transaction(logger: logger) { connection in
                try await rows.0.insert(on: connection, logger: logger)
                try await rows.1.insert(on: connection, logger: logger)
                try await rows.2.insert(on: connection, logger: logger)
                try await Self.notify(rows.0.tenantIds, on: connection, logger: logger)
            }
            stored += batch.count
        }
        return stored
    }

    /// The French law for a debtor of `kind`: between professionals, or towards a consumer.
    static func frenchLaw(for kind: DebtorKind) -> Jurisdiction {
        kind == .consumer ? .frB2C : .frB2B
    }

    static func plannedDetail(_ ladder: PersonalisedLadder, source: PolicySource, includingPlanDecision: Bool = true) -> String {
        var explanation = ladder.explanation
        if !includingPlanDecision, let decision = ladder.paymentPlanDecision, explanation.last == decision {
            explanation.removeLast()
        }
        return EventDetail([
            "policy_id": .string(ladder.policy.id.description),
            "policy_name": .string(ladder.policy.name),
            "policy_version": .int(Int64(ladder.policy.version)),
            "source": .string(source.rawValue),
            "segment": .string(ladder.assessment.segment.rawValue),
            "explanation": .strings(explanation),
        ]).json
    }

    /// Wakes dispatchers listening on `relance_invoices`, once per tenant (at commit).
    static func notify(_ tenants: Set<UUID>, on connection: PostgresConnection, logger: Logger) async throws {
        guard !tenants.isEmpty else { return }
        try await connection.query(
            "SELECT pg_notify('relance_invoices', t::text) FROM unnest(\(Array(tenants))) AS t",
            logger: logger
        )
    }
}
