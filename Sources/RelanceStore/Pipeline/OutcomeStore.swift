import Foundation
import Logging
import PostgresNIO
import RelanceCore

/// The workers' side: idempotency, the stale-job guard's reads, and outcomes written in batches.
public struct OutcomeStore: Sendable {
    public let client: PostgresClient
    public let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// The jobs among `jobIds` that already have an outcome (a redelivered message).
    public func jobsWithOutcome(_ jobIds: [UUID]) async throws -> Set<UUID> {
        guard !jobIds.isEmpty else { return [] }
        let rows = try await client.query("SELECT job_id FROM job_outcomes WHERE job_id = ANY(\(jobIds))", logger: logger)
        var found = Set<UUID>()
        for try await id in rows.decode(UUID.self) { found.insert(id) }
        return found
    }

    /// The tenants among `tenantIds` that exist.
    public func existingTenants(_ tenantIds: [UUID]) async throws -> Set<UUID> {
        guard !tenantIds.isEmpty else { return [] }
        let rows = try await client.query("SELECT id FROM tenants WHERE id = ANY(\(tenantIds))", logger: logger)
        var found = Set<UUID>()
        for try await id in rows.decode(UUID.self) { found.insert(id) }
        return found
    }

    /// An invoice as the stale-job guard sees it now.
    public struct InvoiceSnapshot: Sendable, Hashable {
        public var id: UUID
        public var tenantId: UUID
        public var debtorId: UUID
        /// The state as the domain encodes it (`InvoiceState` JSON).
        public var state: Data
        public var outstanding: Money
    }

    /// Re-reads the invoices named by jobs.
    public func invoices(_ ids: [UUID]) async throws -> [UUID: InvoiceSnapshot] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await client.query(
            """
            SELECT id, tenant_id, debtor_id, state_detail::text, outstanding_minor, currency::text
            FROM invoices WHERE id = ANY(\(ids))
            """,
            logger: logger
        )
        var result: [UUID: InvoiceSnapshot] = [:]
        for try await row in rows.decode((UUID, UUID, UUID, String, Int64, String).self) {
            result[row.0] = InvoiceSnapshot(
                id: row.0, tenantId: row.1, debtorId: row.2, state: Data(row.3.utf8),
                outstanding: Money(minorUnits: row.4, currency: try Currency(code: row.5))
            )
        }
        return result
    }

    /// Writes outcomes and moves their jobs' steps to done or skipped, in one transaction (one
    /// disk flush for the whole batch). An outcome for a job that has one already is ignored,
    /// so a redelivered job keeps its first outcome. Returns the jobs whose outcome this call
    /// wrote.
    @discardableResult
    public func record(_ outcomes: [JobOutcome]) async throws -> Set<UUID> {
        guard !outcomes.isEmpty else { return [] }
        return try await client.withTransaction(logger: logger) { connection in
            let rows = try await connection.query(
                """
                INSERT INTO job_outcomes (tenant_id, job_id, debtor_id, channel, outcome, detail, artefact_uri, attempts)
                SELECT o.tenant_id, o.job_id, o.debtor_id, o.channel, o.outcome, o.detail::jsonb,
                       NULLIF(o.artefact_uri, ''), o.attempts
                FROM unnest(\(outcomes.map(\.tenantId)), \(outcomes.map(\.jobId)), \(outcomes.map(\.debtorId)),
                            \(outcomes.map(\.channel.rawValue)), \(outcomes.map(\.kind.rawValue)),
                            \(outcomes.map(\.detail)), \(outcomes.map { $0.artefactURI ?? "" }), \(outcomes.map(\.attempts)))
                     AS o(tenant_id, job_id, debtor_id, channel, outcome, detail, artefact_uri, attempts)
                ON CONFLICT (job_id) DO NOTHING
                RETURNING job_id, outcome
                """,
                logger: logger
            )
            var written: [UUID] = []
            var statuses: [String] = []
            var reasons: [String] = []
            for try await (jobId, outcome) in rows.decode((UUID, String).self) {
                written.append(jobId)
                let kind = OutcomeKind(rawValue: outcome) ?? .failed
                statuses.append(kind.stepStatus)
                reasons.append(kind.rawValue)
            }
            if !written.isEmpty {
                try await connection.query(
                    """
                    UPDATE schedule_steps s SET status = u.status, status_reason = u.reason, updated_at = now()
                    FROM unnest(\(written), \(statuses), \(reasons)) AS u(job_id, status, reason)
                    WHERE s.job_id = u.job_id AND s.status = 'dispatched'
                    """,
                    logger: logger
                )
            }
            return Set(written)
        }
    }
}
