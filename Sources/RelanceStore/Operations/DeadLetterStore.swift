import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelancePipeline

/// A dead letter as stored (`dead_letters`, migration 0014).
public struct DeadLetterRecord: Sendable, Hashable {
    public enum State: String, Sendable, Hashable, CaseIterable {
        case waiting, replayed, discarded
    }

    public var id: Int64
    public var tenantId: UUID?
    public var jobId: UUID?
    public var channel: String
    public var reason: String
    public var body: [UInt8]
    /// A JSON object's text.
    public var headers: String
    public var deathCount: Int
    public var firstDeadLetteredAt: Date?
    public var collectedAt: Date
    public var state: State
    public var stateChangedBy: String?
    public var stateChangedAt: Date?
    public var stateReason: String?

    /// The body as a job, when it is one.
    public var job: ReminderJob? { try? ReminderJob.decode(Data(body)) }
    /// The body as text (UTF-8), when it is.
    public var bodyText: String? { String(validating: body, as: UTF8.self) }
}

/// Which dead letters a list, a replay or a discard is about.
public struct DeadLetterFilter: Sendable, Hashable {
    public var channel: String?
    public var tenantId: UUID?
    /// Matches reasons containing this text (case-insensitive).
    public var reason: String?
    /// Collected at or after.
    public var since: Date?
    public var state: DeadLetterRecord.State?

    public init(channel: String? = nil, tenantId: UUID? = nil, reason: String? = nil, since: Date? = nil,
                state: DeadLetterRecord.State? = nil) {
        self.channel = channel
        self.tenantId = tenantId
        self.reason = reason
        self.since = since
        self.state = state
    }
}

/// An outcome a worker wrote for a job, current or moved aside by a replay.
public struct RecordedOutcome: Sendable, Hashable {
    public var outcome: String
    public var detail: String
    public var attempts: Int
    public var completedAt: Date
    /// When a replay moved it aside; nil for the job's current outcome.
    public var movedAt: Date?
}

/// Why a dead letter cannot be replayed or discarded, in words an operator can act on.
public struct DeadLetterRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case notFound = "not_found"
        case notWaiting = "not_waiting"
        case notAJob = "not_a_job"
        case unknownJob = "unknown_job"
        case contacted = "already_contacted"
        case finished = "already_finished"
    }

    public let code: Code
    public let id: Int64
    public let message: String
    public var description: String { message }
}

/// The dead letters on PostgreSQL: the collector's writes, and the operators' reads, replays
/// and discards.
///
/// A **replay** puts the job back in the pipeline under its own id, in one transaction: the
/// worker's `failed`/`failed_permanent`/`dead_lettered` outcome is moved to
/// `job_outcome_history` (never deleted), the job's steps that outcome had closed go back to
/// `dispatched`, its claim is dropped, and the job enters the outbox, so the relay publishes it
/// again with confirms. The job id is kept, so the worker's idempotency and claims still hold;
/// and the worker's stale-job guard still skips a debtor who paid meanwhile. A job that has a
/// contacting outcome (`sent`, `task_created`, `prepared`, `recorded`) or any other final one
/// (`skipped_*`) is refused: replaying it could only contact someone twice, or do nothing.
/// Each replay and discard is in the operators' audit log, in the same transaction.
public struct DeadLetterStore: DeadLetterStorage {
    public let client: PostgresClient
    public let logger: Logger

    /// Outcomes a replay may move aside: the job never reached its debtor.
    public static let replayableOutcomes: Set<String> = ["failed", "failed_permanent", "dead_lettered"]
    /// Outcomes that mean the debtor was contacted (or a contact prepared).
    public static let contactingOutcomes: Set<String> = ["sent", "task_created", "prepared", "recorded"]

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    // MARK: - The collector

    public func collect(_ letters: [CollectedDeadLetter]) async throws {
        guard !letters.isEmpty else { return }
        try await client.transaction(logger: logger) { connection in
            for letter in letters {
                try await connection.query(
                    """
                    INSERT INTO dead_letters (tenant_id, job_id, channel, reason, body, headers, death_count,
                                              first_dead_lettered_at, dedup_key)
                    VALUES (\(letter.tenantId), \(letter.jobId), \(letter.channel), \(letter.reason), \(Data(letter.body)),
                            \(letter.headers)::jsonb, \(letter.deathCount), \(letter.firstDeadLetteredAt), \(letter.dedupKey))
                    ON CONFLICT (dedup_key) DO NOTHING
                    """,
                    logger: logger
                )
            }
        }
    }

    // MARK: - Reads

    private static let columns = """
        id, tenant_id, job_id, channel, reason, body, headers::text, death_count, first_dead_lettered_at, collected_at,
        state, state_changed_by, state_changed_at, state_reason
        """

    /// The dead letters `filter` names, latest first, at most `limit`, with ids below `before`
    /// when given (the last id of the previous page).
    public func list(_ filter: DeadLetterFilter, limit: Int = 100, before: Int64? = nil) async throws -> [DeadLetterRecord] {
        let pattern = filter.reason.map { "%" + $0.replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%" }
        let query: PostgresQuery = """
            SELECT \(unescaped: Self.columns) FROM dead_letters
            WHERE (\(filter.channel)::text IS NULL OR channel = \(filter.channel))
              AND (\(filter.tenantId)::uuid IS NULL OR tenant_id = \(filter.tenantId))
              AND (\(pattern)::text IS NULL OR reason ILIKE \(pattern))
              AND (\(filter.since)::timestamptz IS NULL OR collected_at >= \(filter.since))
              AND (\(filter.state?.rawValue)::text IS NULL OR state = \(filter.state?.rawValue))
              AND (\(before)::bigint IS NULL OR id < \(before))
            ORDER BY id DESC LIMIT \(limit)
            """
        return try await records(query, on: client)
    }

    /// One dead letter.
    public func get(_ id: Int64) async throws -> DeadLetterRecord? {
        try await records("SELECT \(unescaped: Self.columns) FROM dead_letters WHERE id = \(id)", on: client).first
    }

    /// The job's current outcome, then those replays moved aside (latest first).
    public func outcomes(ofJob jobId: UUID) async throws -> [RecordedOutcome] {
        let rows = try await client.query(
            """
            SELECT outcome, detail::text, attempts, completed_at, NULL::timestamptz FROM job_outcomes WHERE job_id = \(jobId)
            UNION ALL
            SELECT outcome, detail::text, attempts, completed_at, moved_at FROM job_outcome_history WHERE job_id = \(jobId)
            ORDER BY 5 DESC NULLS FIRST
            """,
            logger: logger
        )
        var outcomes: [RecordedOutcome] = []
        for try await row in rows {
            let (outcome, detail, attempts, completedAt, movedAt) = try row.decode((String, String, Int, Date, Date?).self)
            outcomes.append(RecordedOutcome(outcome: outcome, detail: detail, attempts: attempts, completedAt: completedAt, movedAt: movedAt))
        }
        return outcomes
    }

    /// The numbers of invoices, by id (for showing a job).
    public func invoiceNumbers(_ ids: [UUID]) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await client.query("SELECT id, number FROM invoices WHERE id = ANY(\(ids))", logger: logger)
        var numbers: [UUID: String] = [:]
        for try await (id, number) in rows.decode((UUID, String).self) { numbers[id] = number }
        return numbers
    }

    private func records(_ query: PostgresQuery, on session: any DatabaseSession) async throws -> [DeadLetterRecord] {
        let rows = try await session.rows(query, logger: logger)
        var records: [DeadLetterRecord] = []
        for try await row in rows {
            var cells = RowCells(row)
            let id: Int64 = try cells.next()
            let tenantId: UUID? = try cells.next()
            let jobId: UUID? = try cells.next()
            let channel: String = try cells.next()
            let reason: String = try cells.next()
            let body: Data = try cells.next()
            let headers: String = try cells.next()
            let deathCount: Int = try cells.next()
            let first: Date? = try cells.next()
            let collected: Date = try cells.next()
            let state: String = try cells.next()
            let by: String? = try cells.next()
            let at: Date? = try cells.next()
            let why: String? = try cells.next()
            records.append(DeadLetterRecord(
                id: id, tenantId: tenantId, jobId: jobId, channel: channel, reason: reason, body: Array(body),
                headers: headers, deathCount: deathCount, firstDeadLetteredAt: first, collectedAt: collected,
                state: DeadLetterRecord.State(rawValue: state) ?? .waiting, stateChangedBy: by, stateChangedAt: at, stateReason: why
            ))
        }
        return records
    }

    // MARK: - Replay and discard

    /// Replays one dead letter (see the type's comment); throws `DeadLetterRefusal` when it
    /// cannot be. Returns the dead letter as replayed.
    @discardableResult
    public func replay(_ id: Int64, actor: String, reason: String?) async throws -> DeadLetterRecord {
        try await client.transaction(logger: logger) { connection in
            guard let letter = try await records(
                "SELECT \(unescaped: Self.columns) FROM dead_letters WHERE id = \(id) FOR UPDATE", on: connection
            ).first else {
                throw DeadLetterRefusal(code: .notFound, id: id, message: "no dead letter \(id)")
            }
            guard letter.state == .waiting else {
                throw DeadLetterRefusal(code: .notWaiting, id: id, message: "dead letter \(id) is \(letter.state.rawValue) already")
            }
            guard let jobId = letter.jobId, let tenantId = letter.tenantId else {
                throw DeadLetterRefusal(code: .notAJob, id: id, message: "dead letter \(id) is not a job (its body does not decode): discard it")
            }
            let known = try await connection.query(
                "SELECT 1 FROM jobs WHERE id = \(jobId) AND tenant_id = \(tenantId) FOR UPDATE", logger: logger
            ).collect()
            guard !known.isEmpty else {
                throw DeadLetterRefusal(code: .unknownJob, id: id,
                                        message: "dead letter \(id): job \(jobId) of tenant \(tenantId) is unknown here, so it cannot run again: discard it")
            }
            let current = try await connection.query(
                "SELECT outcome FROM job_outcomes WHERE job_id = \(jobId) FOR UPDATE", logger: logger
            ).collect().first.map { try $0.decode(String.self) }
            if let current {
                if Self.contactingOutcomes.contains(current) {
                    throw DeadLetterRefusal(code: .contacted, id: id,
                                            message: "dead letter \(id): job \(jobId) has outcome \(current) — its debtor was contacted; replaying it would contact them twice")
                }
                guard Self.replayableOutcomes.contains(current) else {
                    throw DeadLetterRefusal(code: .finished, id: id,
                                            message: "dead letter \(id): job \(jobId) has outcome \(current); there is nothing to replay")
                }
                try await connection.query(
                    """
                    WITH moved AS (DELETE FROM job_outcomes WHERE job_id = \(jobId) RETURNING *)
                    INSERT INTO job_outcome_history (tenant_id, job_id, debtor_id, channel, outcome, detail, artefact_uri,
                                                     attempts, completed_at, dead_letter_id)
                    SELECT tenant_id, job_id, debtor_id, channel, outcome, detail, artefact_uri, attempts, completed_at, \(id)
                    FROM moved
                    """,
                    logger: logger
                )
                // The steps that outcome closed (and only those) await the job again.
                try await connection.query(
                    """
                    UPDATE schedule_steps SET status = 'dispatched', status_reason = NULL, updated_at = now()
                    WHERE job_id = \(jobId) AND tenant_id = \(tenantId) AND status IN ('done', 'skipped')
                      AND status_reason = \(current)
                    """,
                    logger: logger
                )
            }
            try await connection.query("DELETE FROM job_claims WHERE job_id = \(jobId)", logger: logger)
            try await connection.query(
                """
                INSERT INTO outbox (job_id, last_publish_error)
                SELECT \(jobId), \("replayed from dead letter \(id)") WHERE NOT EXISTS (SELECT 1 FROM outbox WHERE job_id = \(jobId))
                """,
                logger: logger
            )
            let changed = try await settle(id, to: .replayed, actor: actor, reason: reason, on: connection)
            try await OpsAuditLog(session: connection, logger: logger).record(OpsAuditEntry(
                actor: actor, action: "dead_letter.replay", target: "dead_letter:\(id)", tenantId: TenantID(tenantId),
                reason: reason, detail: #"{"job_id":"\#(jobId.uuidString.lowercased())","outcome_moved":\#(current.map { "\"\($0)\"" } ?? "null")}"#
            ))
            try await connection.query("SELECT pg_notify('relance_outbox', '')", logger: logger)
            return changed
        }
    }

    /// Discards one waiting dead letter, with the operator's reason.
    @discardableResult
    public func discard(_ id: Int64, actor: String, reason: String) async throws -> DeadLetterRecord {
        try await client.transaction(logger: logger) { connection in
            guard let letter = try await records(
                "SELECT \(unescaped: Self.columns) FROM dead_letters WHERE id = \(id) FOR UPDATE", on: connection
            ).first else {
                throw DeadLetterRefusal(code: .notFound, id: id, message: "no dead letter \(id)")
            }
            guard letter.state == .waiting else {
                throw DeadLetterRefusal(code: .notWaiting, id: id, message: "dead letter \(id) is \(letter.state.rawValue) already")
            }
            let changed = try await settle(id, to: .discarded, actor: actor, reason: reason, on: connection)
            try await OpsAuditLog(session: connection, logger: logger).record(OpsAuditEntry(
                actor: actor, action: "dead_letter.discard", target: "dead_letter:\(id)", tenantId: letter.tenantId.map(TenantID.init),
                reason: reason, detail: letter.jobId.map { #"{"job_id":"\#($0.uuidString.lowercased())"}"# } ?? "{}"
            ))
            return changed
        }
    }

    /// The outcome of acting on many dead letters: those done, and those refused with why.
    public struct BulkResult: Sendable {
        public var done: [Int64] = []
        public var refused: [DeadLetterRefusal] = []

        public init() {}

        /// Runs `act` on dead letter `id`, counting it done, or refused with the refusal's reason
        /// (any other error is thrown).
        public mutating func attempt(_ id: Int64, _ act: () async throws -> Void) async throws {
            do {
                try await act()
                done.append(id)
            } catch let refusal as DeadLetterRefusal {
                refused.append(refusal)
            }
        }
    }

    /// Replays every waiting dead letter `filter` names (at most `limit`), each in its own
    /// transaction: one refused does not hold back the others.
    public func replay(matching filter: DeadLetterFilter, actor: String, reason: String?, limit: Int = 10_000) async throws -> BulkResult {
        try await eachWaiting(filter, limit: limit) { try await replay($0, actor: actor, reason: reason) }
    }

    /// Discards every waiting dead letter `filter` names (at most `limit`).
    public func discard(matching filter: DeadLetterFilter, actor: String, reason: String, limit: Int = 10_000) async throws -> BulkResult {
        try await eachWaiting(filter, limit: limit) { try await discard($0, actor: actor, reason: reason) }
    }

    /// Runs `act` on each waiting dead letter `filter` names, oldest first.
    private func eachWaiting(
        _ filter: DeadLetterFilter, limit: Int, _ act: (Int64) async throws -> DeadLetterRecord
    ) async throws -> BulkResult {
        var filter = filter
        filter.state = .waiting
        var result = BulkResult()
        for letter in try await list(filter, limit: limit).reversed() {
            try await result.attempt(letter.id) { _ = try await act(letter.id) }
        }
        return result
    }

    private func settle(_ id: Int64, to state: DeadLetterRecord.State, actor: String, reason: String?,
                        on connection: PostgresConnection) async throws -> DeadLetterRecord {
        let changed = try await records(
            """
            UPDATE dead_letters SET state = \(state.rawValue), state_changed_by = \(actor), state_changed_at = now(),
                                    state_reason = \(reason)
            WHERE id = \(id) RETURNING \(unescaped: Self.columns)
            """,
            on: connection
        )
        guard let record = changed.first else { throw StoreError(.corruptRecord, "dead letter \(id) vanished") }
        return record
    }
}
