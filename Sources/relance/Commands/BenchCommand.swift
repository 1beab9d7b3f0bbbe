import ArgumentParser
import Foundation
import Logging
import RelanceBench
import RelanceCore
import RelancePipeline
import RelanceRuntime

/// `relance bench`: measurements of the running system.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Relance on this machine.",
        subcommands: [BenchPipelineCommand.self, BenchRenderCommand.self, BenchSoakCommand.self, BenchClaimCommand.self, BenchFairnessCommand.self, BenchImportCommand.self]
    )
}

struct BenchPipelineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract: "Seed due reminders and time the whole pipeline: claim, outbox, publish, consume, outcome.",
        discussion: """
            Creates a database of its own (--database, default relance_bench) on the configured \
            PostgreSQL server and a RabbitMQ virtual host of its own (--vhost, default relance_bench, \
            through the management API), seeds N due steps across T tenants on the four channels \
            (email, call, letter, legal), then runs the dispatcher, the outbox relay and the workers \
            in this process — quorum queues, publisher confirms, every outcome committed before its \
            ack, channels in record-only mode — until every job has its outcome. The bench clock \
            is real time shifted to 10:30 Europe/Paris on a working day, inside every contact \
            window, so no step is deferred. Prints reminders per second (first claim to last outcome \
            committed), each phase's busy span, latency percentiles, peak memory and the settings; \
            checks that every seeded step has exactly one outcome (exit status 1 otherwise). Both \
            the database and the virtual host are removed afterwards (--keep keeps the database). \
            Build with -c release for meaningful figures.
            """
    )

    @OptionGroup var options: ServiceOptions

    @Option(help: "Due steps (reminders) to seed and carry out.")
    var reminders: Int = 10_000

    @Option(help: "Tenants the reminders are spread across.")
    var tenants: Int = 10

    @Option(help: "Invoices per debtor, on one channel (a debtor's due steps travel in one message).")
    var invoicesPerDebtor: Int = 1

    @Option(help: "Dispatchers claiming at once (relance dispatcher runs two claimers by default).")
    var dispatchers: Int = 2

    @Option(help: "Due steps per claim transaction.")
    var dispatchBatch: Int = 2000

    @Option(help: "Relays publishing at once.")
    var relays: Int = 1

    @Option(help: "Outbox rows per relay transaction.")
    var relayBatch: Int = 2000

    @Option(help: "Jobs waiting in the outbox at which the dispatchers pause until the relay catches up (0: never).")
    var outboxLimit: Int = DispatcherConfiguration().outboxLimit ?? 0

    @Option(help: "Published messages awaiting their confirm at once.")
    var publishWindow: Int = 1024

    @Option(help: "Consumers per channel queue, each on its own connection.")
    var consumers: Int = 1

    @Option(help: "Milliseconds a worker lets deliveries gather after a batch of fewer than half the prefetch (0: none).")
    var batchLinger: Int = Int(WorkerConfiguration().batchLinger / .milliseconds(1))

    @Option(help: "Unacknowledged deliveries per consumer.")
    var prefetch: Int = 1_000

    @Option(help: "PostgreSQL connections in the pool.")
    var pool: Int = 40

    @Option(help: "The benchmark's database (created and dropped on the configured server).")
    var database: String = "relance_bench"

    @Option(help: "The benchmark's RabbitMQ virtual host (created and deleted).")
    var vhost: String = "relance_bench"

    @Option(help: "RabbitMQ management API (default: http://<AMQP host>:15672).")
    var managementURL: String?

    @Option(help: "The bench day, YYYY-MM-DD (default: the first working day from today).")
    var day: String?

    @Option(help: "Seconds without progress before the run is declared stuck.")
    var stallTimeout: Double = 60

    @Option(help: "The channels: record (render and record, contact nobody) or real (SMTP to RELANCE_SMTP_*, PDFs under RELANCE_ARTEFACTS_DIR, call tasks, dossiers).")
    var channels: RelanceConfiguration.ChannelMode = .record

    @Flag(help: "Do not compose and render the messages (measures the pipeline alone).")
    var noMessages = false

    @Flag(help: "Run the phases one after the other, to see what each costs alone (the rate then is not end to end).")
    var sequential = false

    @Flag(help: "Keep the benchmark database afterwards.")
    var keep = false

    @Flag(help: "Print the results as one JSON object.")
    var json = false

    func validate() throws {
        guard reminders > 0, tenants > 0, tenants <= reminders else {
            throw ValidationError("--reminders and --tenants must be positive, with no more tenants than reminders")
        }
        guard (1...3).contains(invoicesPerDebtor) else { throw ValidationError("--invoices-per-debtor must be 1, 2 or 3") }
        guard batchLinger >= 0, outboxLimit >= 0 else { throw ValidationError("--batch-linger and --outbox-limit cannot be negative") }
        guard dispatchers > 0, relays > 0, dispatchBatch > 0, relayBatch > 0, publishWindow > 0, consumers > 0, pool > 1,
              stallTimeout.isFinite, stallTimeout > 0 else {
            throw ValidationError("dispatchers, relays, batch sizes, publish window, consumers, stall timeout must be positive, pool at least 2")
        }
        guard (1...Int(UInt16.max)).contains(prefetch) else { throw ValidationError("--prefetch must be between 1 and 65535") }
        // The benchmark creates its virtual host through one broker's management API.
        guard (try? options.configuration().amqpBrokers().count) ?? 1 <= 1 else {
            throw ValidationError("relance bench pipeline takes one broker URL (--amqp-url or RELANCE_AMQP_URL), not a list")
        }
    }

    func run() async throws {
        let configuration = options.configuration()
        var logger = Logger(label: "relance.bench")
        let explicitLevel = options.logLevel ?? ProcessInfo.processInfo.environment["RELANCE_LOG_LEVEL"]
        logger.logLevel = explicitLevel.flatMap { Logger.Level(rawValue: $0) } ?? .warning

        let benchDay: CalendarDate
        if let day {
            do { benchDay = try CalendarDate(iso: day) } catch { throw ValidationError("--day: \(error)") }
            guard BenchClock.workingDay(from: benchDay) == benchDay else {
                throw ValidationError("--day \(day) is a weekend or a public holiday: calls, letters and filings would be deferred")
            }
        } else {
            benchDay = BenchClock.workingDay(from: CalendarDate(Date(), in: BenchClock.zone))
        }

        var settings = BenchSettings(
            reminders: reminders, tenants: tenants, invoicesPerDebtor: invoicesPerDebtor, dispatchers: dispatchers,
            dispatchBatch: dispatchBatch, relayBatch: relayBatch, relays: relays, outboxLimit: outboxLimit, publishWindow: publishWindow,
            consumersPerChannel: consumers, prefetch: prefetch, batchLinger: batchLinger, poolConnections: pool, stallTimeout: stallTimeout,
            database: database, virtualHost: vhost, composeMessages: !noMessages, sequential: sequential, keep: keep
        )
        settings.realChannels = channels == .real
        if channels == .real && noMessages { throw ValidationError("--channels real needs the messages: drop --no-messages") }
        let benchmark = try PipelineBenchmark(
            settings: settings, configuration: configuration, managementURL: managementURL, day: benchDay,
            command: "relance bench pipeline " + CommandLine.arguments.dropFirst(3).joined(separator: " "),
            logger: logger,
            progress: { line in FileHandle.standardError.write(Data("bench: \(line)\n".utf8)) }
        )

        let report: BenchReport
        do {
            report = try await benchmark.run()
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure("benchmark failed: \(String(reflecting: error))")
        }
        print(json ? try report.json() : report.text())
        if !report.verification.ok { throw ExitCode.failure }
    }
}

struct BenchRenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Time message rendering alone: TemplateRenderer.render on the shipped templates.",
        discussion: """
            Loads the templates and rate tables as the worker does, builds one message per channel \
            (email, call, letter, registered letter, legal) as the worker's composer would for a \
            French business debtor with one late invoice — the key and tone of the built-in \
            ladder's last step on that channel — and renders N messages round-robin, timed with \
            ContinuousClock. Prints messages per second and microseconds per message, overall \
            and per template. No database or broker is used. Build with -c release for \
            meaningful figures.
            """
    )

    @Option(help: "Messages to render.")
    var messages: Int = 100_000

    @Option(help: "The schemas directory (default: $RELANCE_SCHEMAS_DIR, else found from the working directory).")
    var schemasDir: String?

    @Option(help: "The messages' date, YYYY-MM-DD (a day whose late-payment rates are published).")
    var day: String = "2026-03-16"

    @Flag(help: "Print the results as one JSON object.")
    var json = false

    func validate() throws {
        guard messages > 0 else { throw ValidationError("--messages must be positive") }
    }

    func run() throws {
        let messageDay: CalendarDate
        do { messageDay = try CalendarDate(iso: day) } catch { throw ValidationError("--day: \(error)") }
        let benchmark: RenderBenchmark
        let report: RenderBenchmark.Report
        do {
            let reference = try ResourceLocator().referenceData(schemasOverride: schemasDir)
            benchmark = try RenderBenchmark(reference: reference, day: messageDay)
            report = try benchmark.run(
                messages: messages,
                command: "relance bench render " + CommandLine.arguments.dropFirst(3).joined(separator: " ")
            )
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure("render benchmark failed: \(error)")
        }
        print(json ? try report.json() : report.text())
    }
}
extension RelanceConfiguration.ChannelMode: ExpressibleByArgument {}
