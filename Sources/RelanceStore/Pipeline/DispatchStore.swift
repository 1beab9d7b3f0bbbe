import Foundation
import Logging
import PostgresNIO
import RelanceCore

/// The dispatcher's side of the schedule: claims due steps and writes what was decided about
/// them — outbox rows, dispatched, cancelled and deferred steps — in the claim's transaction.
public struct DispatchStore: Sendable {
    public let client: PostgresClient
    public let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// What one claim did.
    public struct Summary: Sendable, Equatable {
        public var claimed = 0
        public var jobs = 0
        public var dispatched = 0
        public var cancelled = 0
        public var deferred = 0
        public init() {}
    }

    /// Claims up to `batchSize` planned steps due at `now`, fairly across tenants, lets
    /// `decide` plan them, and writes the plan, all in one transaction. Steps locked by another
    /// dispatcher are skipped (`FOR UPDATE SKIP LOCKED`), so several dispatchers can run at once.
    ///
    /// Fairness: every tenant with due steps gets an equal share of the batch (at least one
    /// step), tenants in random order, so a tenant with a million due steps does not delay
    /// another tenant's ten.
    public func claimAndDispatch(
        now: Date,
        batchSize: Int,
        decide: @Sendable ([DueStep]) throws -> DispatchPlan
    ) async throws -> Summary {
        try await client.withTransaction(logger: logger) { connection in
            let steps = try await claim(on: connection, now: now, batchSize: batchSize)
            var summary = Summary()
            summary.claimed = steps.count
            guard !steps.isEmpty else { return summary }
            let plan = try decide(steps)
            try await write(plan, on: connection)
            summary.jobs = plan.jobs.count
            summary.dispatched = plan.dispatched.count
            summary.cancelled = plan.cancelled.count
            summary.deferred = plan.deferred.count
            return summary
        }
    }

    private func claim(on connection: PostgresConnection, now: Date, batchSize: Int) async throws -> [DueStep] {
        let countRows = try await connection.query(
            """
            SELECT count(*)::int8 FROM tenants t
            WHERE EXISTS (SELECT 1 FROM schedule_steps s
                          WHERE s.tenant_id = t.id AND s.status = 'planned' AND s.due_at <= \(now))
            """,
            logger: logger
        )
        var activeTenants = 0
        for try await count in countRows.decode(Int.self) { activeTenants = count }
        guard activeTenants > 0 else { return [] }
        let perTenant = max(1, batchSize / activeTenants)

        let rows = try await connection.query(
            """
            SELECT s.id, s.tenant_id, s.invoice_id, s.debtor_id, s.position, s.channel, s.template_key,
                   s.due_at, i.state_detail::text, i.outstanding_minor,
                   i.currency::text, d.kind, d.time_zone
            FROM (SELECT t.id FROM tenants t
                  WHERE EXISTS (SELECT 1 FROM schedule_steps s
                                WHERE s.tenant_id = t.id AND s.status = 'planned' AND s.due_at <= \(now))
                  ORDER BY random()) AS active
            CROSS JOIN LATERAL (
                SELECT * FROM schedule_steps s
                WHERE s.tenant_id = active.id AND s.status = 'planned' AND s.due_at <= \(now)
                ORDER BY s.due_at
                LIMIT \(perTenant)
                FOR UPDATE SKIP LOCKED
            ) AS s
            JOIN invoices i ON i.id = s.invoice_id
            JOIN debtors d ON d.id = s.debtor_id
            """,
            logger: logger
        )
        var steps: [DueStep] = []
        steps.reserveCapacity(min(batchSize, perTenant * activeTenants))
        for try await row in rows.decode(
            (UUID, UUID, UUID, UUID, Int, String, String, Date, String, Int64, String, String, String).self
        ) {
            let currency = try Currency(code: row.10)
            steps.append(DueStep(
                stepId: row.0, tenantId: row.1, invoiceId: row.2, debtorId: row.3, position: row.4,
                channel: try Self.channel(row.5), templateKey: row.6, dueAt: row.7,
                invoiceState: Data(row.8.utf8),
                outstanding: Money(minorUnits: row.9, currency: currency),
                debtorKind: DebtorKind(rawValue: row.11) ?? .business, debtorTimeZone: row.12
            ))
        }
        return steps
    }

    private func write(_ plan: DispatchPlan, on connection: PostgresConnection) async throws {
        if !plan.jobs.isEmpty {
            let payloads = plan.jobs.map { String(decoding: $0.payload, as: UTF8.self) }
            try await connection.query(
                """
                INSERT INTO jobs (tenant_id, id, debtor_id, channel, payload)
                SELECT j.tenant_id, j.id, j.debtor_id, j.channel, j.payload::jsonb
                FROM unnest(\(plan.jobs.map(\.tenantId)), \(plan.jobs.map(\.id)), \(plan.jobs.map(\.debtorId)),
                            \(plan.jobs.map(\.channel.rawValue)), \(payloads))
                     AS j(tenant_id, id, debtor_id, channel, payload)
                """,
                logger: logger
            )
            // Wake relays in other processes; in-process ones are signalled directly.
            try await connection.query("SELECT pg_notify('relance_outbox', '')", logger: logger)
        }
        if !plan.dispatched.isEmpty {
            try await connection.query(
                """
                UPDATE schedule_steps s SET status = 'dispatched', job_id = u.job_id, status_reason = NULL, updated_at = now()
                FROM unnest(\(plan.dispatched.map(\.step)), \(plan.dispatched.map(\.job))) AS u(id, job_id)
                WHERE s.id = u.id
                """,
                logger: logger
            )
        }
        if !plan.cancelled.isEmpty {
            try await connection.query(
                """
                UPDATE schedule_steps s SET status = 'cancelled', status_reason = u.reason, updated_at = now()
                FROM unnest(\(plan.cancelled.map(\.step)), \(plan.cancelled.map(\.reason))) AS u(id, reason)
                WHERE s.id = u.id
                """,
                logger: logger
            )
        }
        if !plan.deferred.isEmpty {
            try await connection.query(
                """
                UPDATE schedule_steps s SET due_at = u.due_at, status_reason = u.reason, updated_at = now()
                FROM unnest(\(plan.deferred.map(\.step)), \(plan.deferred.map(\.until)), \(plan.deferred.map(\.reason)))
                     AS u(id, due_at, reason)
                WHERE s.id = u.id
                """,
                logger: logger
            )
        }
    }

    static func channel(_ raw: String) throws -> RelanceCore.Channel {
        guard let channel = RelanceCore.Channel(rawValue: raw) else {
            throw StoreError(.databaseError, "unknown channel '\(raw)' in the schedule")
        }
        return channel
    }
}
