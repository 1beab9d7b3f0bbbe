import Foundation
import Logging
import PostgresNIO
import RelanceCore

/// The relay's side of the outbox: takes unpublished rows, and marks what the broker confirmed.
public struct OutboxStore: Sendable {
    public let client: PostgresClient
    public let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// The result of publishing one row.
    public enum PublishResult: Sendable, Hashable {
        case confirmed
        /// Not confirmed (nacked, returned unroutable, connection lost): stays unpublished and
        /// is tried again; the reason is kept for operators.
        case failed(reason: String)
    }

    /// Locks up to `limit` unpublished rows, oldest first (rows another relay holds are
    /// skipped), hands them to `publish`, and records what it reports — in one transaction, so
    /// a crash before the commit leaves them unpublished and they are published again.
    ///
    /// The rows are locked `FOR NO KEY UPDATE` (the relay changes no key column): that still
    /// keeps other relays off them, but does not block the foreign-key checks of a worker
    /// recording the outcome of a job it received before this transaction committed.
    @discardableResult
    public func publishPending(
        limit: Int,
        publish: @Sendable ([OutboxJob]) async throws -> [UUID: PublishResult]
    ) async throws -> (published: Int, failed: Int) {
        try await client.transaction(logger: logger) { connection in
            let rows = try await connection.query(
                """
                SELECT id, tenant_id, debtor_id, channel, payload::text FROM jobs
                WHERE published_at IS NULL
                ORDER BY created_at
                LIMIT \(limit)
                FOR NO KEY UPDATE SKIP LOCKED
                """,
                logger: logger
            )
            var jobs: [OutboxJob] = []
            for try await (id, tenant, debtor, channel, payload) in rows.decode((UUID, UUID, UUID, String, String).self) {
                jobs.append(OutboxJob(
                    id: id, tenantId: tenant, debtorId: debtor,
                    channel: try DispatchStore.channel(channel), payload: Data(payload.utf8)
                ))
            }
            guard !jobs.isEmpty else { return (0, 0) }
            let results = try await publish(jobs)
            var confirmed: [UUID] = []
            var failedIds: [UUID] = []
            var reasons: [String] = []
            for job in jobs {
                switch results[job.id] ?? .failed(reason: "no confirm received") {
                case .confirmed: confirmed.append(job.id)
                case .failed(let reason):
                    failedIds.append(job.id)
                    reasons.append(reason)
                }
            }
            if !confirmed.isEmpty {
                try await connection.query(
                    """
                    UPDATE jobs SET published_at = now(), publish_attempts = publish_attempts + 1, last_publish_error = NULL
                    WHERE id = ANY(\(confirmed))
                    """,
                    logger: logger
                )
            }
            if !failedIds.isEmpty {
                try await connection.query(
                    """
                    UPDATE jobs j SET publish_attempts = j.publish_attempts + 1, last_publish_error = u.reason
                    FROM unnest(\(failedIds), \(reasons)) AS u(id, reason)
                    WHERE j.id = u.id
                    """,
                    logger: logger
                )
            }
            return (confirmed.count, failedIds.count)
        }
    }

    /// How many rows wait to be published.
    public func pendingCount() async throws -> Int {
        let rows = try await client.query("SELECT count(*)::int8 FROM jobs WHERE published_at IS NULL", logger: logger)
        for try await count in rows.decode(Int.self) { return count }
        return 0
    }
}
