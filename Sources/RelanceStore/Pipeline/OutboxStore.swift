import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelancePipeline

/// The relay's outbox on PostgreSQL (`outbox`, one row per job waiting to be published, beside
/// the `jobs` row that holds its message). A relay leases a batch for a while — one
/// `outbox_leases` row naming the range of sequence numbers it took — rather than holding the
/// rows in an open transaction while the broker confirms.
public struct OutboxStore: OutboxStorage {
    public let client: PostgresClient
    public let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Leases up to `limit` rows outside every live lease, oldest first, skipping rows another
    /// relay is taking at this instant, and returns their jobs: one statement that also writes
    /// the lease (the range of sequence numbers taken). An outbox row whose job is missing
    /// (never the case: both are written in one transaction) is dropped.
    public func lease(limit: Int, for lease: Duration) async throws -> [LeasedJob] {
        let seconds = lease.timeInterval
        let rows = try await client.execute(PreparedQuery<Lease> { values in
            values.append(limit)
            values.append(seconds)
        }, logger: logger)
        var jobs: [LeasedJob] = []
        var orphans: [Int64] = []
        for try await row in rows {
            var cells = RowCells(row)
            let (leaseId, sequence, attempts): (Int64, Int64, Int) = (try cells.next(), try cells.next(), try cells.next())
            let job: UUID? = try cells.next()
            guard let id = job else {
                orphans.append(sequence)
                continue
            }
            let (tenant, debtor): (UUID, UUID) = (try cells.next(), try cells.next())
            let (channel, payload): (String, String) = (try cells.next(), try cells.next())
            jobs.append(LeasedJob(sequence: sequence, failedAttempts: attempts, job: OutboxJob(
                id: id, tenantId: tenant, debtorId: debtor, channel: try DispatchStore.channel(channel), payload: Data(payload.utf8)
            ), lease: leaseId))
        }
        if !orphans.isEmpty {
            try await client.query("DELETE FROM outbox WHERE seq = ANY(\(orphans))", logger: logger)
        }
        return jobs
    }

    /// Deletes the confirmed rows and their lease; the failed ones stay in their place with
    /// their attempt count and the reason, for the next pass.
    public func settle(confirmed: [LeasedJob], failed: [(job: LeasedJob, reason: String)]) async throws {
        let leases = Array(Set(confirmed.map(\.lease) + failed.map(\.job.lease)))
        guard !failed.isEmpty else {
            guard !confirmed.isEmpty else { return }
            _ = try await client.execute(PreparedQuery<Settle> { values in
                values.append(confirmed.map(\.sequence))
                values.append(leases)
            }, logger: logger)
            return
        }
        try await client.transaction(logger: logger) { connection in
            _ = try await connection.execute(PreparedQuery<Settle> { values in
                values.append(confirmed.map(\.sequence))
                values.append(leases)
            }, logger: logger)
            try await connection.query(
                """
                UPDATE outbox o SET publish_attempts = u.attempts, last_publish_error = u.reason
                FROM unnest(\(failed.map(\.job.sequence)), \(failed.map { $0.job.failedAttempts + 1 }),
                            \(failed.map(\.reason))) AS u(seq, attempts, reason)
                WHERE o.seq = u.seq
                """,
                logger: logger
            )
        }
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

    /// Jobs are found by their time-ordered ids (the primary key's order is their creation
    /// order), so the look-up reads the period's jobs and nothing else.
    /// Leases that ended over an hour ago (their relay died) are forgotten on the way.
    public func requeueUnfinished(createdIn period: Range<Date>) async throws -> Int {
        try await client.query(
            "DELETE FROM outbox_leases WHERE leased_until < clock_timestamp() - interval '1 hour'", logger: logger
        )
        let rows = try await client.query(
            """
            INSERT INTO outbox (job_id, last_publish_error)
            SELECT j.id, 'published again: no outcome since ' || to_char(j.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
            FROM jobs j
            WHERE j.id >= \(UUID.timeOrderedFloor(at: period.lowerBound)) AND j.id < \(UUID.timeOrderedFloor(at: period.upperBound))
              AND j.created_at >= \(period.lowerBound) AND j.created_at < \(period.upperBound)
              AND NOT EXISTS (SELECT 1 FROM job_outcomes o WHERE o.job_id = j.id)
              AND j.id NOT IN (SELECT job_id FROM outbox)
            ORDER BY j.id
            RETURNING job_id
            """,
            logger: logger
        )
        var count = 0
        for try await _ in rows { count += 1 }
        return count
    }

    // MARK: - Prepared statements (each relay pass runs them)

    enum Lease: PreparedText {
        // FOR UPDATE … SKIP LOCKED keeps two relays taking at the same instant apart; the lease
        // row keeps them apart afterwards, until it is settled or ends.
        static let sql = """
            WITH picked AS (
                SELECT o.seq, o.job_id, o.publish_attempts FROM outbox o
                WHERE NOT EXISTS (SELECT 1 FROM outbox_leases l
                                  WHERE l.leased_until > clock_timestamp() AND o.seq BETWEEN l.first_seq AND l.last_seq)
                ORDER BY o.seq LIMIT $1
                FOR UPDATE OF o SKIP LOCKED
            ), lease AS (
                INSERT INTO outbox_leases (first_seq, last_seq, leased_until)
                SELECT min(seq), max(seq), clock_timestamp() + make_interval(secs => $2) FROM picked HAVING count(*) > 0
                RETURNING id
            )
            SELECT (SELECT id FROM lease), p.seq, p.publish_attempts, j.id, j.tenant_id, j.debtor_id, j.channel, j.payload::text
            FROM picked p LEFT JOIN jobs j ON j.id = p.job_id
            ORDER BY p.seq
            """
    }

    enum Settle: PreparedText {
        static let sql = """
            WITH gone AS (DELETE FROM outbox WHERE seq = ANY($1))
            DELETE FROM outbox_leases WHERE id = ANY($2)
            """
    }
}
