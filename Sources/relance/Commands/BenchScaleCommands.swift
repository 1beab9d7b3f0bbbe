import ArgumentParser
import Foundation
import Logging
import RelanceBench
import RelanceCore
import RelancePipeline
import RelanceRuntime

/// The bench day: the one given (a working day), else the first working day from today.
private func benchDay(_ text: String?) throws -> CalendarDate {
    guard let text else { return BenchClock.workingDay(from: CalendarDate(Date(), in: BenchClock.zone)) }
    let day: CalendarDate
    do { day = try CalendarDate(iso: text) } catch { throw ValidationError("--day: \(error)") }
    guard BenchClock.workingDay(from: day) == day else {
        throw ValidationError("--day \(text) is a weekend or a public holiday: calls, letters and filings would be deferred")
    }
    return day
}

private func benchLogger(_ options: ServiceOptions, label: String) -> Logger {
    var logger = Logger(label: label)
    let explicit = options.logLevel ?? ProcessInfo.processInfo.environment["RELANCE_LOG_LEVEL"]
    logger.logLevel = explicit.flatMap { Logger.Level(rawValue: $0) } ?? .warning
    return logger
}

private func stderrProgress(_ line: String) {
    FileHandle.standardError.write(Data("bench: \(line)\n".utf8))
}

struct BenchClaimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claim",
        abstract: "Time the dispatcher's claim, batch after batch, in a schedule of N invoices of which D have a step due.",
        discussion: """
            Creates a database of its own (--database, default relance_bench_claim) on the configured \
            PostgreSQL server and fills it with --invoices invoices: --due of them with one step due now, \
            seeded as `bench pipeline` seeds them (InvoiceIntake), across --tenants tenants; the rest with \
            nothing due — six in ten paid long ago (first reminders done with their jobs and outcomes, \
            the rest cancelled), four in ten open with their past steps done and the next ones planned \
            for later days — written with set-based SQL in the shape of the seeded rows, four invoices \
            per debtor; then VACUUM ANALYZE. It then runs the dispatcher's claim \
            (DispatchStore.claimAndDispatch, the real decider and compliance rules, at 10:30 Europe/Paris \
            on a working day) batch after batch until nothing is due, timing each claim transaction, \
            and prints the table sizes, both seeding times, the median, p90 and max milliseconds per \
            claim, steps per second, and the EXPLAIN (ANALYZE, BUFFERS) plans of the claim's two prepared \
            statements, run once more (and rolled back) after the fifth claim or half the due steps. \
            Compare runs with the same --due and different --invoices: the time per claim should not \
            grow with the table. The database is dropped afterwards (--keep keeps it). No RabbitMQ is \
            used. Build with -c release for meaningful figures.
            """
    )

    @OptionGroup var options: ServiceOptions

    @Option(help: "Invoices in the schedule, due or not.")
    var invoices: Int = 1_000_000

    @Option(help: "Of those, invoices with one step due now.")
    var due: Int = 20_000

    @Option(help: "Due steps per claim transaction.")
    var batchSize: Int = 2_000

    @Option(help: "Tenants the invoices are spread across.")
    var tenants: Int = 10

    @Option(help: "The benchmark's database (created and dropped on the configured server).")
    var database: String = "relance_bench_claim"

    @Option(help: "The bench day, YYYY-MM-DD (default: the first working day from today).")
    var day: String?

    @Flag(help: "Keep the benchmark database afterwards.")
    var keep = false

    @Option(help: "Claims timed first with the channel of every due step paused (relance ops pause): the cost of walking past a paused backlog. 0: none.")
    var pausedClaims: Int = 0

    func validate() throws {
        guard pausedClaims >= 0, pausedClaims <= 1_000 else { throw ValidationError("--paused-claims must be 0 to 1000, not \(pausedClaims)") }
        guard due > 0, invoices >= due else {
            throw ValidationError("--due must be positive and --invoices at least --due (\(invoices) invoices, \(due) due)")
        }
        guard batchSize > 0 else { throw ValidationError("--batch-size must be positive, not \(batchSize)") }
        guard tenants > 0, tenants <= due else {
            throw ValidationError("--tenants must be positive and at most --due, not \(tenants)")
        }
        _ = try benchDay(day)
    }

    func run() async throws {
        let logger = benchLogger(options, label: "relance.bench.claim")
        let settings = ClaimBenchmark.Settings(invoices: invoices, due: due, batchSize: batchSize, tenants: tenants,
                                               database: database, keep: keep, pausedClaims: pausedClaims)
        let benchmark = try ClaimBenchmark(
            settings: settings, configuration: options.configuration(), day: try benchDay(day),
            command: "relance bench claim " + CommandLine.arguments.dropFirst(3).joined(separator: " "),
            logger: logger, progress: stderrProgress
        )
        let report: ClaimReport
        do {
            report = try await benchmark.run()
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure("claim benchmark failed: \(String(reflecting: error))")
        }
        print(report.text())
        if !report.ok { throw ExitCode.failure }
    }
}

struct BenchFairnessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fairness",
        abstract: "Measure whether a tenant with few due steps waits behind one with very many, and whether claims stay full.",
        discussion: """
            Creates a database (--database, default relance_bench_fairness) and a RabbitMQ virtual host \
            (--vhost, through the management API) of its own. Part 1 seeds --big due steps for one \
            tenant and --small for another, runs the pipeline in this process with relance run's \
            services (dispatcher, relay, reconciler, workers; record-only channels; the bench clock at \
            10:30 Europe/Paris on a working day), and stops it gracefully --linger seconds after the \
            small tenant's last outcome — the big tenant's steps are not all carried out. It prints \
            when the first claim was made and when the small tenant's last outcome was committed \
            (seconds from the start), how many of the big tenant's outcomes were committed by then, \
            and the steps of each claim. Part 2 adds --few-tenants tenants with --few due steps each \
            beside the big tenant's remaining ones and runs the dispatcher's claim alone, batch after \
            batch, until they have nothing due: it prints the steps of each claim and their average \
            against the batch size (a tenant's unused share of the batch should go to the others). \
            The virtual host and the database are removed afterwards (--keep keeps the database). \
            Build with -c release for meaningful figures.
            """
    )

    @OptionGroup var options: ServiceOptions

    @Option(help: "Due steps of the big tenant.")
    var big: Int = 1_000_000

    @Option(help: "Due steps of the small tenant.")
    var small: Int = 100

    @Option(help: "Due steps per claim transaction (the dispatcher's batch).")
    var batchSize: Int = DispatcherConfiguration().batchSize

    @Option(help: "Part 2: tenants with few due steps beside the big one.")
    var fewTenants: Int = 9

    @Option(help: "Part 2: due steps of each of those tenants.")
    var few: Int = 50

    @Option(help: "Seconds the pipeline keeps running after the small tenant's last outcome.")
    var linger: Double = 5

    @Option(help: "Consumers per channel queue.")
    var consumers: Int = 1

    @Option(help: "Seconds without a new outcome of the small tenant before the run is declared stuck.")
    var stallTimeout: Double = 120

    @Option(help: "The benchmark's database (created and dropped on the configured server).")
    var database: String = "relance_bench_fairness"

    @Option(help: "The benchmark's RabbitMQ virtual host (created and deleted).")
    var vhost: String = "relance_bench_fairness"

    @Option(help: "RabbitMQ management API (default: http://<AMQP host>:15672).")
    var managementURL: String?

    @Option(help: "The bench day, YYYY-MM-DD (default: the first working day from today).")
    var day: String?

    @Flag(help: "Keep the benchmark database afterwards.")
    var keep = false

    func validate() throws {
        guard big > 0, small > 0 else { throw ValidationError("--big and --small must be positive (\(big), \(small))") }
        guard batchSize > 0 else { throw ValidationError("--batch-size must be positive, not \(batchSize)") }
        guard fewTenants > 0, few > 0 else { throw ValidationError("--few-tenants and --few must be positive (\(fewTenants), \(few))") }
        guard linger.isFinite, linger >= 0, linger <= 600 else { throw ValidationError("--linger must be between 0 and 600 seconds, not \(linger)") }
        guard consumers > 0 else { throw ValidationError("--consumers must be positive, not \(consumers)") }
        guard stallTimeout.isFinite, stallTimeout > 0 else { throw ValidationError("--stall-timeout must be a positive number of seconds") }
        _ = try benchDay(day)
    }

    func run() async throws {
        let logger = benchLogger(options, label: "relance.bench.fairness")
        let settings = FairnessBenchmark.Settings(
            big: big, small: small, batchSize: batchSize, fewTenants: fewTenants, few: few, linger: linger,
            consumersPerChannel: consumers, stallTimeout: stallTimeout, database: database, virtualHost: vhost, keep: keep
        )
        let benchmark = try FairnessBenchmark(
            settings: settings, configuration: options.configuration(), managementURL: managementURL, day: try benchDay(day),
            command: "relance bench fairness " + CommandLine.arguments.dropFirst(3).joined(separator: " "),
            logger: logger, progress: stderrProgress
        )
        let report: FairnessReport
        do {
            report = try await benchmark.run()
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure("fairness benchmark failed: \(String(reflecting: error))")
        }
        print(report.text())
        if !report.ok { throw ExitCode.failure }
    }
}

struct BenchImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Time the bulk import: a CSV of N invoices imported, then the same file again.",
        discussion: """
            Creates a database of its own (--database, default relance_bench_import), a tenant and its \
            creditor, writes a CSV of --rows invoices (three per debtor) and imports it through the code \
            of POST /v1/invoices/import and `relance import invoices` (parsed as it streams, stored and \
            planned a batch per transaction, over the application role), then imports the same file \
            again (nothing new may be created). Prints rows per second for both and peak memory. \
            The goal: 100 000 rows in under 5 seconds. Build with -c release for meaningful figures.
            """
    )

    @OptionGroup var options: ServiceOptions

    @Option(help: "Rows (invoices) in the file.")
    var rows: Int = 100_000

    @Option(help: "The benchmark's database (created and dropped on the configured server).")
    var database: String = "relance_bench_import"

    @Flag(help: "Keep the database afterwards.")
    var keep = false

    func validate() throws {
        guard rows >= 1 else { throw ValidationError("--rows must be 1 or more") }
    }

    func run() async throws {
        let logger = options.logger(label: "relance.bench")
        let benchmark = try ImportBenchmark(
            settings: .init(rows: rows, database: database, keep: keep), configuration: options.configuration(), logger: logger,
            progress: { FileHandle.standardError.write(Data("bench: \($0)\n".utf8)) }
        )
        let report = try await benchmark.run()
        print(report.lines.joined(separator: "\n"))
    }
}
