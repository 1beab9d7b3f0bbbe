import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelancePipeline
import RelanceRuntime
import RelanceStore

/// `relance bench claim`: whether the time of one claim grows with the schedule. Seeds a
/// database of its own with `due` invoices that each have one step due now (`BenchSeeder`)
/// and `invoices - due` more with nothing due (`HistorySeeder`: paid history and open invoices
/// whose next steps are planned for later days), then claims batch after batch with the
/// dispatcher's own claim (`DispatchStore.claimAndDispatch`, the real `DispatchDecider` and
/// compliance rules, the bench clock inside every contact window) until nothing is due, timing
/// each claim transaction. Once the plan cache has settled (after the fifth claim, or half the
/// due steps), the claim's two prepared statements are run once more under `EXPLAIN (ANALYZE,
/// BUFFERS) EXECUTE`, in a transaction rolled back, to show the plans the claims use.
public struct ClaimBenchmark: Sendable {
    public struct Settings: Sendable {
        /// Invoices in the database, due or not.
        public var invoices: Int
        /// Of those, invoices with one step due now.
        public var due: Int
        public var batchSize: Int
        public var tenants: Int
        public var database: String
        public var keep: Bool
        /// Claims timed first with the channel of every due step paused by an operator: what
        /// walking past a paused backlog costs each claim. The pauses are then lifted and the
        /// due steps claimed as usual.
        public var pausedClaims: Int

        public init(invoices: Int, due: Int, batchSize: Int, tenants: Int, database: String, keep: Bool, pausedClaims: Int = 0) {
            self.invoices = invoices
            self.due = due
            self.batchSize = batchSize
            self.tenants = tenants
            self.database = database
            self.keep = keep
            self.pausedClaims = pausedClaims
        }
    }

    let settings: Settings
    let setup: BenchSetup
    let day: CalendarDate
    let command: String
    let logger: Logger
    let progress: @Sendable (String) -> Void

    public init(settings: Settings, configuration: RelanceConfiguration, day: CalendarDate, command: String, logger: Logger,
                progress: @escaping @Sendable (String) -> Void) throws {
        self.settings = settings
        self.setup = try BenchSetup(configuration: configuration, database: settings.database)
        self.day = day
        self.command = command
        self.logger = logger
        self.progress = progress
    }

    /// Runs the benchmark in a database of its own, dropped afterwards unless `settings.keep`.
    public func run() async throws -> ClaimReport {
        try await setup.withOwnServices(broker: nil, keep: settings.keep, logger: logger, progress: progress) {
            try await measure()
        }
    }

    private func measure() async throws -> ClaimReport {
        let (settings, day, logger, progress) = (self.settings, self.day, self.logger, self.progress)
        var report = ClaimReport(command: command, settings: settings)
        let url = setup.database.url

        progress("seeding \(settings.due) invoices with a step due now, across \(settings.tenants) tenants (BenchSeeder)")
        var start = ContinuousClock.now
        let seed = try await PostgresClient.withRunningClient(url, logger: logger) { client in
            try await BenchSeeder(client: client, logger: logger, day: day)
                .seed(reminders: settings.due, tenants: settings.tenants, invoicesPerDebtor: 1)
        }
        report.dueSeedSeconds = (ContinuousClock.now - start) / .seconds(1)
        guard seed.totalDueSteps == settings.due else {
            throw CommandFailure("seeding produced \(seed.totalDueSteps) due steps instead of \(settings.due): \(seed.dueSteps)")
        }

        let historyCount = settings.invoices - settings.due
        progress("seeding \(historyCount) invoices with nothing due (set-based SQL)")
        start = ContinuousClock.now
        report.history = try await PostgresClient.withRunningClient(url, logger: logger) { client in
            let history = try await HistorySeeder(client: client, logger: logger, day: day)
                .seed(invoices: historyCount, progress: progress)
            progress("VACUUM ANALYZE")
            try await client.query(
                "VACUUM ANALYZE tenants, creditors, debtors, invoices, schedule_steps, jobs, job_outcomes, invoice_events, outbox",
                logger: logger)
            return history
        }
        report.historySeedSeconds = (ContinuousClock.now - start) / .seconds(1)

        report.tables = try await PostgresClient.withRunningClient(url, logger: logger) { client in
            var tables = ClaimReport.Tables()
            let rows = try await client.query(
                """
                SELECT (SELECT count(*) FROM invoices)::int8, (SELECT count(*) FROM schedule_steps)::int8,
                       (SELECT count(*) FROM schedule_steps WHERE pending)::int8, (SELECT count(*) FROM debtors)::int8,
                       (SELECT count(*) FROM jobs)::int8,
                       pg_total_relation_size('schedule_steps')::int8, pg_total_relation_size('invoices')::int8
                """, logger: logger)
            for try await (invoices, steps, planned, debtors, jobs, stepBytes, invoiceBytes)
                in rows.decode((Int, Int, Int, Int, Int, Int, Int).self) {
                tables = ClaimReport.Tables(invoices: invoices, scheduleSteps: steps, plannedSteps: planned, debtors: debtors,
                                            jobs: jobs, scheduleStepsMiB: Double(stepBytes) / 1_048_576,
                                            invoicesMiB: Double(invoiceBytes) / 1_048_576)
            }
            return tables
        }

        progress("claiming batches of \(settings.batchSize) until nothing is due")
        let decider = DispatchDecider(complianceRules: setup.reference.complianceRules)
        let claims = try await setup.withClient(connections: 1, logger: logger) { client in
            // One connection: the claim's prepared statements are that session's, for EXPLAIN.
            let store = DispatchStore(client: client, logger: logger)
            let clock = BenchClock(day: day)
            var claims = ClaimReport.Claims()
            if settings.pausedClaims > 0 {
                let paused = try await client.query(
                    """
                    INSERT INTO operator_pauses (scope, target, reason, paused_by)
                    SELECT DISTINCT 'channel', s.channel, 'bench claim', 'bench' FROM bench_due_steps b JOIN schedule_steps s ON s.id = b.id
                    RETURNING target
                    """,
                    logger: logger
                ).collect()
                claims.pausedChannels = try paused.map { try $0.decode(String.self) }.sorted()
                for _ in 0..<settings.pausedClaims {
                    let now = clock.now()
                    let before = ContinuousClock.now
                    let summary = try await store.claimAndDispatch(now: now, batchSize: settings.batchSize) { steps in
                        decider.plan(steps, now: now)
                    }
                    claims.pausedClaimMilliseconds.append((ContinuousClock.now - before) / .milliseconds(1))
                    claims.claimedWhilePaused += summary.claimed
                }
                try await client.query("DELETE FROM operator_pauses WHERE paused_by = 'bench'", logger: logger)
            }
            var claimed = 0
            let wallStart = ContinuousClock.now
            while true {
                let now = clock.now()
                let before = ContinuousClock.now
                let summary = try await store.claimAndDispatch(now: now, batchSize: settings.batchSize) { steps in
                    decider.plan(steps, now: now)
                }
                let milliseconds = (ContinuousClock.now - before) / .milliseconds(1)
                guard summary.claimed > 0 else {
                    claims.emptyClaimMilliseconds = milliseconds
                    break
                }
                claimed += summary.claimed
                claims.batches.append(.init(milliseconds: milliseconds, steps: summary.claimed, jobs: summary.jobs))
                claims.cancelled += summary.cancelled
                claims.deferred += summary.deferred
                if claims.plans.isEmpty, claims.batches.count >= 5 || claimed * 2 >= settings.due, claimed < settings.due {
                    claims.explainedAfter = claims.batches.count
                    claims.plans = try await ClaimPlans.explain(client: client, now: clock.now(), batchSize: settings.batchSize,
                                                                logger: logger)
                }
            }
            claims.wallSeconds = (ContinuousClock.now - wallStart) / .seconds(1)
            if claims.plans.isEmpty { claims.plans = ["(no plan: every due step went in the first claim)"] }
            return claims
        }
        report.claims = claims
        let dueLeft = try await PostgresClient.withRunningClient(url, logger: logger) { client in
            try await BenchRunner.count(
                "SELECT count(*)::int8 FROM bench_due_steps b JOIN schedule_steps s ON s.id = b.id WHERE s.pending",
                on: client, logger: logger)
        }
        report.dueLeft = dueLeft
        return report
    }
}

/// The plans of one claim's two statements, as the claims run them.
enum ClaimPlans {
    /// Runs the claim's prepared statements (found in this session's `pg_prepared_statements`)
    /// under `EXPLAIN (ANALYZE, BUFFERS) EXECUTE`, the debtors' locks taken by the first
    /// statement then read by the second, and rolls back. `client` must have one connection,
    /// the one the claims ran on.
    static func explain(client: PostgresClient, now: Date, batchSize: Int, logger: Logger) async throws -> [String] {
        try await client.withConnection { connection in
            var names: [String: String] = [:]
            let rows = try await connection.query("SELECT name FROM pg_prepared_statements", logger: logger)
            for try await name in rows.decode(String.self) {
                if name.hasSuffix("DispatchStore.LockDebtors") { names["lock"] = name }
                if name.hasSuffix("DispatchStore.Claim") { names["claim"] = name }
            }
            guard let lock = names["lock"], let claim = names["claim"] else {
                return ["(the claim's prepared statements were not found in the session: \(names))"]
            }
            // EXECUTE takes its arguments as SQL literals; they are values made here (a
            // moment, a number, UUIDs read back), never input.
            let moment = literal(now)
            let since = literal(now.addingTimeInterval(-8 * 86_400))
            var lines: [String] = []
            try await connection.query("BEGIN", logger: logger)
            do {
                lines.append("LockDebtors (\(lock)), EXECUTE with now = \(moment), batch size \(batchSize):")
                lines += try await plan(PostgresQuery(unsafeSQL: "EXPLAIN (ANALYZE, BUFFERS) EXECUTE \(identifier(lock))(\(moment), \(batchSize))"),
                                        on: connection, logger: logger)
                var tenants: [UUID] = []
                var debtors: [UUID] = []
                let locked = try await connection.query(
                    PostgresQuery(unsafeSQL: "EXECUTE \(identifier(lock))(\(moment), \(batchSize))"), logger: logger)
                for try await (tenant, debtor) in locked.decode((UUID, UUID).self) {
                    tenants.append(tenant)
                    debtors.append(debtor)
                }
                lines.append("")
                lines.append("Claim (\(claim)), EXECUTE for the \(debtors.count) debtors locked:")
                lines += try await plan(
                    PostgresQuery(unsafeSQL: "EXPLAIN (ANALYZE, BUFFERS) EXECUTE \(identifier(claim))(\(moment), \(literal(tenants)), \(literal(debtors)), \(since))"),
                    on: connection, logger: logger)
                try await connection.query("ROLLBACK", logger: logger)
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
            return lines
        }
    }

    private static func plan(_ query: PostgresQuery, on connection: PostgresConnection, logger: Logger) async throws -> [String] {
        var lines: [String] = []
        let rows = try await connection.query(query, logger: logger)
        for try await line in rows.decode(String.self) { lines.append("    " + line) }
        return lines
    }

    private static func identifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func literal(_ moment: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return "'\(formatter.string(from: moment))'::timestamptz"
    }

    private static func literal(_ ids: [UUID]) -> String {
        "'{\(ids.map(\.uuidString).joined(separator: ","))}'::uuid[]"
    }
}

/// What `relance bench claim` measured.
public struct ClaimReport: Sendable {
    struct Tables: Sendable {
        var invoices = 0
        var scheduleSteps = 0
        var plannedSteps = 0
        var debtors = 0
        var jobs = 0
        var scheduleStepsMiB = 0.0
        var invoicesMiB = 0.0
    }

    struct Claims: Sendable {
        struct Batch: Sendable {
            var milliseconds: Double
            var steps: Int
            var jobs: Int
        }
        var batches: [Batch] = []
        var emptyClaimMilliseconds = 0.0
        var wallSeconds = 0.0
        var cancelled = 0
        var deferred = 0
        var explainedAfter = 0
        var plans: [String] = []
        var pausedChannels: [String] = []
        var pausedClaimMilliseconds: [Double] = []
        var claimedWhilePaused = 0
    }

    var command: String
    var settings: ClaimBenchmark.Settings
    var dueSeedSeconds = 0.0
    var historySeedSeconds = 0.0
    var history = HistorySeeder.History()
    var tables = Tables()
    var claims = Claims()
    var dueLeft = 0

    /// Every due step was claimed and planned (none cancelled or deferred).
    public var ok: Bool { dueLeft == 0 && claims.cancelled == 0 && claims.deferred == 0 && claims.claimedWhilePaused == 0 }

    public func text() -> String {
        func f(_ value: Double, _ places: Int = 1) -> String { String(format: "%.\(places)f", value) }
        #if DEBUG
        let build = "debug"
        #else
        let build = "release"
        #endif
        let times = claims.batches.map(\.milliseconds)
        let steps = claims.batches.reduce(0) { $0 + $1.steps }
        let claimSeconds = times.reduce(0, +) / 1000
        var lines = [
            "relance bench claim — \(command)",
            "build \(build), \(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(f(ResourceUsage.loadAverage(), 2))",
            "",
            "tables         invoices \(tables.invoices), schedule_steps \(tables.scheduleSteps) (planned \(tables.plannedSteps), due now \(settings.due)), debtors \(tables.debtors), jobs \(tables.jobs)",
            "               schedule_steps \(f(tables.scheduleStepsMiB, 0)) MiB, invoices \(f(tables.invoicesMiB, 0)) MiB (with indexes and TOAST)",
            "seeding        due: \(settings.due) invoices in \(f(dueSeedSeconds)) s (BenchSeeder, InvoiceIntake)",
            "               history: \(history.invoices) invoices, \(history.steps) steps, \(history.jobs) done jobs with outcomes, \(history.debtors) debtors in \(f(historySeedSeconds)) s (set-based SQL, then VACUUM ANALYZE)",
            "",
            "claims         \(claims.batches.count) batches of up to \(settings.batchSize) steps, \(steps) steps, \(claims.batches.reduce(0) { $0 + $1.jobs }) jobs",
            "ms per claim   median \(f(times.percentile(0.5))), p90 \(f(times.percentile(0.9))), max \(f(times.max() ?? 0)), min \(f(times.min() ?? 0)); the last, empty claim \(f(claims.emptyClaimMilliseconds))",
            "steps/s        \(f(claimSeconds > 0 ? Double(steps) / claimSeconds : 0, 0)) (claim transactions only); \(f(claims.wallSeconds > 0 ? Double(steps) / claims.wallSeconds : 0, 0)) over the \(f(claims.wallSeconds, 2)) s of the loop, the EXPLAIN included",
            "per batch      " + claims.batches.map { "\(f($0.milliseconds, 0))ms/\($0.steps)" }.joined(separator: " "),
        ]
        if !claims.pausedClaimMilliseconds.isEmpty {
            let paused = claims.pausedClaimMilliseconds
            lines.append(
                "paused         \(paused.count) claims with channel \(claims.pausedChannels.joined(separator: ", ")) paused (every due step): "
                    + "median \(f(paused.percentile(0.5))) ms, max \(f(paused.max() ?? 0)) ms; \(claims.claimedWhilePaused) steps claimed"
                    + (claims.claimedWhilePaused == 0 ? "" : "  ← NOT OK"))
        }
        lines += [
            "check          \(dueLeft) due steps left, \(claims.cancelled) cancelled, \(claims.deferred) deferred\(ok ? "" : "  ← NOT OK")",
            "",
            claims.explainedAfter > 0 ? "plans (EXPLAIN (ANALYZE, BUFFERS) EXECUTE of the claim's prepared statements after claim \(claims.explainedAfter), rolled back):" : "plans:",
        ]
        lines += claims.plans
        return lines.joined(separator: "\n")
    }
}
