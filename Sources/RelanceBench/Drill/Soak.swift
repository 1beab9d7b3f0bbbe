import AMQP
import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelanceRuntime
import RelanceStore
import Synchronization

/// What a soak run is.
public struct SoakSettings: Sendable {
    public var minutes: Double
    /// New due steps per second (one invoice of a new debtor each).
    public var rate: Int
    public var tenants: Int
    public var workers: Int
    /// Seconds between samples.
    public var sampleEvery: Double
    public var brokerNodes: [String]
    public var database: String
    public var virtualHost: String
    public var directory: String

    public init(minutes: Double, rate: Int, tenants: Int, workers: Int, sampleEvery: Double, brokerNodes: [String],
                database: String, virtualHost: String, directory: String) {
        self.minutes = minutes
        self.rate = rate
        self.tenants = tenants
        self.workers = workers
        self.sampleEvery = sampleEvery
        self.brokerNodes = brokerNodes
        self.database = database
        self.virtualHost = virtualHost
        self.directory = directory
    }
}

/// `relance bench soak`: the roles as separate processes (`relance dispatcher`, `relance
/// worker`s) under a steady inflow of new due invoices for a set time, sampled: each process's
/// resident memory, open file descriptors and threads, the database's connections, the backlog
/// (due steps not yet claimed, jobs in the outbox) and the outcomes. What must hold: memory,
/// descriptors and connections flat after the warm-up, and the backlog bounded.
public struct Soak: Sendable {
    let settings: SoakSettings
    let ground: Drill
    let logger: Logger
    let progress: @Sendable (String) -> Void

    public init(settings: SoakSettings, configuration: RelanceConfiguration, logger: Logger,
                progress: @escaping @Sendable (String) -> Void) throws {
        self.settings = settings
        ground = try Drill(
            settings: DrillSettings(faults: [.none], reminders: 1, tenants: 1, workers: settings.workers, brokerNodes: settings.brokerNodes,
                                    database: settings.database, virtualHost: settings.virtualHost, faultAfter: 0, freeze: .seconds(1),
                                    stallTimeout: 60, directory: settings.directory),
            configuration: configuration, logger: logger, progress: progress
        )
        self.logger = logger
        self.progress = progress
    }

    /// One sample.
    public struct Sample: Sendable {
        public var seconds: Double
        public var fed: Int
        public var outcomes: Int
        public var dueBacklog: Int
        public var outbox: Int
        public var connections: Int
        /// Per process: resident MiB, descriptors, threads.
        public var processes: [(name: String, rssMiB: Double, descriptors: Int, threads: Int)]
    }

    public func run() async throws -> SoakReport {
        let database = ground.database
        try FileManager.default.createDirectory(atPath: settings.directory, withIntermediateDirectories: true)
        let contactLog = "\(settings.directory)/soak-contacts.jsonl"
        try? FileManager.default.removeItem(atPath: contactLog)
        progress("creating database \(settings.database) and virtual host \(settings.virtualHost)")
        try await database.create(migrations: ground.migrations, logger: logger)
        let user = try AMQPConfiguration(url: String(ground.amqpURLs.split(separator: ",")[0])).user
        try await ground.broker.createVirtualHost(settings.virtualHost, user: user)
        let place = try DrillPlace.now()
        progress("debtors in \(place.zone.identifier) (local time \(place.localTime)); \(settings.rate) new due steps a second for \(settings.minutes) minutes; \(settings.workers) worker processes")

        let roles = DrillRoles(folder: settings.directory, environment: ground.roleEnvironment(), contactLog: contactLog)
        var samples: [Sample] = []
        do {
            samples = try await PostgresClient.withRunningClient(database.url, logger: logger) { client in
                let feeder = try await SoakFeeder.make(client: client, logger: logger, place: place, tenants: settings.tenants)
                try roles.startDispatcher()
                for _ in 0..<settings.workers { try roles.startWorker() }
                return try await feedAndSample(feeder: feeder, client: client, roles: roles)
            }
        } catch {
            await roles.stopAll()
            try? await ground.broker.deleteVirtualHost(settings.virtualHost)
            throw error
        }
        await roles.stopAll()
        try await ground.broker.deleteVirtualHost(settings.virtualHost)
        try await database.drop(logger: logger)
        return SoakReport(settings: settings, samples: samples)
    }

    private func feedAndSample(feeder: SoakFeeder, client: PostgresClient, roles: DrillRoles) async throws -> [Sample] {
        let start = ContinuousClock.now
        let end = start + .milliseconds(Int(settings.minutes * 60_000))
        var samples: [Sample] = []
        var nextSample = start
        var fed = 0
        var tick = start
        while ContinuousClock.now < end {
            fed += try await feeder.feed(settings.rate)
            if ContinuousClock.now >= nextSample {
                let sample = try await self.sample(at: (ContinuousClock.now - start) / .seconds(1), fed: fed, client: client, roles: roles)
                samples.append(sample)
                progress(String(format: "%6.0f s  fed %d  outcomes %d  due backlog %d  outbox %d  connections %d  ", sample.seconds, sample.fed,
                                sample.outcomes, sample.dueBacklog, sample.outbox, sample.connections)
                         + sample.processes.map { String(format: "%@ %.0f MiB %d fds", $0.name, $0.rssMiB, $0.descriptors) }.joined(separator: ", "))
                nextSample = nextSample + .milliseconds(Int(settings.sampleEvery * 1000))
            }
            tick = tick + .seconds(1)
            if tick > ContinuousClock.now { try await Task.sleep(until: tick) }
        }
        // The inflow stops: the backlog drains (up to two minutes), then a last sample.
        let drainEnd = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < drainEnd {
            let outcomes = try await BenchRunner.count("SELECT count(*)::int8 FROM job_outcomes", on: client, logger: logger)
            let jobs = try await BenchRunner.count("SELECT count(*)::int8 FROM jobs", on: client, logger: logger)
            let due = try await BenchRunner.count("SELECT count(*)::int8 FROM schedule_steps WHERE pending AND due_at <= now()", on: client, logger: logger)
            if outcomes == jobs && due == 0 { break }
            try await Task.sleep(for: .seconds(1))
        }
        samples.append(try await sample(at: (ContinuousClock.now - start) / .seconds(1), fed: fed, client: client, roles: roles))
        return samples
    }

    private func sample(at seconds: Double, fed: Int, client: PostgresClient, roles: DrillRoles) async throws -> Sample {
        func count(_ query: PostgresQuery) async throws -> Int { try await BenchRunner.count(query, on: client, logger: logger) }
        return Sample(
            seconds: seconds, fed: fed,
            outcomes: try await count("SELECT count(*)::int8 FROM job_outcomes"),
            dueBacklog: try await count("SELECT count(*)::int8 FROM schedule_steps WHERE pending AND due_at <= now()"),
            outbox: try await count("SELECT count(*)::int8 FROM outbox"),
            connections: try await count("SELECT count(*)::int8 FROM pg_stat_activity WHERE datname = \(settings.database)"),
            processes: roles.running().map { process in
                let status = (try? String(contentsOfFile: "/proc/\(process.pid)/status", encoding: .utf8)) ?? ""
                func field(_ name: String) -> Double {
                    guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return 0 }
                    return line.split(whereSeparator: \.isWhitespace).dropFirst().first.flatMap { Double(String($0)) } ?? 0
                }
                let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(process.pid)/fd").count) ?? 0
                return (process.name, field("VmRSS") / 1024, descriptors, Int(field("Threads")))
            }
        )
    }
}

/// Writes the soak's inflow: each call, `count` new debtors with one invoice each whose step on
/// email, call or letter (in turn) is due today.
struct SoakFeeder: Sendable {
    let client: PostgresClient
    let logger: Logger
    let place: DrillPlace
    let creditors: [(tenant: TenantID, creditor: CreditorID)]
    let offsets: [RelanceCore.Channel: Int]
    let counter = SoakCounter()

    static func make(client: PostgresClient, logger: Logger, place: DrillPlace, tenants: Int) async throws -> SoakFeeder {
        var creditors: [(TenantID, CreditorID)] = []
        for index in 0..<tenants {
            let tenant = Tenant(name: "Soak tenant \(index + 1)", kind: .business)
            try await TenantRepository(client: client, logger: logger).create(tenant)
            let creditor = Creditor(tenantId: tenant.id, name: "Soak creditor \(index + 1)", address: BenchSeeder.address)
            try await CreditorRepository(client: client, logger: logger).create(creditor)
            creditors.append((tenant.id, creditor.id))
        }
        return SoakFeeder(client: client, logger: logger, place: place, creditors: creditors,
                          offsets: try BenchSeeder.stepOffsets(day: place.day))
    }

    /// Adds `count` due invoices; how many were added.
    func feed(_ count: Int) async throws -> Int {
        let shape = DebtorShape(timeZone: place.zone)
        let channels: [RelanceCore.Channel] = place.groups.count == 1 ? [.email] : [.email, .call, .letter]
        var debtors: [DebtorRecord] = []
        var invoices: [Invoice] = []
        for _ in 0..<count {
            let number = counter.next()
            let (tenant, creditor) = creditors[number % creditors.count]
            let debtor = try shape.debtor(tenant: tenant, creditor: creditor, name: "Débiteur \(number + 1)",
                                          contacts: DebtorContacts(email: "soak\(number + 1)@bench.example", phone: "+33100000000",
                                                                   postalAddress: BenchSeeder.address))
            debtors.append(DebtorRecord(debtor: debtor, externalRef: "S\(number + 1)"))
            let due = place.day.adding(days: -offsets[channels[number % channels.count]]!)
            invoices.append(try Invoice(tenantId: tenant, creditorId: creditor, debtorId: debtor.id, number: "S-\(number + 1)",
                                        issueDate: due.adding(days: -30), dueDate: due,
                                        amount: Money(minorUnits: 1_200_00, currency: .eur)))
        }
        try await DebtorRepository(client: client, logger: logger).createMany(debtors)
        try await InvoiceIntake(client: client, logger: logger).add(invoices, sharing: shape.planning(asOf: place.day), today: place.day)
        return count
    }
}

/// Numbers the soak's debtors.
final class SoakCounter: Sendable {
    private let value = Mutex(0)
    func next() -> Int {
        value.withLock { current in
            defer { current += 1 }
            return current
        }
    }
}

/// The samples of a soak, and what they say.
public struct SoakReport: Sendable {
    public var settings: SoakSettings
    public var samples: [Soak.Sample]

    public func text(command: String) -> String {
        var lines = ["relance bench soak — \(command)", ""]
        lines.append("   time (s)      fed  outcomes  due backlog  outbox  db connections  processes (RSS MiB / fds / threads)")
        for s in samples {
            lines.append(String(format: "%11.0f  %7d  %8d  %11d  %6d  %14d  ", s.seconds, s.fed, s.outcomes, s.dueBacklog, s.outbox, s.connections)
                         + s.processes.map { String(format: "%@ %.0f/%d/%d", $0.name, $0.rssMiB, $0.descriptors, $0.threads) }.joined(separator: "  "))
        }
        // After the warm-up (the first sixth of the run) against the end of the inflow.
        let feeding = samples.dropLast()
        if let first = feeding.first(where: { $0.seconds >= settings.minutes * 10 }), let last = feeding.last, first.seconds < last.seconds {
            lines.append("")
            lines.append(String(format: "from %.0f s to %.0f s (warm-up excluded):", first.seconds, last.seconds))
            for process in last.processes {
                guard let before = first.processes.first(where: { $0.name == process.name }) else { continue }
                lines.append(String(format: "  %@: RSS %.0f → %.0f MiB, fds %d → %d, threads %d → %d", process.name, before.rssMiB, process.rssMiB,
                                    before.descriptors, process.descriptors, before.threads, process.threads))
            }
            lines.append("  database connections \(first.connections) → \(last.connections); due backlog \(first.dueBacklog) → \(last.dueBacklog); outbox \(first.outbox) → \(last.outbox)")
        }
        if let last = samples.last {
            lines.append("after the inflow stopped: \(last.outcomes) outcomes for \(last.fed) steps fed, due backlog \(last.dueBacklog), outbox \(last.outbox)")
        }
        return lines.joined(separator: "\n")
    }
}
