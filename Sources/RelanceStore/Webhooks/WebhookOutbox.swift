import Foundation
import Logging
import PostgresNIO
import RelanceCore

/// The webhook deliverer's side of `webhook_events`: due events claimed with a lease across
/// tenants, and the result of each attempt. Connects as the owner role (row-level security
/// does not apply to it).
public struct WebhookOutbox: Sendable {
    public let client: PostgresClient
    public let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Claims up to `limit` due events, oldest due first, and holds them for `lease` (no other
    /// deliverer takes them before it ends, or before they are marked). Events whose tenant's
    /// endpoint was removed or disabled are given up in the same statement, with that reason,
    /// and not returned.
    public func claim(limit: Int, lease: Duration) async throws -> [ClaimedWebhookEvent] {
        guard limit > 0 else { return [] }
        let leaseMilliseconds = max(1, lease.wholeMilliseconds)
        return try await client.run {
            let rows = try await client.query(
                """
                WITH due AS (
                    SELECT e.id, ep.url, ep.secret, coalesce(ep.enabled, false) AS deliverable,
                           CASE WHEN ep.tenant_id IS NULL THEN 'the tenant has no webhook endpoint any more'
                                WHEN NOT ep.enabled THEN 'the tenant''s webhook endpoint is disabled' END AS reason
                    FROM webhook_events e
                    LEFT JOIN webhook_endpoints ep ON ep.tenant_id = e.tenant_id
                    WHERE e.delivered_at IS NULL AND e.failed_at IS NULL AND e.next_attempt_at <= now()
                      AND (e.locked_until IS NULL OR e.locked_until <= now())
                    ORDER BY e.next_attempt_at
                    LIMIT \(limit)
                    FOR UPDATE OF e SKIP LOCKED
                )
                UPDATE webhook_events w
                SET locked_until = CASE WHEN due.deliverable
                                        THEN now() + \(leaseMilliseconds) * interval '1 millisecond' END,
                    failed_at = CASE WHEN due.deliverable THEN NULL ELSE now() END,
                    last_error = CASE WHEN due.deliverable THEN w.last_error ELSE due.reason END
                FROM due
                WHERE w.id = due.id
                RETURNING w.id, w.tenant_id, w.type, w.payload::text, w.attempts, due.deliverable, due.url, due.secret,
                          w.locked_until
                """,
                logger: logger
            )
            var claimed: [ClaimedWebhookEvent] = []
            for try await row in rows {
                var cells = RowCells(row)
                let id: UUID = try cells.next()
                let tenant = TenantID(try cells.next(UUID.self))
                let type: String = try cells.next()
                let payload: String = try cells.next()
                let attempts = Int(try cells.next(Int32.self))
                guard try cells.next(Bool.self) else {
                    logger.info("webhook event given up: no enabled endpoint", metadata: [
                        "webhook.event_id": "\(id)", "tenant.id": "\(tenant)",
                    ])
                    continue
                }
                let url: String? = try cells.next()
                let secret: String? = try cells.next()
                let lockedUntil: Date? = try cells.next()
                guard let url, let secret, let lockedUntil else { continue }
                claimed.append(ClaimedWebhookEvent(
                    id: id, tenantId: tenant, type: type, payload: payload, attempts: attempts,
                    url: url, secret: secret, lockedUntil: lockedUntil
                ))
            }
            return claimed
        }
    }

    /// Records that the endpoint accepted the event (`status`: its 2xx).
    public func markDelivered(_ id: UUID, status: Int) async throws {
        try await client.run {
            try await client.query(
                """
                UPDATE webhook_events
                SET delivered_at = now(), attempts = attempts + 1, last_status = \(Int32(clamping: status)),
                    last_error = NULL, locked_until = NULL
                WHERE id = \(id) AND delivered_at IS NULL AND failed_at IS NULL
                """,
                logger: logger
            )
        }
    }

    /// Records a failed attempt: the receiver's `status` when it answered, and why. With
    /// `nextAttemptAt` the event is tried again then; with nil it is given up (`failed_at`).
    public func markFailed(_ id: UUID, status: Int?, error: String, nextAttemptAt: Date?) async throws {
        let status = status.map { Int32(clamping: $0) }
        // A receiver's reason can be anything: keep the column readable.
        let error = String(error.prefix(1000))
        try await client.run {
            try await client.query(
                """
                UPDATE webhook_events
                SET attempts = attempts + 1, last_status = \(status), last_error = \(error), locked_until = NULL,
                    next_attempt_at = coalesce(\(nextAttemptAt)::timestamptz, next_attempt_at),
                    failed_at = CASE WHEN \(nextAttemptAt)::timestamptz IS NULL THEN now() END
                WHERE id = \(id) AND delivered_at IS NULL AND failed_at IS NULL
                """,
                logger: logger
            )
        }
    }
}
