import Foundation
import Logging
import PostgresNIO
import RelanceCore

/// One thing an operator changed: who, when, what, to what, and why.
public struct OpsAuditEntry: Sendable, Hashable {
    public var id: Int64
    public var at: Date
    /// "operator:<key name>" or "cli:<user>@<host>".
    public var actor: String
    /// "pause", "resume", "dead_letter.replay", "dead_letter.discard", "operator_key.create", …
    public var action: String
    /// "channel:email", "tenant:<id>", "creditor:<id>", "dead_letter:<id>", …
    public var target: String
    public var tenantId: TenantID?
    public var reason: String?
    /// Anything else worth keeping, as a JSON object's text.
    public var detail: String

    public init(id: Int64 = 0, at: Date = Date(), actor: String, action: String, target: String, tenantId: TenantID? = nil, reason: String? = nil, detail: String = "{}") {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.target = target
        self.tenantId = tenantId
        self.reason = reason
        self.detail = detail
    }
}

/// The operators' audit log (`ops_audit`, migration 0012): rows are only added. Record an action
/// on the connection that makes the change, in its transaction, so that one is never kept
/// without the other.
public struct OpsAuditLog: Sendable {
    public let session: any DatabaseSession
    public let logger: Logger

    public init(session: any DatabaseSession, logger: Logger) {
        self.session = session
        self.logger = logger
    }

    /// Adds `entry` (its `id` and `at` are the database's); returns it as stored.
    @discardableResult
    public func record(_ entry: OpsAuditEntry) async throws -> OpsAuditEntry {
        let rows: [PostgresRow]
        do {
            rows = try await session.rows(
                """
                INSERT INTO ops_audit (actor, action, target, tenant_id, reason, detail)
                VALUES (\(entry.actor), \(entry.action), \(entry.target), \(entry.tenantId?.uuid), \(entry.reason), \(entry.detail)::jsonb)
                RETURNING id, at
                """,
                logger: logger
            ).collect()
        } catch {
            throw StoreError.translating(error)
        }
        guard let (id, at) = try rows.first?.decode((Int64, Date).self) else {
            throw StoreError(.corruptRecord, "the audit entry was not stored")
        }
        var stored = entry
        stored.id = id
        stored.at = at
        return stored
    }

    /// The latest entries first, at most `limit`, optionally since a moment, of one action (or
    /// an action family: "dead_letter" matches "dead_letter.replay"), or about one tenant.
    public func entries(since: Date? = nil, action: String? = nil, tenant: TenantID? = nil, limit: Int = 100) async throws -> [OpsAuditEntry] {
        let family = action.map { $0 + ".%" }
        let rows = try await session.rows(
            """
            SELECT id, at, actor, action, target, tenant_id, reason, detail::text FROM ops_audit
            WHERE (\(since)::timestamptz IS NULL OR at >= \(since))
              AND (\(action)::text IS NULL OR action = \(action) OR action LIKE \(family))
              AND (\(tenant?.uuid)::uuid IS NULL OR tenant_id = \(tenant?.uuid))
            ORDER BY at DESC, id DESC LIMIT \(limit)
            """,
            logger: logger
        )
        var result: [OpsAuditEntry] = []
        for try await (id, at, actor, action, target, tenantId, reason, detail) in rows.decode((Int64, Date, String, String, String, UUID?, String?, String).self) {
            result.append(OpsAuditEntry(id: id, at: at, actor: actor, action: action, target: target, tenantId: tenantId.map(TenantID.init), reason: reason, detail: detail))
        }
        return result
    }
}
