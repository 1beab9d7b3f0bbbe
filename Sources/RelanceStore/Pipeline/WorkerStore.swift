import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelancePipeline

/// The worker's storage on PostgreSQL: one read per batch (`MessageContextStore`), the standing
/// of jobs the read could not settle, and outcomes written in batches.
public struct WorkerStore: WorkerStorage {
    public let client: PostgresClient
    public let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    public func load(tenantIds: [UUID], debtorIds: [UUID], invoiceIds: [UUID], now: Date) async throws -> BatchSnapshot {
        try await MessageContextStore(client: client, logger: logger).load(
            tenantIds: tenantIds.map(TenantID.init), debtorIds: debtorIds.map(DebtorID.init),
            invoiceIds: invoiceIds.map(InvoiceID.init), now: now
        )
    }

    /// Looks up the jobs messages name, each with the tenant its message claims, in one query.
    public func standings(of jobs: [(jobId: UUID, tenantId: UUID)]) async throws -> [UUID: JobStanding] {
        guard !jobs.isEmpty else { return [:] }
        let rows = try await client.query(
            """
            SELECT m.job_id, t.id IS NOT NULL, j.id IS NOT NULL, o.job_id IS NOT NULL
            FROM unnest(\(jobs.map(\.jobId)), \(jobs.map(\.tenantId))) AS m(job_id, tenant_id)
            LEFT JOIN tenants t ON t.id = m.tenant_id
            LEFT JOIN jobs j ON j.id = m.job_id AND j.tenant_id = m.tenant_id
            LEFT JOIN job_outcomes o ON o.job_id = j.id
            """,
            logger: logger
        )
        var standings: [UUID: JobStanding] = [:]
        for try await row in rows {
            var cells = RowCells(row)
            let jobId: UUID = try cells.next()
            let (tenantKnown, jobKnown, hasOutcome): (Bool, Bool, Bool) = (try cells.next(), try cells.next(), try cells.next())
            standings[jobId] = !tenantKnown ? .unknownTenant : !jobKnown ? .unknownJob : hasOutcome ? .done : .awaiting
        }
        return standings
    }

    /// Claims jobs: a job is granted when it has no claim, or its claim has ended, is for an
    /// earlier attempt, or is `holder`'s. Two workers claiming one job at once are ordered by
    /// its row: the second sees the first's claim and is not granted. Writing an outcome ends
    /// the claim, so a second statement, which sees outcomes committed meanwhile, takes back
    /// the claims of jobs finished since the batch was read.
    public func claim(_ jobs: [JobClaim], holder: UUID, for duration: Duration) async throws -> Set<UUID> {
        guard !jobs.isEmpty else { return [] }
        let rows = try await client.execute(PreparedQuery<ClaimJobs> { values in
            values.append(jobs.map(\.jobId))
            values.append(jobs.map(\.tenantId))
            values.append(jobs.map(\.attempt))
            values.append(holder)
            values.append(duration.wholeMilliseconds)
        }, logger: logger)
        var granted: Set<UUID> = []
        for try await row in rows {
            granted.insert(try row.decode(UUID.self))
        }
        guard !granted.isEmpty else { return granted }
        // A holder may have written its outcome, and so ended its claim, between this batch's
        // read and the claim: this statement sees it, and gives those claims up.
        let done = try await client.execute(PreparedQuery<ReleaseFinished> { values in
            values.append(Array(granted))
            values.append(holder)
        }, logger: logger)
        for try await row in done {
            granted.remove(try row.decode(UUID.self))
        }
        return granted
    }

    public func extendClaims(of holders: [UUID], for duration: Duration) async throws {
        guard !holders.isEmpty else { return }
        try await client.query(
            """
            UPDATE job_claims SET claimed_until = now() + \(duration.wholeMilliseconds) * interval '1 millisecond'
            WHERE holder = ANY(\(holders))
            """,
            logger: logger
        )
    }

    /// The status and reason a job's steps take when its outcome is recorded.
    private struct StepUpdate: Hashable {
        var status: String
        var reason: String
    }

    /// Writes outcomes and moves their jobs' steps to done or skipped, in one transaction (one
    /// disk flush for the whole batch). An outcome for a job that has one already is ignored,
    /// so a redelivered job keeps its first outcome. Returns the jobs whose outcome this call
    /// wrote.
    ///
    /// No outcome dates a formal notice: a registered letter is `prepared`, and its invoices'
    /// `formal_notice_date` is set when the manifest that lists it is marked posted
    /// (`LetterPostings`).
    @discardableResult
    public func record(_ outcomes: [JobOutcome]) async throws -> Set<UUID> {
        guard !outcomes.isEmpty else { return [] }
        do {
            return try await write(outcomes)
        } catch let error as StoreError where error.code == .constraintViolation {
            throw OutcomesRefused(reason: error.message)
        } catch let error as PSQLError {
            // Class 22: a malformed value (a detail that is not JSON, a number out of range).
            guard let state = error.serverInfo?[.sqlState], state.hasPrefix("22") else { throw error }
            throw OutcomesRefused(reason: error.serverInfo?[.message] ?? "SQLSTATE \(state)")
        }
    }

    private func write(_ outcomes: [JobOutcome]) async throws -> Set<UUID> {
        try await client.transaction(logger: logger) { connection in
            let rows = try await connection.execute(PreparedQuery<InsertOutcomes> { values in
                values.append(outcomes.map(\.tenantId))
                values.append(outcomes.map(\.jobId))
                values.append(outcomes.map(\.debtorId))
                values.append(outcomes.map(\.channel.rawValue))
                values.append(outcomes.map(\.kind.rawValue))
                values.append(outcomes.map(\.detail))
                values.append(outcomes.map { $0.artefactURI ?? "" })
                values.append(outcomes.map(\.attempts))
                values.append(outcomes.map { $0.completedAt != nil })
                values.append(outcomes.map { $0.completedAt ?? Date(timeIntervalSince1970: 0) })
            }, logger: logger)
            var written: Set<UUID> = []
            var outcomeOf: [UUID: OutcomeKind] = [:]
            for try await row in rows {
                var cells = RowCells(row)
                let (jobId, outcome): (UUID, String) = (try cells.next(), try cells.next())
                written.insert(jobId)
                outcomeOf[jobId] = OutcomeKind(rawValue: outcome) ?? .failed
            }
            guard !written.isEmpty else { return written }
            // One statement per outcome kind (a batch has few). Each finds its steps by primary
            // key, from the ids the job's message names, and moves only those the job carried.
            var stepsByUpdate: [StepUpdate: (steps: [UUID], jobs: [UUID])] = [:]
            for outcome in outcomes where written.contains(outcome.jobId) {
                let kind = outcomeOf[outcome.jobId]!
                let update = StepUpdate(status: kind.stepStatus.rawValue, reason: kind.rawValue)
                stepsByUpdate[update, default: ([], [])].steps.append(contentsOf: outcome.stepIds)
                stepsByUpdate[update]!.jobs.append(outcome.jobId)
            }
            for (update, ids) in stepsByUpdate where !ids.steps.isEmpty {
                _ = try await connection.execute(PreparedQuery<FinishSteps> { values in
                    values.append(update.status)
                    values.append(update.reason)
                    values.append(ids.steps)
                    values.append(ids.jobs)
                }, logger: logger)
            }
            // A contact point the other end refused: marked, the debtor's later steps on its
            // channel skipped, the ladder moved on to the next step of another channel.
            let refused = outcomes.filter { $0.unusableContact != nil && written.contains($0.jobId) }
            if !refused.isEmpty {
                try await ContactUsability.markUnusable(refused.map {
                    ContactUsability.Refusal(tenantId: $0.tenantId, debtorId: $0.debtorId, contact: $0.unusableContact!,
                                             reason: Self.reason(of: $0), invoiceSteps: $0.stepIds)
                }, at: refused.compactMap(\.completedAt).max(), on: connection, logger: logger)
            }
            return written
        }
    }

    /// The reason a channel gave for refusing a contact point (the outcome's detail says it).
    private static func reason(of outcome: JobOutcome) -> String {
        let detail = try? JSONSerialization.jsonObject(with: Data(outcome.detail.utf8)) as? [String: Any]
        return (detail?["reason"] as? String) ?? outcome.kind.rawValue
    }

    // MARK: - Prepared statements (run for every batch a worker takes)

    /// Ends the claims of the batch's jobs in the same statement (a job's claim ends with its
    /// outcome, whether this write or an earlier one recorded it).
    enum InsertOutcomes: PreparedText {
        static let sql = """
            WITH ended AS (DELETE FROM job_claims WHERE job_id = ANY($2))
            INSERT INTO job_outcomes (tenant_id, job_id, debtor_id, channel, outcome, detail, artefact_uri, attempts,
                                      completed_at)
            SELECT o.tenant_id, o.job_id, o.debtor_id, o.channel, o.outcome, o.detail::jsonb,
                   NULLIF(o.artefact_uri, ''), o.attempts, CASE WHEN o.has_completed_at THEN o.completed_at ELSE now() END
            FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                 AS o(tenant_id, job_id, debtor_id, channel, outcome, detail, artefact_uri, attempts,
                      has_completed_at, completed_at)
            ON CONFLICT (job_id) DO NOTHING
            RETURNING job_id, outcome
            """
    }

    enum ClaimJobs: PreparedText {
        static let sql = """
            INSERT INTO job_claims AS c (job_id, tenant_id, attempt, holder, claimed_until)
            SELECT j.job_id, j.tenant_id, j.attempt, $4, now() + $5 * interval '1 millisecond'
            FROM unnest($1::uuid[], $2::uuid[], $3::int4[]) AS j(job_id, tenant_id, attempt)
            ON CONFLICT (job_id) DO UPDATE
                SET tenant_id = excluded.tenant_id, attempt = excluded.attempt, holder = excluded.holder,
                    claimed_at = now(), claimed_until = excluded.claimed_until
                WHERE c.claimed_until <= now() OR c.attempt < excluded.attempt
                   OR (c.holder = excluded.holder AND c.attempt = excluded.attempt)
            RETURNING c.job_id
            """
    }

    enum ReleaseFinished: PreparedText {
        static let sql = """
            DELETE FROM job_claims c USING job_outcomes o
            WHERE c.job_id = ANY($1) AND c.holder = $2 AND o.job_id = c.job_id
            RETURNING c.job_id
            """
    }

    enum FinishSteps: PreparedText {
        static let sql = """
            UPDATE schedule_steps SET status = $1, status_reason = $2, updated_at = now()
            WHERE id = ANY($3) AND job_id = ANY($4) AND status = 'dispatched'
            """
    }
}
