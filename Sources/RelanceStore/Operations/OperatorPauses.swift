import Foundation
import Logging
import PostgresNIO
import RelanceCore

/// Operators' pauses (`operator_pauses`, migration 0015): pausing or resuming a channel, a
/// tenant or a creditor writes the row and its `ops_audit` entry in one transaction. The
/// dispatcher's claim reads the table itself (`DispatchStore`), and workers read it with each
/// batch (`MessageContextStore`): a pause takes effect from the next claim and the next batch,
/// whatever process made it, and outlives restarts.
public struct OperatorPauses: Sendable {
    /// The owner's pool: the application role has no right on the table.
    public let client: PostgresClient
    public let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Every pause in force, oldest first: one read of a table with a row per paused thing, cheap
    /// enough for a gauge.
    public func list() async throws -> [OperatorPause] {
        let rows = try await client.query(
            "SELECT scope, target, tenant_id, reason, paused_by, paused_at FROM operator_pauses ORDER BY paused_at, scope, target",
            logger: logger
        )
        var pauses: [OperatorPause] = []
        for try await row in rows { pauses.append(try Self.stored(row)) }
        return pauses
    }

    /// Pauses `target` for `reason` (required), written to the audit log under `actor`. A
    /// tenant or creditor must exist. When it is paused already, nothing is written and the
    /// pause in force is returned as `alreadyPaused`.
    public func pause(_ target: PauseTarget, reason: String, actor: String) async throws -> PauseChange {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw StoreError(.invalidRecord, "a pause needs a reason") }
        guard reason.count <= 1000 else { throw StoreError(.invalidRecord, "a pause's reason is at most 1000 characters") }
        let logger = logger
        return try await client.transaction(logger: logger) { connection in
            let tenant = try await Self.tenant(of: target, on: connection, logger: logger)
            let inserted = try await connection.query(
                """
                INSERT INTO operator_pauses (scope, target, tenant_id, reason, paused_by)
                VALUES (\(target.scope.rawValue), \(target.target), \(tenant?.uuid), \(reason), \(actor))
                ON CONFLICT (scope, target) DO NOTHING
                RETURNING scope, target, tenant_id, reason, paused_by, paused_at
                """,
                logger: logger
            ).collect()
            if let row = inserted.first {
                let pause = try Self.stored(row)
                try await OpsAuditLog(session: connection, logger: logger).record(OpsAuditEntry(
                    actor: actor, action: "pause", target: target.description, tenantId: tenant, reason: reason
                ))
                logger.info("Paused", metadata: ["pause.target": "\(target)", "actor": "\(actor)"])
                return .paused(pause)
            }
            // Paused already (perhaps by a concurrent call, whose row this statement now sees).
            let existing = try await connection.query(
                """
                SELECT scope, target, tenant_id, reason, paused_by, paused_at FROM operator_pauses
                WHERE scope = \(target.scope.rawValue) AND target = \(target.target)
                """,
                logger: logger
            ).collect()
            guard let row = existing.first else {
                throw StoreError(.databaseError, "\(target) was neither paused nor found paused; try again")
            }
            return .alreadyPaused(try Self.stored(row))
        }
    }

    /// Resumes `target`, written to the audit log under `actor` with `reason` (optional) and
    /// the pause it ends. When it is not paused, nothing is written: `notPaused`.
    public func resume(_ target: PauseTarget, reason: String?, actor: String) async throws -> PauseChange {
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        let logger = logger
        return try await client.transaction(logger: logger) { connection in
            let deleted = try await connection.query(
                """
                DELETE FROM operator_pauses WHERE scope = \(target.scope.rawValue) AND target = \(target.target)
                RETURNING scope, target, tenant_id, reason, paused_by, paused_at
                """,
                logger: logger
            ).collect()
            guard let row = deleted.first else { return .notPaused(target) }
            let pause = try Self.stored(row)
            let ended = [
                "paused_at": pause.pausedAt.formatted(.iso8601),
                "paused_by": pause.pausedBy,
                "pause_reason": pause.reason,
            ]
            let detail = String(decoding: try JSONEncoder.sorted.encode(ended), as: UTF8.self)
            try await OpsAuditLog(session: connection, logger: logger).record(OpsAuditEntry(
                actor: actor, action: "resume", target: target.description, tenantId: pause.tenantId,
                reason: reason?.isEmpty == false ? reason : nil, detail: detail
            ))
            logger.info("Resumed", metadata: ["pause.target": "\(target)", "actor": "\(actor)"])
            return .resumed(pause)
        }
    }

    /// What is paused, as the pipeline reads it: one statement on `session`.
    public static func pausedWork(on session: any DatabaseSession, logger: Logger) async throws -> PausedWork {
        var paused = PausedWork()
        let rows = try await session.rows("SELECT scope, target FROM operator_pauses", logger: logger)
        for try await (scope, target) in rows.decode((String, String).self) {
            switch PauseScope(rawValue: scope) {
            case .channel: if let channel = Channel(rawValue: target) { paused.channels.insert(channel) }
            case .tenant: if let id = UUID(uuidString: target) { paused.tenants.insert(TenantID(id)) }
            case .creditor: if let id = UUID(uuidString: target) { paused.creditors.insert(CreditorID(id)) }
            case nil: continue
            }
        }
        return paused
    }

    /// The tenant a pause concerns (none for a channel); a tenant or creditor that does not
    /// exist is `not_found`.
    private static func tenant(of target: PauseTarget, on connection: PostgresConnection, logger: Logger) async throws -> TenantID? {
        guard target.scope != .channel, let id = UUID(uuidString: target.target) else { return nil }
        let rows: [PostgresRow]
        switch target.scope {
        case .tenant:
            rows = try await connection.query("SELECT id FROM tenants WHERE id = \(id)", logger: logger).collect()
        case .creditor:
            rows = try await connection.query("SELECT tenant_id FROM creditors WHERE id = \(id)", logger: logger).collect()
        case .channel:
            return nil
        }
        guard let tenant = try rows.first?.decode(UUID.self) else {
            throw StoreError(.notFound, "no \(target.scope) \(target.target)")
        }
        return TenantID(tenant)
    }

    private static func stored(_ row: PostgresRow) throws -> OperatorPause {
        let (scope, target, tenant, reason, pausedBy, pausedAt) = try row.decode((String, String, UUID?, String, String, Date).self)
        guard let scope = PauseScope(rawValue: scope) else {
            throw StoreError(.corruptRecord, "operator pause with unknown scope '\(scope)'")
        }
        return OperatorPause(
            target: try PauseTarget(scope: scope, target: target), tenantId: tenant.map(TenantID.init),
            reason: reason, pausedBy: pausedBy, pausedAt: pausedAt
        )
    }
}

private extension JSONEncoder {
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
