import Foundation
import Logging
import PostgresNIO
import RelanceCore

/// The relay's side of the outbox: takes the rows of jobs to publish, and puts back those the
/// broker did not confirm.
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

    /// Takes up to `limit` rows from the outbox, oldest first (rows another relay holds are
    /// skipped), hands their jobs to `publish`, and puts back those it reports failed, with
    /// the reason — in one transaction, so a crash before the commit leaves every row in the
    /// outbox and its job is published again. The rows are taken by deleting them: a confirmed
    /// job is not written again (`jobs` rows never change after the dispatcher writes them).
    @discardableResult
    public func publishPending(
        limit: Int,
        publish: @Sendable ([OutboxJob]) async throws -> [UUID: PublishResult]
    ) async throws -> (published: Int, failed: Int) {
        try await client.transaction(logger: logger) { connection in
            // An outbox row whose job is missing (never the case: both are written in one
            // transaction) has nothing to publish and is dropped with the others.
            let rows = try await connection.execute(PreparedQuery<Take> { $0.append(limit) }, logger: logger)
            var jobs: [OutboxJob] = []
            var taken: [UUID: (seq: Int64, attempts: Int)] = [:]
            for try await row in rows {
                var cells = RowCells(row)
                let (seq, attempts): (Int64, Int) = (try cells.next(), try cells.next())
                let (id, tenant, debtor): (UUID, UUID, UUID) = (try cells.next(), try cells.next(), try cells.next())
                let (channel, payload): (String, String) = (try cells.next(), try cells.next())
                jobs.append(OutboxJob(
                    id: id, tenantId: tenant, debtorId: debtor,
                    channel: try DispatchStore.channel(channel), payload: Data(payload.utf8)
                ))
                taken[id] = (seq, attempts)
            }
            guard !jobs.isEmpty else { return (0, 0) }
            let results = try await publish(jobs)
            var failed: [(seq: Int64, job: UUID, attempts: Int, reason: String)] = []
            for job in jobs {
                if case .failed(let reason) = results[job.id] ?? .failed(reason: "no confirm received") {
                    let row = taken[job.id]!
                    failed.append((row.seq, job.id, row.attempts + 1, reason))
                }
            }
            if !failed.isEmpty {
                // Back in its place: a refused job keeps its turn.
                try await connection.query(
                    """
                    INSERT INTO outbox (seq, job_id, publish_attempts, last_publish_error)
                    SELECT * FROM unnest(\(failed.map(\.seq)), \(failed.map(\.job)), \(failed.map(\.attempts)),
                                         \(failed.map(\.reason)))
                    """,
                    logger: logger
                )
            }
            return (jobs.count - failed.count, failed.count)
        }
    }

    enum Take: PreparedText {
        static let sql = """
            WITH taken AS (
                DELETE FROM outbox WHERE seq IN (
                    SELECT seq FROM outbox ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED
                )
                RETURNING seq, job_id, publish_attempts
            )
            SELECT t.seq, t.publish_attempts, j.id, j.tenant_id, j.debtor_id, j.channel, j.payload::text
            FROM taken t JOIN jobs j ON j.id = t.job_id
            ORDER BY t.seq
            """
    }

    /// How many rows wait to be published, counted up to `limit` (the count stops there, so
    /// it stays cheap however long the outbox grows).
    public func pendingCount(atMost limit: Int = .max) async throws -> Int {
        let rows = try await client.query(
            "SELECT count(*)::int8 FROM (SELECT 1 FROM outbox LIMIT \(limit)) AS waiting",
            logger: logger
        )
        for try await count in rows.decode(Int.self) { return count }
        return 0
    }
}
