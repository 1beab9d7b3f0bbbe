import Foundation
import Logging
import PostgresNIO
import RelanceCore

/// A tenant's webhook endpoint and its recent events, read and written on a connection the
/// caller holds: the API runs these inside its transaction scoped to the tenant (row-level
/// security then hides every other tenant's rows).
public enum WebhookEndpointStore {
    /// Stores `endpoint` as its tenant's endpoint, replacing the one there was, and returns it
    /// as stored.
    ///
    /// - Throws: `StoreError` `invalid_record` when the URL or secret is not acceptable
    ///   (``WebhookEndpoint/problem``).
    @discardableResult
    public static func set(_ endpoint: WebhookEndpoint, on connection: PostgresConnection, logger: Logger) async throws -> WebhookEndpoint {
        if let problem = endpoint.problem {
            throw StoreError(.invalidRecord, problem)
        }
        let rows = try await translating {
            try await connection.query(
                """
                INSERT INTO webhook_endpoints AS w (tenant_id, url, secret, enabled)
                VALUES (\(endpoint.tenantId.uuid), \(endpoint.url), \(endpoint.secret), \(endpoint.enabled))
                ON CONFLICT (tenant_id) DO UPDATE
                    SET url = EXCLUDED.url, secret = EXCLUDED.secret, enabled = EXCLUDED.enabled, updated_at = now()
                RETURNING w.tenant_id, w.url, w.secret, w.enabled, w.created_at, w.updated_at
                """,
                logger: logger
            ).collect()
        }
        guard let row = rows.first else {
            throw StoreError(.databaseError, "the webhook endpoint of tenant \(endpoint.tenantId) was not stored")
        }
        return try decodeEndpoint(row)
    }

    /// The tenant's endpoint, or nil when it has none.
    public static func endpoint(of tenantId: TenantID, on connection: PostgresConnection, logger: Logger) async throws -> WebhookEndpoint? {
        let rows = try await connection.query(
            """
            SELECT tenant_id, url, secret, enabled, created_at, updated_at
            FROM webhook_endpoints WHERE tenant_id = \(tenantId.uuid)
            """,
            logger: logger
        ).collect()
        return try rows.first.map(decodeEndpoint)
    }

    /// Removes the tenant's endpoint; true when there was one. Its events not yet delivered
    /// are given up by the deliverer when they fall due.
    @discardableResult
    public static func delete(of tenantId: TenantID, on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        let rows = try await connection.query(
            "DELETE FROM webhook_endpoints WHERE tenant_id = \(tenantId.uuid) RETURNING tenant_id",
            logger: logger
        ).collect()
        return !rows.isEmpty
    }

    /// The tenant's events, newest first, at most `limit` (1…1000); with `before`, only those
    /// that occurred earlier (the previous page's last `occurredAt`).
    public static func events(
        of tenantId: TenantID,
        limit: Int = 50,
        before: Date? = nil,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> [WebhookEvent] {
        let limit = min(max(limit, 1), 1000)
        let rows = try await connection.query(
            """
            SELECT id, tenant_id, type, occurred_at, payload::text, attempts, next_attempt_at, delivered_at, failed_at,
                   last_status, last_error
            FROM webhook_events
            WHERE tenant_id = \(tenantId.uuid) AND (\(before)::timestamptz IS NULL OR occurred_at < \(before)::timestamptz)
            ORDER BY occurred_at DESC, id
            LIMIT \(limit)
            """,
            logger: logger
        )
        var events: [WebhookEvent] = []
        for try await row in rows {
            var cells = RowCells(row)
            events.append(WebhookEvent(
                id: try cells.next(), tenantId: TenantID(try cells.next(UUID.self)), type: try cells.next(),
                occurredAt: try cells.next(), payload: try cells.next(), attempts: Int(try cells.next(Int32.self)),
                nextAttemptAt: try cells.next(), deliveredAt: try cells.next(), failedAt: try cells.next(),
                lastStatus: try cells.next(Int32?.self).map(Int.init), lastError: try cells.next()
            ))
        }
        return events
    }

    private static func decodeEndpoint(_ row: PostgresRow) throws -> WebhookEndpoint {
        var cells = RowCells(row)
        return WebhookEndpoint(
            tenantId: TenantID(try cells.next(UUID.self)), url: try cells.next(), secret: try cells.next(),
            enabled: try cells.next(), createdAt: try cells.next(Date.self), updatedAt: try cells.next(Date.self)
        )
    }

    private static func translating<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw StoreError.translating(error)
        }
    }
}
