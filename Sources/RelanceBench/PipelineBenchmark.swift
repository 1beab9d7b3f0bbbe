import AMQP
import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelancePipeline
import RelanceRuntime
import RelanceStore

/// `relance bench pipeline`: seeds due steps in a database and a virtual host of its own,
/// runs the whole pipeline in this process, measures it, checks that every seeded step got
/// exactly one outcome, and cleans up.
public struct PipelineBenchmark: Sendable {
    let settings: BenchSettings
    let setup: BenchSetup
    let broker: BenchBroker
    let day: CalendarDate
    let command: String
    let logger: Logger
    /// Progress lines (stderr).
    let progress: @Sendable (String) -> Void

    var database: BenchDatabase { setup.database }
    var reference: ReferenceData { setup.reference }

    /// The benchmark against the configured services: a database (`settings.database`) and a
    /// virtual host (`settings.virtualHost`) of its own on the configured PostgreSQL and
    /// RabbitMQ, with the migrations and reference data of the schemas directory.
    /// Where the real channels send and write (`--channels real`).
    let configuration: RelanceConfiguration

    public init(
        settings: BenchSettings, configuration: RelanceConfiguration, managementURL: String?, day: CalendarDate,
        command: String, logger: Logger, progress: @escaping @Sendable (String) -> Void
    ) throws {
        self.settings = settings
        self.configuration = configuration
        self.setup = try BenchSetup(configuration: configuration, database: settings.database)
        self.broker = try BenchBroker(configuration: configuration, virtualHost: settings.virtualHost, managementURL: managementURL)
        self.day = day
        self.command = command
        self.logger = logger
        self.progress = progress
    }

    /// Runs the benchmark and removes its database (unless `settings.keep`) and virtual host.
    public func run() async throws -> BenchReport {
        try await setup.withOwnServices(broker: broker, keep: settings.keep, logger: logger, progress: progress) {
            try await measure()
        }
    }

    private func measure() async throws -> BenchReport {
        let seedStart = Date()
        progress("seeding \(settings.reminders) due steps across \(settings.tenants) tenants")
        let seed = try await PostgresClient.withRunningClient(database.url, logger: logger) { client in
            try await BenchSeeder(client: client, logger: logger, day: day)
                .seed(reminders: settings.reminders, tenants: settings.tenants, invoicesPerDebtor: settings.invoicesPerDebtor)
        }
        let seedSeconds = Date().timeIntervalSince(seedStart)
        guard seed.totalDueSteps == settings.reminders else {
            throw CommandFailure("seeding produced \(seed.totalDueSteps) due steps instead of \(settings.reminders): \(seed.dueSteps)")
        }

        let loadBefore = ResourceUsage.loadAverage()
        progress("running dispatcher, relay and workers (load average \(loadBefore))")
        let runner = BenchRunner(settings: settings, database: database.url, amqp: broker.amqp, reference: reference,
                                 day: day, configuration: configuration, logger: logger)
        let outcome = try await runner.run()
        progress("verifying")

        // Jobs of this run (the seeded history's are 15 days older on the bench clock).
        let since = outcome.firstClaim.addingTimeInterval(outcome.clock.offset - 60)
        let results = try await PostgresClient.withRunningClient(database.url, logger: logger) { client in
            try await BenchResults.read(client: client, since: since, logger: logger)
        }
        let leftInQueues = try await messagesLeft()

        var problems: [String] = []
        if let stalled = outcome.stalled { problems.append(stalled) }
        if results.stepsWithOneOutcome != results.seededSteps {
            problems.append("\(results.seededSteps - results.stepsWithOneOutcome) of \(results.seededSteps) seeded steps have no outcome (or not one that contacted the debtor)")
        }
        if results.stepsInSeveralJobs > 0 { problems.append("\(results.stepsInSeveralJobs) steps were put in more than one job") }
        if results.stepsInJobs != results.seededSteps {
            problems.append("jobs carry \(results.stepsInJobs) steps, \(results.seededSteps) were seeded")
        }
        if results.debtorChannelsTwice > 0 {
            problems.append("\(results.debtorChannelsTwice) (debtor, channel) pairs were given more than one job")
        }
        if results.outcomes != results.jobs { problems.append("\(results.jobs) jobs but \(results.outcomes) outcomes") }
        if settings.composeMessages && results.renderedMessages != results.outcomes {
            problems.append("\(results.outcomes - results.renderedMessages) outcomes record no rendered message")
        }
        if leftInQueues > 0 { problems.append("\(leftInQueues) messages left in the job and dead-letter queues") }
        if outcome.probe.stepsCancelled + outcome.probe.stepsDeferred > 0 {
            problems.append("the dispatcher cancelled \(outcome.probe.stepsCancelled) and deferred \(outcome.probe.stepsDeferred) steps")
        }

        let elapsed = outcome.lastOutcome.timeIntervalSince(outcome.firstClaim)
        func seconds(_ date: Date?) -> Double { (date ?? outcome.firstClaim).timeIntervalSince(outcome.firstClaim) }
        let state = outcome.probe
        let phases = [
            BenchReport.Phase(name: "dispatch", start: seconds(state.dispatch.start), end: seconds(state.dispatch.end),
                              items: state.dispatch.count, passes: state.dispatch.passes, cpuSeconds: outcome.phaseCPU["dispatch"]),
            BenchReport.Phase(name: "publish", start: seconds(state.publish.start), end: seconds(state.publish.end),
                              items: state.publish.count, passes: state.publish.passes, cpuSeconds: outcome.phaseCPU["publish"]),
            BenchReport.Phase(name: "work", start: seconds(state.work.start), end: elapsed,
                              items: results.outcomes, passes: state.work.passes, cpuSeconds: outcome.phaseCPU["work"]),
        ]
        let overlap = max(0, (phases.map(\.end).min() ?? 0) - (phases.map(\.start).max() ?? 0))
        let channels = state.channels.sorted { $0.key < $1.key }.map { name, span in
            BenchReport.ChannelRate(
                channel: name, jobs: span.jobs, reminders: span.reminders,
                start: seconds(span.start), end: seconds(span.end), actionSeconds: span.actionSeconds
            )
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = BenchClock.zone
        formatter.dateFormat = "EEE yyyy-MM-dd HH:mm:ss 'Europe/Paris'"
        #if DEBUG
        let build = "debug"
        #else
        let build = "release"
        #endif
        return BenchReport(
            command: command,
            build: build,
            cores: ProcessInfo.processInfo.activeProcessorCount,
            benchClock: formatter.string(from: outcome.firstClaim.addingTimeInterval(outcome.clock.offset)),
            settings: settings,
            seed: BenchReport.Seed(tenants: seed.tenants, debtors: seed.debtors, invoices: seed.invoices, dueSteps: seed.dueSteps),
            seedSeconds: seedSeconds.rounded(places: 2),
            remindersPerSecond: elapsed > 0 ? (Double(results.seededSteps) / elapsed).rounded() : 0,
            jobsPerSecond: elapsed > 0 ? (Double(results.jobs) / elapsed).rounded() : 0,
            elapsed: elapsed.rounded(places: 4),
            phases: phases,
            channels: channels,
            allPhasesOverlap: overlap.rounded(places: 4),
            latency: results.latency,
            outcomes: results.outcomeKinds,
            peakMemoryMib: ResourceUsage.peakMemoryMib().rounded(places: 1),
            cpuSeconds: outcome.cpu,
            loadAverageBefore: loadBefore.rounded(places: 2),
            verification: BenchReport.Verification(
                ok: problems.isEmpty, seededSteps: results.seededSteps, stepsWithOneOutcome: results.stepsWithOneOutcome,
                stepsInSeveralJobs: results.stepsInSeveralJobs, debtorChannelsTwice: results.debtorChannelsTwice, jobs: results.jobs, outcomes: results.outcomes,
                renderedMessages: results.renderedMessages,
                messagesLeftInQueues: leftInQueues, problems: problems
            )
        )
    }

    /// Messages still in the job queues and the dead-letter queues once the workers stopped.
    private func messagesLeft() async throws -> Int {
        let connection = try await AMQPConnection.connect(broker.amqp, logger: logger)
        var total = 0
        do {
            for channel in JobTopology.queueChannels {
                total += try await connection.queueInfo(JobTopology.queue(for: channel)).messageCount
                total += try await connection.queueInfo(JobTopology.deadLetterQueue(for: channel)).messageCount
            }
        } catch {
            await connection.close()
            throw error
        }
        await connection.close()
        return total
    }
}

/// What the database says after a run.
struct BenchResults: Sendable {
    var seededSteps = 0
    var stepsWithOneOutcome = 0
    var stepsInJobs = 0
    var stepsInSeveralJobs = 0
    /// (debtor, channel) pairs given more than one job by this run: each is a debtor contacted
    /// twice on one channel the same day.
    var debtorChannelsTwice = 0
    var jobs = 0
    var outcomes = 0
    /// Outcomes whose detail names the rendered message's subject or title.
    var renderedMessages = 0
    var outcomeKinds: [String: Int] = [:]
    var latency = BenchReport.Latency(p50: 0, p90: 0, p99: 0, max: 0)

    /// Reads the results of the jobs created at or after `since` (bench clock).
    static func read(client: PostgresClient, since: Date, logger: Logger) async throws -> BenchResults {
        func count(_ query: PostgresQuery) async throws -> Int {
            try await BenchRunner.count(query, on: client, logger: logger)
        }
        var results = BenchResults()
        results.seededSteps = try await count("SELECT count(*)::int8 FROM bench_due_steps")
        results.stepsWithOneOutcome = try await count(
            """
            SELECT count(*)::int8 FROM bench_due_steps b
            JOIN schedule_steps s ON s.id = b.id
            JOIN job_outcomes o ON o.job_id = s.job_id
            WHERE s.status = 'done' AND o.outcome IN ('sent', 'task_created', 'prepared', 'recorded')
            """)
        let rows = try await client.query(
            """
            SELECT count(*)::int8, count(DISTINCT step)::int8 FROM (
                SELECT e ->> 'step_id' AS step FROM jobs j, json_array_elements(j.payload -> 'steps') e
                WHERE j.created_at >= \(since)
            ) AS carried
            """,
            logger: logger
        )
        for try await (carried, distinct) in rows.decode((Int, Int).self) {
            results.stepsInJobs = distinct
            results.stepsInSeveralJobs = carried - distinct
        }
        results.jobs = try await count("SELECT count(*)::int8 FROM jobs WHERE created_at >= \(since)")
        results.debtorChannelsTwice = try await count(
            """
            SELECT count(*)::int8 FROM (
                SELECT 1 FROM jobs WHERE created_at >= \(since) GROUP BY debtor_id, channel HAVING count(*) > 1
            ) AS twice
            """)
        results.outcomes = try await count(
            "SELECT count(*)::int8 FROM job_outcomes o JOIN jobs j ON j.id = o.job_id WHERE j.created_at >= \(since)")
        results.renderedMessages = try await count(
            """
            SELECT count(*)::int8 FROM job_outcomes o JOIN jobs j ON j.id = o.job_id
            WHERE j.created_at >= \(since)
              AND (o.detail ? 'subject' OR o.detail ? 'title' OR o.artefact_uri IS NOT NULL OR o.outcome = 'task_created')
            """)
        let kinds = try await client.query(
            """
            SELECT o.outcome, count(*)::int8 FROM job_outcomes o JOIN jobs j ON j.id = o.job_id
            WHERE j.created_at >= \(since) GROUP BY o.outcome
            """,
            logger: logger
        )
        for try await (kind, number) in kinds.decode((String, Int).self) { results.outcomeKinds[kind] = number }
        let latency = try await client.query(
            """
            SELECT coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms), 0)::float8,
                   coalesce(percentile_cont(0.9) WITHIN GROUP (ORDER BY ms), 0)::float8,
                   coalesce(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms), 0)::float8,
                   coalesce(max(ms), 0)::float8
            FROM (SELECT extract(epoch FROM o.completed_at - j.created_at)::float8 * 1000 AS ms
                  FROM jobs j JOIN job_outcomes o ON o.job_id = j.id WHERE j.created_at >= \(since)) AS l
            """,
            logger: logger
        )
        for try await (p50, p90, p99, max) in latency.decode((Double, Double, Double, Double).self) {
            results.latency = BenchReport.Latency(p50: p50.rounded(places: 1), p90: p90.rounded(places: 1),
                                                  p99: p99.rounded(places: 1), max: max.rounded(places: 1))
        }
        return results
    }
}
