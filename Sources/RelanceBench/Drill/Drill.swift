import AMQP
import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelancePipeline
import RelanceRuntime
import RelanceStore
import Synchronization

/// A fault a drill brings about in the middle of a run.
public enum DrillFault: String, CaseIterable, Sendable, Codable {
    /// No fault: the baseline the others are compared with (and, with --workers, the
    /// throughput of the roles as separate processes).
    case none
    /// kill -9 the process running the dispatcher and the relay; start another 3 s later.
    case killDispatcher = "kill-dispatcher"
    /// Restart PostgreSQL in immediate mode (every connection cut, crash recovery).
    case restartPostgres = "restart-postgres"
    /// SIGSTOP the broker node leading the email queue, long enough for heartbeats to be
    /// missed, then SIGCONT.
    case freezeBroker = "freeze-broker"
    /// kill -9 the broker node leading the email queue (a cluster: the others take over); it is
    /// started again once the run is over.
    case killBrokerNode = "kill-broker-node"
    /// Start two more worker processes, then stop two (SIGTERM) 10 s later.
    case resizeWorkers = "resize-workers"
}

/// What one drill run is: the faults, one run each, and the pipeline they strike.
public struct DrillSettings: Sendable {
    public var faults: [DrillFault]
    public var reminders: Int
    public var tenants: Int
    /// Worker processes at the start of each run.
    public var workers: Int
    /// The Erlang names of the broker nodes behind the AMQP URLs.
    public var brokerNodes: [String]
    /// The drill's database (created on the configured server) and virtual host.
    public var database: String
    public var virtualHost: String
    /// Outcomes committed, as a share of the steps, before the fault strikes.
    public var faultAfter: Double
    /// How long the frozen broker stays frozen.
    public var freeze: Duration
    /// Seconds without progress after which a run is declared stuck.
    public var stallTimeout: Double
    /// Where the roles' logs and the contact log go (one folder per run).
    public var directory: String

    public init(faults: [DrillFault], reminders: Int, tenants: Int, workers: Int, brokerNodes: [String],
                database: String, virtualHost: String, faultAfter: Double, freeze: Duration, stallTimeout: Double,
                directory: String) {
        self.faults = faults
        self.reminders = reminders
        self.tenants = tenants
        self.workers = workers
        self.brokerNodes = brokerNodes
        self.database = database
        self.virtualHost = virtualHost
        self.faultAfter = faultAfter
        self.freeze = freeze
        self.stallTimeout = stallTimeout
        self.directory = directory
    }
}

/// `relance drill`: for each fault, seeds due steps in a database and a virtual host of its
/// own, runs the pipeline as separate `relance dispatcher` and `relance worker` processes (the
/// commands an installation runs), brings the fault about once a share of the outcomes are in,
/// waits until every step has its outcome (or nothing moves for the stall timeout), and counts:
/// steps lost, steps acted on twice (the workers' contact log), and the time the pipeline took
/// to move again once the fault was over.
///
/// The roles run on the real clock. So that every seeded step is due and inside its contact
/// window now, the debtors live in a time zone where it is now between 09:10 and 10:30 on a
/// working day (the full mix of channels); when the whole world is in its weekend, in one where
/// it is daytime, with emails only (emails may be sent every day).
public struct Drill: Sendable {
    let settings: DrillSettings
    let configuration: RelanceConfiguration
    let database: BenchDatabase
    let migrations: [Migration]
    let schemasDirectory: String
    let broker: BrokerNodes
    let logger: Logger
    let progress: @Sendable (String) -> Void

    public init(settings: DrillSettings, configuration: RelanceConfiguration, logger: Logger,
                progress: @escaping @Sendable (String) -> Void) throws {
        do {
            var locator = ResourceLocator()
            if let explicit = configuration.schemasDirectory { locator.environment[ResourceLocator.environmentVariable] = explicit }
            let schemas = try locator.schemasSubdirectory("migrations").deletingLastPathComponent()
            let script = schemas.deletingLastPathComponent().appendingPathComponent("deploy/cluster.sh").path
            self.settings = settings
            self.configuration = configuration
            database = try BenchDatabase(configured: try DatabaseURL(configuration.databaseURL), name: settings.database)
            migrations = try Migration.load(from: schemas.appendingPathComponent("migrations").path)
            schemasDirectory = schemas.path
            broker = BrokerNodes(names: settings.brokerNodes,
                                 clusterScript: FileManager.default.fileExists(atPath: script) ? script : nil)
            self.logger = logger
            self.progress = progress
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure("\(error)")
        }
    }

    /// Runs each fault's drill in turn.
    public func run() async throws -> [DrillReport] {
        var reports: [DrillReport] = []
        for fault in settings.faults {
            let report = try await run(fault)
            reports.append(report)
            // Each run's figures as soon as it is over, should a later one fail.
            progress(DrillReport.render([report], command: fault.rawValue).split(separator: "\n").dropFirst(2).prefix(2).joined(separator: "\n"))
        }
        return reports
    }

    /// The URLs of the drill's virtual host, for the roles; with a 10 s heartbeat unless they
    /// set one, so that a frozen node is noticed within the freeze (two missed heartbeats).
    var amqpURLs: String {
        configuration.amqpURL.replacingAMQPVirtualHost(with: settings.virtualHost).addingAMQPHeartbeat(seconds: 10)
    }

    private func run(_ fault: DrillFault) async throws -> DrillReport {
        let folder = URL(fileURLWithPath: settings.directory).appendingPathComponent(fault.rawValue).path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let contactLog = "\(folder)/contacts.jsonl"
        try? FileManager.default.removeItem(atPath: contactLog)

        progress("\(fault.rawValue): creating database \(settings.database) and virtual host \(settings.virtualHost)")
        try await database.create(migrations: migrations, logger: logger)
        let user = try AMQPConfiguration(url: String(amqpURLs.split(separator: ",")[0])).user
        try await broker.createVirtualHost(settings.virtualHost, user: user)

        let place = try DrillPlace.now()
        progress("\(fault.rawValue): seeding \(settings.reminders) due steps for debtors in \(place.zone.identifier) (local time \(place.localTime), \(place.groups.count == 1 ? "emails only" : "every channel"))")
        let runStart = Date()
        let seeded = try await PostgresClient.withRunningClient(database.url, logger: logger) { client in
            var seeder = BenchSeeder(client: client, logger: logger, day: place.day)
            seeder.shape = DebtorShape(timeZone: place.zone)
            seeder.groups = place.groups
            seeder.runStart = runStart
            return try await seeder.seed(reminders: settings.reminders, tenants: settings.tenants, invoicesPerDebtor: 1)
        }
        guard seeded.totalDueSteps == settings.reminders else {
            throw DrillError("seeding produced \(seeded.totalDueSteps) due steps instead of \(settings.reminders): \(seeded.dueSteps)")
        }

        let roles = DrillRoles(folder: folder, environment: roleEnvironment(), contactLog: contactLog)
        var timeline = DrillTimeline()
        var report: DrillReport
        do {
            // A broker node to strike is found before the roles start (the queues declared
            // here as the roles would), so that it is struck the moment the threshold is met.
            let target = try await brokerTarget(for: fault)
            try roles.startDispatcher()
            for _ in 0..<settings.workers { try roles.startWorker() }
            progress("\(fault.rawValue): pipeline running (1 dispatcher, \(settings.workers) workers); the fault strikes at \(Int(settings.faultAfter * 100)) % of the outcomes")
            timeline = try await watch(fault, target: target, roles: roles, total: settings.reminders)
            if fault == .killBrokerNode {
                progress("\(fault.rawValue): starting the killed node again (deploy/cluster.sh up)")
                try await broker.restartStopped()
            }
            if timeline.stalled == nil {
                // Deliveries whose acknowledgement a fault lost come back once the broker
                // notices, and copies a worker found in another's hands come back from a retry
                // queue; the workers skip them (their outcome is in). Let them drain: the queues
                // must stay empty for longer than the first retry delay, since a copy may be in
                // a worker's hands on its way to a retry queue when they look empty.
                let deadline = ContinuousClock.now + .seconds(90)
                let quiet = JobTopology.retryTiers[0] + .seconds(3)
                var emptySince: ContinuousClock.Instant?
                while ContinuousClock.now < deadline {
                    if (try await broker.messagesLeft(vhost: settings.virtualHost)).isEmpty {
                        let since = emptySince ?? ContinuousClock.now
                        emptySince = since
                        if ContinuousClock.now - since >= quiet { break }
                    } else {
                        emptySince = nil
                    }
                    try await Task.sleep(for: .seconds(1))
                }
            }
            await roles.stopAll()
            report = try await results(fault, timeline: timeline, contactLog: contactLog, folder: folder)
        } catch {
            await roles.stopAll()
            try? await broker.deleteVirtualHost(settings.virtualHost)
            throw error
        }
        try await broker.deleteVirtualHost(settings.virtualHost)
        try await database.drop(logger: logger)
        return report
    }

    /// The roles' environment: this process's, with the drill's database and virtual host.
    func roleEnvironment() -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["RELANCE_DATABASE_URL"] = database.url.urlWithPassword
        environment["RELANCE_AMQP_URL"] = amqpURLs
        environment["RELANCE_SCHEMAS_DIR"] = schemasDirectory
        environment["RELANCE_LOG_LEVEL"] = environment["RELANCE_DRILL_LOG_LEVEL"] ?? "notice"
        // The drill counts contacts in the record-only channels' contact log.
        environment["RELANCE_CHANNELS"] = "record"
        return environment
    }

    /// Follows the run, brings the fault about, and waits for the end.
    private func watch(_ fault: DrillFault, target: BrokerTarget?, roles: DrillRoles, total: Int) async throws -> DrillTimeline {
        let start = ContinuousClock.now
        func elapsed() -> Double { (ContinuousClock.now - start) / .seconds(1) }
        var timeline = DrillTimeline()
        let struck = StrikeResult()
        let go = GoSignal()
        var strike: Task<Void, Never>?
        var lastProgress = (claimed: -1, done: -1, at: 0.0)
        while true {
            let counts = await counters()
            let now = elapsed()
            if let counts {
                if counts.claimed != lastProgress.claimed || counts.done != lastProgress.done {
                    timeline.longestStall = max(timeline.longestStall, now - lastProgress.at)
                    lastProgress = (counts.claimed, counts.done, now)
                }
                if strike == nil {
                    // Readied now (a broker node's pid found), brought about at the threshold.
                    strike = Task {
                        let result: Result<DrillFaultRecord, any Error>
                        do { result = .success(try await self.strike(fault, target: target, roles: roles, since: start, go: go)) } catch { result = .failure(error) }
                        struck.value.withLock { $0 = result }
                    }
                }
                if timeline.atStrike == nil, Double(counts.done) >= settings.faultAfter * Double(total) {
                    timeline.atStrike = (counts.claimed, counts.done)
                    progress("\(fault.rawValue): \(counts.done) of \(total) outcomes in at \(String(format: "%.1f", now)) s: striking")
                    go.give()
                }
                if let record = timeline.fault, let end = record.end, timeline.recovered == nil {
                    // Moving again: both claims and outcomes past where they stood when the fault ended.
                    if let before = timeline.countsAtEnd {
                        let claimsMoved = counts.claimed > before.claimed || counts.claimed == total
                        let outcomesMoved = counts.done > before.done || counts.done == total
                        if claimsMoved && outcomesMoved { timeline.recovered = now - end }
                    } else {
                        timeline.countsAtEnd = (counts.claimed, counts.done)
                        if counts.claimed == total && counts.done == total { timeline.recovered = now - end }
                    }
                }
                if counts.done == total && timeline.fault?.end != nil {
                    timeline.finished = now
                    timeline.longestStall = max(timeline.longestStall, now - lastProgress.at)
                    return timeline
                }
            }
            if timeline.fault == nil, let result = struck.value.withLock({ $0 }) {
                let record = try result.get()
                timeline.fault = record
                progress("\(fault.rawValue): \(record.what)")
            }
            // Stuck: nothing moved for the stall timeout, before the fault struck or after it was over.
            if now - lastProgress.at > settings.stallTimeout, timeline.fault != nil || timeline.atStrike == nil {
                timeline.stalled = "no progress for \(Int(settings.stallTimeout)) s (\(lastProgress.done) of \(total) outcomes)"
                timeline.finished = now
                return timeline
            }
            try await Task.sleep(for: .milliseconds(250))
        }
    }

    /// Readies `fault` (finds its target), waits for `go`, brings the fault about, and returns
    /// what was done and when it was over.
    private func strike(_ fault: DrillFault, target: BrokerTarget?, roles: DrillRoles, since start: ContinuousClock.Instant,
                        go: GoSignal) async throws -> DrillFaultRecord {
        func elapsed() -> Double { (ContinuousClock.now - start) / .seconds(1) }
        await go.wait()
        let began = elapsed()
        switch fault {
        case .none:
            return DrillFault.noneRecord(at: began)
        case .killDispatcher:
            let pid = roles.killDispatcher()
            try await Task.sleep(for: .seconds(3))
            try roles.startDispatcher()
            return DrillFaultRecord(what: "killed the dispatcher (kill -9, pid \(pid)) at \(f(began)) s; another started at \(f(elapsed())) s", end: elapsed())
        case .restartPostgres:
            let server = try await PostgresServer.serving(port: database.url.port)
            try await server.restartImmediately()
            return DrillFaultRecord(what: "restarted PostgreSQL \(server.version)/\(server.name) in immediate mode at \(f(began)) s; up at \(f(elapsed())) s", end: elapsed())
        case .freezeBroker:
            guard let (node, pid) = target else { throw DrillError("no broker node to freeze") }
            let frozen = elapsed()
            _ = kill(pid, SIGSTOP)
            try await Task.sleep(for: settings.freeze)
            _ = kill(pid, SIGCONT)
            return DrillFaultRecord(what: "froze broker node \(node) (SIGSTOP, pid \(pid)) at \(f(frozen)) s; thawed (SIGCONT) at \(f(elapsed())) s", end: elapsed())
        case .killBrokerNode:
            guard settings.brokerNodes.count > 1 else {
                throw DrillError("kill-broker-node needs a cluster: give its nodes with --broker-nodes and its URLs with --amqp-url (deploy/cluster.sh up)")
            }
            guard let (node, pid) = target else { throw DrillError("no broker node to kill") }
            let killed = elapsed()
            _ = kill(pid, SIGKILL)
            // The cluster goes on without it: the fault is over at once; the node is started
            // again once the run is over.
            return DrillFaultRecord(what: "killed broker node \(node), leader of the email queue (kill -9, pid \(pid)) at \(f(killed)) s; the run went on with the other nodes", end: killed)
        case .resizeWorkers:
            try roles.startWorker()
            try roles.startWorker()
            try await Task.sleep(for: .seconds(10))
            let grown = elapsed()
            await roles.stopWorkers(2)
            return DrillFaultRecord(what: "grew the worker pool from \(settings.workers) to \(settings.workers + 2) processes at \(f(began)) s; shrank it back (SIGTERM to two) at \(f(grown)) s, done at \(f(elapsed())) s", end: elapsed())
        }
    }

    private func f(_ seconds: Double) -> String { String(format: "%.1f", seconds) }

    /// A broker node to strike: its name and its operating-system process.
    typealias BrokerTarget = (node: String, pid: Int32)

    /// For the broker faults, the node leading the email queue, once the job topology is
    /// declared (as the roles declare it on connecting); nil for the others.
    private func brokerTarget(for fault: DrillFault) async throws -> BrokerTarget? {
        guard fault == .freezeBroker || fault == .killBrokerNode else { return nil }
        let brokers = try AMQPConfiguration.list(fromURLs: amqpURLs)
        var connected: AMQPConnection?
        for broker in brokers where connected == nil { connected = try? await AMQPConnection.connect(broker, logger: logger) }
        guard let connection = connected else { throw DrillError("no broker of \(amqpURLs.split(separator: ",").count) answers") }
        do {
            try await JobTopology().declare(on: connection)
        } catch {
            await connection.close()
            throw error
        }
        await connection.close()
        let node = try await broker.leader(of: JobTopology.queue(for: .email), vhost: settings.virtualHost)
        return (node, try await broker.pid(of: node))
    }

    /// Steps claimed (no longer planned) and steps done, of the seeded ones; nil while the
    /// database does not answer.
    private func counters() async -> (claimed: Int, done: Int)? {
        do {
            return try await withDeadline(.seconds(5), what: "the drill's progress query") {
                try await PostgresConnection.withSingleConnection(database.url, logger: logger) { connection in
                    let rows = try await connection.query(
                        """
                        SELECT count(*) FILTER (WHERE NOT s.pending)::int8, count(*) FILTER (WHERE s.status = 'done')::int8
                        FROM bench_due_steps b JOIN schedule_steps s ON s.id = b.id
                        """,
                        logger: logger
                    )
                    for try await (claimed, done) in rows.decode((Int, Int).self) { return (claimed, done) }
                    return nil
                }
            }
        } catch {
            return nil
        }
    }

    private func results(_ fault: DrillFault, timeline: DrillTimeline, contactLog: String, folder: String) async throws -> DrillReport {
        let since = Date().addingTimeInterval(-86_400)
        let results = try await PostgresClient.withRunningClient(database.url, logger: logger) { client in
            try await BenchResults.read(client: client, since: since, logger: logger)
        }
        let contacts = try ContactLog.read(path: contactLog)
        var actions: [UUID: (count: Int, debtor: UUID)] = [:]
        for entry in contacts {
            for step in entry.steps { actions[step, default: (0, entry.debtorId)].count += 1 }
        }
        let twice = actions.filter { $0.value.count > 1 }
        let left = try await broker.messagesLeft(vhost: settings.virtualHost)
        let outbox = try await PostgresClient.withRunningClient(database.url, logger: logger) { client in
            try await BenchRunner.count("SELECT count(*)::int8 FROM outbox", on: client, logger: logger)
        }
        return DrillReport(
            fault: fault, seeded: results.seededSteps, outcomes: results.outcomes,
            lost: results.seededSteps - results.stepsWithOneOutcome,
            stepsActedTwice: twice.count, debtorsContactedTwice: Set(twice.values.map(\.debtor)).count,
            debtorChannelsTwice: results.debtorChannelsTwice, messagesLeft: left, outboxLeft: outbox,
            outcomeKinds: results.outcomeKinds, what: timeline.fault?.what ?? "the fault never struck",
            claimedAtStrike: timeline.atStrike?.claimed, doneAtStrike: timeline.atStrike?.done,
            doneAtFaultEnd: timeline.countsAtEnd?.done,
            recoverySeconds: timeline.recovered, longestStall: timeline.longestStall, elapsed: timeline.finished,
            stalled: timeline.stalled, logs: folder
        )
    }
}

extension DrillFault {
    static func noneRecord(at moment: Double) -> DrillFaultRecord {
        DrillFaultRecord(what: "no fault (the baseline)", end: moment)
    }
}

/// When things happened in one run, in seconds from its start.
struct DrillTimeline: Sendable {
    /// Steps claimed and done when the fault struck.
    var atStrike: (claimed: Int, done: Int)?
    var fault: DrillFaultRecord?
    var countsAtEnd: (claimed: Int, done: Int)?
    /// From the end of the fault to claims and outcomes both moving again.
    var recovered: Double?
    var longestStall = 0.0
    var finished = 0.0
    var stalled: String?
}

/// Tells a readied fault to strike.
final class GoSignal: Sendable {
    private let given = Mutex(false)
    func give() { given.withLock { $0 = true } }
    func wait() async {
        while !given.withLock({ $0 }) { try? await Task.sleep(for: .milliseconds(20)) }
    }
}

/// The fault's record once it is over, or why it could not be brought about.
final class StrikeResult: Sendable {
    let value = Mutex<Result<DrillFaultRecord, any Error>?>(nil)
}

struct DrillFaultRecord: Sendable {
    var what: String
    /// When the fault was over, in seconds from the start of the run.
    var end: Double?
}

/// Where and when the drill's debtors live: a time zone where it is now a working day between
/// 09:10 and 10:30 (inside every contact window for the next 90 minutes), or, when none is,
/// one where it is between 09:00 and 17:00, with emails only.
struct DrillPlace: Sendable {
    var zone: TimeZoneID
    var day: CalendarDate
    var localTime: String
    var groups: [BenchSeeder.Group]

    static func now(_ moment: Date = Date()) throws -> DrillPlace {
        var daytime: DrillPlace?
        for identifier in TimeZone.knownTimeZoneIdentifiers.sorted() where identifier.contains("/") && !identifier.hasPrefix("Etc/") {
            guard let zone = try? TimeZoneID(identifier) else { continue }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone.zone
            let parts = calendar.dateComponents([.hour, .minute], from: moment)
            let minutes = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
            let day = CalendarDate(moment, in: zone)
            let time = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
            if (9 * 60 + 10)...(10 * 60 + 30) ~= minutes, BenchClock.workingDay(from: day) == day {
                return DrillPlace(zone: zone, day: day, localTime: time, groups: BenchSeeder.Group.allCases)
            }
            if daytime == nil, (9 * 60)...(17 * 60) ~= minutes {
                daytime = DrillPlace(zone: zone, day: day, localTime: time, groups: [.email])
            }
        }
        guard let daytime else { throw DrillError("no time zone is in its daytime now") }
        return daytime
    }
}
