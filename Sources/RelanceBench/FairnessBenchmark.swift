import AMQP
import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelancePipeline
import RelanceRuntime
import RelanceStore
import ServiceLifecycle

/// `relance bench fairness`: whether a tenant with a few due steps waits behind one with very
/// many, and whether the share of the batch a tenant cannot use goes to the others.
///
/// 1. Seeds `big` due steps for one tenant and `small` for another, runs the whole pipeline in
///    this process as `relance run` does (its services — dispatcher, relay, reconciler,
///    workers — in one `ServiceGroup`, record-only channels, the bench clock), and stops it
///    gracefully `linger` seconds after the small tenant's last outcome: the big tenant's
///    steps are not all carried out. From the database: when the small tenant's last outcome
///    was committed and how many of the big tenant's were by then, and the steps of each claim
///    (jobs of one claim share their creation moment).
/// 2. Then seeds `fewTenants` more tenants with `few` due steps each beside the big tenant's
///    remaining ones, and claims batch after batch (the dispatcher's claim alone, no relay)
///    until those tenants have nothing due: the steps per claim against the batch size.
public struct FairnessBenchmark: Sendable {
    public struct Settings: Sendable {
        public var big: Int
        public var small: Int
        public var batchSize: Int
        public var fewTenants: Int
        public var few: Int
        /// Seconds the pipeline keeps running after the small tenant's last outcome.
        public var linger: Double
        public var consumersPerChannel: Int
        public var stallTimeout: Double
        public var database: String
        public var virtualHost: String
        public var keep: Bool

        public init(big: Int, small: Int, batchSize: Int, fewTenants: Int, few: Int, linger: Double, consumersPerChannel: Int,
                    stallTimeout: Double, database: String, virtualHost: String, keep: Bool) {
            self.big = big
            self.small = small
            self.batchSize = batchSize
            self.fewTenants = fewTenants
            self.few = few
            self.linger = linger
            self.consumersPerChannel = consumersPerChannel
            self.stallTimeout = stallTimeout
            self.database = database
            self.virtualHost = virtualHost
            self.keep = keep
        }
    }

    let settings: Settings
    let setup: BenchSetup
    let broker: BenchBroker
    let day: CalendarDate
    let command: String
    let logger: Logger
    let progress: @Sendable (String) -> Void

    public init(settings: Settings, configuration: RelanceConfiguration, managementURL: String?, day: CalendarDate,
                command: String, logger: Logger, progress: @escaping @Sendable (String) -> Void) throws {
        self.settings = settings
        self.setup = try BenchSetup(configuration: configuration, database: settings.database)
        self.broker = try BenchBroker(configuration: configuration, virtualHost: settings.virtualHost, managementURL: managementURL)
        self.day = day
        self.command = command
        self.logger = logger
        self.progress = progress
    }

    /// Runs both parts, then deletes the virtual host and drops the database (unless `settings.keep`).
    public func run() async throws -> FairnessReport {
        try await setup.withOwnServices(broker: broker, keep: settings.keep, logger: logger, progress: progress) {
            try await measure()
        }
    }

    private func measure() async throws -> FairnessReport {
        var report = FairnessReport(command: command, settings: settings)
        let url = setup.database.url
        let start = ContinuousClock.now
        progress("seeding \(settings.small) due steps for the small tenant, then \(settings.big) for the big one")
        let (small, big) = try await PostgresClient.withRunningClient(url, logger: logger) { client in
            let seeder = BenchSeeder(client: client, logger: logger, day: day)
            _ = try await seeder.seed(reminders: settings.small, tenants: 1, invoicesPerDebtor: 1)
            let small = try await Self.tenants(client: client, logger: logger)
            // The seeder keeps its due steps in bench_due_steps; the second seed writes it anew, with both tenants'.
            try await client.query("DROP TABLE bench_due_steps", logger: logger)
            _ = try await seeder.seed(reminders: settings.big, tenants: 1, invoicesPerDebtor: 1)
            let big = try await Self.tenants(client: client, logger: logger).subtracting(small)
            guard let small = small.first, let big = big.first else { throw CommandFailure("the seed did not make two tenants") }
            return (small, big)
        }
        report.seedSeconds = (ContinuousClock.now - start) / .seconds(1)

        report.pipeline = try await runPipeline(small: small, big: big)
        report.fill = try await fillClaims(big: big)
        return report
    }

    private static func tenants(client: PostgresClient, logger: Logger) async throws -> Set<UUID> {
        var ids = Set<UUID>()
        let rows = try await client.query("SELECT id FROM tenants", logger: logger)
        for try await id in rows.decode(UUID.self) { ids.insert(id) }
        return ids
    }

    // MARK: - Part 1: the pipeline, until the small tenant is done

    private func runPipeline(small: UUID, big: UUID) async throws -> FairnessReport.Pipeline {
        let clock = BenchClock(day: day)
        var pipeline = PipelineSettings(roles: .all)
        pipeline.dispatcher.batchSize = settings.batchSize
        pipeline.worker.consumersPerChannel = settings.consumersPerChannel
        let services = try buildPipelineServices(
            database: setup.database.url, amqp: broker.amqp, settings: pipeline, reference: setup.reference,
            channels: recordingChannels(setup.reference), clock: clock, logger: logger
        )
        // The queues exist before the relay publishes (the workers declare them too).
        let connection = try await AMQPConnection.connect(broker.amqp, logger: logger)
        do {
            try await services.broker.topology.declare(on: connection)
        } catch {
            await connection.close()
            throw error
        }
        await connection.close()

        var configuration = ServiceGroupConfiguration(services: services.services, logger: logger)
        configuration.maximumGracefulShutdownDuration = services.shutdownDeadline
        configuration.maximumCancellationDuration = .seconds(5)
        let group = ServiceGroup(configuration: configuration)
        let since = clock.now().addingTimeInterval(-60)
        let settings = self.settings
        let logger = self.logger
        let progress = self.progress

        progress("running the pipeline (dispatcher, relay, workers in this process) until the small tenant's \(settings.small) outcomes are in")
        let wallStart = Date()
        let running = Task { try await group.run() }
        var result = FairnessReport.Pipeline()
        do {
            result = try await PostgresClient.withRunningClient(setup.database.url, logger: logger) { client in
                var result = FairnessReport.Pipeline()
                var last = (count: -1, at: ContinuousClock.now)
                while true {
                    let done = try await BenchRunner.count(
                        "SELECT count(*)::int8 FROM job_outcomes WHERE tenant_id = \(small) AND completed_at >= \(since)",
                        on: client, logger: logger)
                    if done >= settings.small { break }
                    if done != last.count {
                        last = (done, ContinuousClock.now)
                    } else if ContinuousClock.now - last.at > Duration.seconds(settings.stallTimeout) {
                        result.stalled = "the small tenant had \(done) of \(settings.small) outcomes and none came for \(Int(settings.stallTimeout)) s"
                        break
                    }
                    try await Task.sleep(for: .milliseconds(100))
                }
                result.smallSeenSeconds = Date().timeIntervalSince(wallStart)
                if result.stalled == nil {
                    progress("the small tenant is done; the pipeline runs \(settings.linger) s more")
                    try await Task.sleep(for: .milliseconds(Int(settings.linger * 1000)))
                }
                return result
            }
        } catch {
            await group.triggerGracefulShutdown()
            _ = try? await running.value
            await services.broker.close()
            throw error
        }
        result.stopSeconds = Date().timeIntervalSince(wallStart)
        progress("stopping the pipeline (graceful shutdown)")
        await group.triggerGracefulShutdown()
        try await running.value
        await services.broker.close()
        result.stoppedSeconds = Date().timeIntervalSince(wallStart)

        // What the database says, in bench-clock moments turned into seconds from the start.
        let counted = result
        result = try await PostgresClient.withRunningClient(setup.database.url, logger: logger) { client in
            var result = counted
            func seconds(_ moment: Date?) -> Double? { moment.map { clock.real($0).timeIntervalSince(wallStart) } }
            let firsts = try await client.query(
                """
                SELECT (SELECT min(created_at) FROM jobs WHERE created_at >= \(since)),
                       (SELECT max(completed_at) FROM job_outcomes WHERE tenant_id = \(small) AND completed_at >= \(since)),
                       (SELECT min(completed_at) FROM job_outcomes WHERE completed_at >= \(since))
                """, logger: logger)
            var smallLast: Date?
            for try await (firstClaim, lastSmall, firstOutcome) in firsts.decode((Date?, Date?, Date?).self) {
                result.firstClaimSeconds = seconds(firstClaim)
                result.smallLastSeconds = seconds(lastSmall)
                result.firstOutcomeSeconds = seconds(firstOutcome)
                smallLast = lastSmall
            }
            result.smallDone = try await BenchRunner.count(
                "SELECT count(*)::int8 FROM job_outcomes WHERE tenant_id = \(small) AND completed_at >= \(since)", on: client, logger: logger)
            if let smallLast {
                result.bigDoneBySmallLast = try await BenchRunner.count(
                    """
                    SELECT count(*)::int8 FROM job_outcomes
                    WHERE tenant_id = \(big) AND completed_at >= \(since) AND completed_at <= \(smallLast)
                    """, on: client, logger: logger)
            }
            result.bigDoneAtStop = try await BenchRunner.count(
                "SELECT count(*)::int8 FROM job_outcomes WHERE tenant_id = \(big) AND completed_at >= \(since)", on: client, logger: logger)
            result.bigClaimedAtStop = try await BenchRunner.count(
                "SELECT coalesce(sum(json_array_length(payload -> 'steps')), 0)::int8 FROM jobs WHERE tenant_id = \(big) AND created_at >= \(since)",
                on: client, logger: logger)
            // One claim's jobs share their creation moment (the claim's `now`).
            let claims = try await client.query(
                """
                SELECT created_at, sum(json_array_length(payload -> 'steps'))::int8,
                       coalesce(sum(json_array_length(payload -> 'steps')) FILTER (WHERE tenant_id = \(small)), 0)::int8
                FROM jobs WHERE created_at >= \(since) GROUP BY created_at ORDER BY created_at
                """, logger: logger)
            for try await (moment, steps, smallSteps) in claims.decode((Date, Int, Int).self) {
                result.claims.append(.init(seconds: seconds(moment) ?? 0, steps: steps, smallSteps: smallSteps))
            }
            return result
        }
        return result
    }

    // MARK: - Part 2: several tenants, some with few due steps

    private func fillClaims(big: UUID) async throws -> FairnessReport.Fill {
        let settings = self.settings
        let day = self.day
        let logger = self.logger
        progress("seeding \(settings.fewTenants) tenants with \(settings.few) due steps each, beside the big tenant's remaining ones")
        let fewTenants = try await PostgresClient.withRunningClient(setup.database.url, logger: logger) { client in
            let before = try await Self.tenants(client: client, logger: logger)
            try await client.query("DROP TABLE bench_due_steps", logger: logger)
            _ = try await BenchSeeder(client: client, logger: logger, day: day)
                .seed(reminders: settings.fewTenants * settings.few, tenants: settings.fewTenants, invoicesPerDebtor: 1)
            return Array(try await Self.tenants(client: client, logger: logger).subtracting(before))
        }
        progress("claiming batches of \(settings.batchSize) until those tenants have nothing due")
        let decider = DispatchDecider(complianceRules: setup.reference.complianceRules)
        return try await setup.withClient(connections: 2, logger: logger) { client in
            let store = DispatchStore(client: client, logger: logger)
            let clock = BenchClock(day: day)
            func dueLeft(_ tenants: [UUID], at now: Date) async throws -> Int {
                try await BenchRunner.count(
                    "SELECT count(*)::int8 FROM schedule_steps WHERE tenant_id = ANY(\(tenants)) AND pending AND due_at <= \(now)",
                    on: client, logger: logger)
            }
            var fill = FairnessReport.Fill()
            fill.bigDueAtStart = try await dueLeft([big], at: clock.now())
            var fewLeft = try await dueLeft(fewTenants, at: clock.now())
            while fewLeft > 0, fill.claims.count < 1_000 {
                let now = clock.now()
                let summary = try await store.claimAndDispatch(now: now, batchSize: settings.batchSize) { steps in
                    decider.plan(steps, now: now)
                }
                let left = try await dueLeft(fewTenants, at: clock.now())
                fill.claims.append(.init(steps: summary.claimed, fewSteps: fewLeft - left))
                fewLeft = left
                if summary.claimed == 0 { break }
            }
            // And one claim once they are done: the big tenant alone.
            let now = clock.now()
            let after = try await store.claimAndDispatch(now: now, batchSize: settings.batchSize) { steps in decider.plan(steps, now: now) }
            fill.claimAfter = after.claimed
            fill.fewLeft = fewLeft
            return fill
        }
    }
}

/// What `relance bench fairness` measured.
public struct FairnessReport: Sendable {
    struct Claim: Sendable {
        var seconds: Double
        var steps: Int
        var smallSteps: Int
    }

    struct Pipeline: Sendable {
        var firstClaimSeconds: Double?
        var firstOutcomeSeconds: Double?
        var smallLastSeconds: Double?
        var smallSeenSeconds = 0.0
        var smallDone = 0
        var bigDoneBySmallLast = 0
        var bigDoneAtStop = 0
        var bigClaimedAtStop = 0
        var stopSeconds = 0.0
        var stoppedSeconds = 0.0
        var claims: [Claim] = []
        var stalled: String?
    }

    struct Fill: Sendable {
        struct Claim: Sendable {
            var steps: Int
            var fewSteps: Int
        }
        var bigDueAtStart = 0
        var claims: [Claim] = []
        var claimAfter = 0
        var fewLeft = 0
    }

    var command: String
    var settings: FairnessBenchmark.Settings
    var seedSeconds = 0.0
    var pipeline = Pipeline()
    var fill = Fill()

    /// The small tenant was served and the few tenants' steps were all claimed.
    public var ok: Bool { pipeline.stalled == nil && pipeline.smallDone >= settings.small && fill.fewLeft == 0 }

    public func text() -> String {
        func f(_ value: Double?, _ places: Int = 2) -> String { value.map { String(format: "%.\(places)f", $0) } ?? "-" }
        #if DEBUG
        let build = "debug"
        #else
        let build = "release"
        #endif
        let p = pipeline
        let smallClaims = p.claims.filter { $0.smallSteps > 0 }
        let moments: [String] = p.claims.prefix(30).map { claim in "\(f(claim.seconds)) s \(claim.steps)" }
        let timeline = moments.joined(separator: ", ") + (p.claims.count > 30 ? ", …" : "")
        let beforeSmallDone = p.claims.filter { claim in claim.seconds <= (p.smallLastSeconds ?? -1) }
        var lines = [
            "relance bench fairness — \(command)",
            "build \(build), \(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(f(ResourceUsage.loadAverage()))",
            "seeded \(settings.big) due steps for the big tenant and \(settings.small) for the small one (BenchSeeder) in \(f(seedSeconds, 1)) s",
            "",
            "1. pipeline in this process (relance run's services, record-only channels), dispatcher batch \(settings.batchSize), \(settings.consumersPerChannel) consumer(s) per channel",
            "   first claim            \(f(p.firstClaimSeconds)) s after the start, first outcome \(f(p.firstOutcomeSeconds)) s",
            "   small tenant           last of its \(p.smallDone) outcomes committed at \(f(p.smallLastSeconds)) s (seen by the poll at \(f(p.smallSeenSeconds)) s)",
            "   big tenant by then     \(p.bigDoneBySmallLast) outcomes",
            "   stopped                at \(f(p.stopSeconds)) s (\(f(settings.linger, 1)) s after the small tenant was seen done; graceful shutdown over at \(f(p.stoppedSeconds)) s) — not run to the end:",
            "                          the big tenant had \(p.bigClaimedAtStop) of \(settings.big) steps claimed and \(p.bigDoneAtStop) outcomes",
            "   claims with the small tenant's steps: " + (smallClaims.isEmpty ? "none" : smallClaims.map { "at \(f($0.seconds)) s \($0.steps) steps (\($0.smallSteps) small)" }.joined(separator: "; ")),
            "   claims made by then    \(beforeSmallDone.count): " + beforeSmallDone.map { "\($0.steps)" }.joined(separator: " "),
            "   every claim (its moment, steps): " + timeline,
            "   all claims of the run  \(p.claims.count), \(f(p.claims.isEmpty ? nil : Double(p.claims.reduce(0) { $0 + $1.steps }) / Double(p.claims.count), 0)) steps per claim on average (batch \(settings.batchSize))",
        ]
        if let stalled = p.stalled { lines.append("   STALLED: \(stalled)") }
        let fewClaims = fill.claims.filter { $0.fewSteps > 0 }
        // Every claim of part 2 was made while they still had steps due.
        let average = fill.claims.isEmpty ? nil : Double(fill.claims.reduce(0) { $0 + $1.steps }) / Double(fill.claims.count)
        lines += [
            "",
            "2. \(settings.fewTenants) tenants with \(settings.few) due steps each, beside the big tenant's \(fill.bigDueAtStart) still due; the dispatcher's claim alone, batch \(settings.batchSize)",
            "   claims until they had nothing due: \(fill.claims.count) — " + fill.claims.map { "\($0.steps) (\($0.fewSteps) theirs)" }.joined(separator: ", "),
            "   steps per claim        \(f(average, 0)) on average while they had steps due, against a batch of \(settings.batchSize) (\(f(average.map { $0 * 100 / Double(settings.batchSize) }, 0)) % filled)",
            "   the claim after        \(fill.claimAfter) steps (the big tenant alone)",
            "   claims with their steps \(fewClaims.count); due steps of theirs left \(fill.fewLeft)",
        ]
        return lines.joined(separator: "\n")
    }
}
