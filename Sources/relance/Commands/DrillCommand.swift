import ArgumentParser
import Foundation
import Logging
import RelanceBench
import RelanceRuntime

extension DrillFault: ExpressibleByArgument {}

struct DrillCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drill",
        abstract: "Break the pipeline on purpose while it runs, and count what was lost, what was done twice and how long it took to move again.",
        discussion: """
            For each fault, creates a database (--database) and a RabbitMQ virtual host (--vhost) of \
            its own, seeds N due steps, starts `relance dispatcher` and `relance worker` as separate \
            processes (this executable), and once --fault-after of the outcomes are in brings the \
            fault about: none (the baseline), kill-dispatcher (kill -9 the dispatcher and relay process, another started \
            3 s later), restart-postgres (pg_ctlcluster … restart -m immediate), freeze-broker \
            (SIGSTOP the node leading the email queue for --freeze seconds, so heartbeats are missed), \
            kill-broker-node (kill -9 that node of a cluster; the run goes on with the others, and \
            deploy/cluster.sh up starts it again afterwards), resize-workers (two more worker processes, then two stopped with SIGTERM). \
            It then waits until every step has its outcome and prints, for each fault: steps seeded, \
            outcomes, steps lost, steps acted on twice (the workers' --contact-log) and their \
            debtors, the time from the end of the fault until claims and outcomes both moved again, \
            the longest stall, and steps per second from the start of the roles to the last outcome \
            (with --fault none and --workers 1, 2, 4: the throughput of the roles as separate processes). Exit status 1 when a step was lost or acted on twice. \
            It must run as root on the machine of the services (it drives pg_ctlcluster and \
            rabbitmqctl); never point it at a production installation.
            """
    )

    @OptionGroup var options: ServiceOptions

    @Option(name: .customLong("fault"), help: "A fault to drill (\(DrillFault.allCases.map(\.rawValue).joined(separator: ", "))); repeat it. Default: all (kill-broker-node only with several --broker-nodes).")
    var faults: [DrillFault] = []

    @Option(help: "Due steps seeded for each fault's run.")
    var reminders: Int = 20_000

    @Option(help: "Tenants the steps are spread across.")
    var tenants: Int = 10

    @Option(help: "Worker processes at the start of each run.")
    var workers: Int = 2

    @Option(help: "The Erlang names of the RabbitMQ nodes behind --amqp-url, comma-separated (a cluster: relance-1@localhost,relance-2@localhost,relance-3@localhost).")
    var brokerNodes: String = "rabbit@localhost"

    @Option(help: "Share of the outcomes in before the fault strikes (0 to 1).")
    var faultAfter: Double = 0.25

    @Option(help: "Seconds the frozen broker node stays frozen (the roles' heartbeat is 10 s unless --amqp-url sets one: two are missed after 20 s).")
    var freeze: Double = 45

    @Option(help: "Seconds without progress after which a run is declared stuck.")
    var stallTimeout: Double = 300

    @Option(help: "The drill's database (created and dropped on the configured server).")
    var database: String = "relance_drill"

    @Option(help: "The drill's RabbitMQ virtual host (created and deleted).")
    var vhost: String = "relance_drill"

    @Option(help: "Where each run's role logs and contact log are written.")
    var logs: String = "/tmp/relance-drill"

    var nodes: [String] { brokerNodes.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }

    func validate() throws {
        guard reminders > 0, tenants > 0, tenants <= reminders else {
            throw ValidationError("--reminders and --tenants must be positive, with no more tenants than reminders")
        }
        guard workers > 0 else { throw ValidationError("--workers must be positive, not \(workers)") }
        guard faultAfter.isFinite, faultAfter >= 0, faultAfter < 1 else { throw ValidationError("--fault-after must be at least 0 and below 1, not \(faultAfter)") }
        guard freeze.isFinite, freeze > 0, freeze <= 600 else { throw ValidationError("--freeze must be between 0 and 600 seconds, not \(freeze)") }
        guard stallTimeout.isFinite, stallTimeout > 0 else { throw ValidationError("--stall-timeout must be a positive number of seconds") }
        guard !nodes.isEmpty, nodes.allSatisfy({ $0.contains("@") }) else {
            throw ValidationError("--broker-nodes must name Erlang nodes such as rabbit@localhost, not '\(brokerNodes)'")
        }
        if faults.contains(.killBrokerNode), nodes.count < 2 {
            throw ValidationError("--fault kill-broker-node needs a cluster: give its nodes with --broker-nodes and its URLs with --amqp-url")
        }
    }

    func run() async throws {
        let configuration = options.configuration()
        var logger = Logger(label: "relance.drill")
        logger.logLevel = (options.logLevel ?? ProcessInfo.processInfo.environment["RELANCE_LOG_LEVEL"]).flatMap { Logger.Level(rawValue: $0) } ?? .warning
        let chosen = faults.isEmpty ? DrillFault.allCases.filter { $0 != .killBrokerNode || nodes.count > 1 } : faults
        let settings = DrillSettings(
            faults: chosen, reminders: reminders, tenants: tenants, workers: workers, brokerNodes: nodes,
            database: database, virtualHost: vhost, faultAfter: faultAfter, freeze: .milliseconds(Int(freeze * 1000)),
            stallTimeout: stallTimeout, directory: logs
        )
        let drill = try Drill(settings: settings, configuration: configuration, logger: logger,
                              progress: { line in FileHandle.standardError.write(Data("drill: \(line)\n".utf8)) })
        let reports: [DrillReport]
        do {
            reports = try await drill.run()
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure("drill failed: \(error)")
        }
        print(DrillReport.render(reports, command: "relance drill " + CommandLine.arguments.dropFirst(2).joined(separator: " ")))
        if !reports.allSatisfy(\.ok) { throw ExitCode.failure }
    }
}

struct BenchSoakCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "soak",
        abstract: "Run the roles as separate processes under a steady inflow of due steps, and sample memory, descriptors, connections and backlog.",
        discussion: """
            Creates a database (--database) and a RabbitMQ virtual host (--vhost) of its own, starts \
            `relance dispatcher` and --workers `relance worker` processes (this executable), and for \
            --minutes adds --rate new due steps a second (a new debtor's invoice each, on email, call \
            and letter in turn). Every --sample-every seconds it prints each process's resident memory, \
            open file descriptors and threads, the database's connections, the due steps not yet \
            claimed, the jobs in the outbox and the outcomes; at the end it compares the first sample \
            after the warm-up (a sixth of the run) with the last. What must hold: memory, descriptors \
            and connections flat, the backlog bounded, and every step's outcome in once the inflow stops. \
            Runs as root on the machine of the services (rabbitmqctl creates the virtual host).
            """
    )

    @OptionGroup var options: ServiceOptions

    @Option(help: "Minutes of steady inflow.")
    var minutes: Double = 30

    @Option(help: "New due steps per second.")
    var rate: Int = 50

    @Option(help: "Tenants the inflow is spread across.")
    var tenants: Int = 10

    @Option(help: "Worker processes.")
    var workers: Int = 2

    @Option(help: "Seconds between samples.")
    var sampleEvery: Double = 60

    @Option(help: "The Erlang names of the RabbitMQ nodes behind --amqp-url, comma-separated.")
    var brokerNodes: String = "rabbit@localhost"

    @Option(help: "The soak's database (created and dropped on the configured server).")
    var database: String = "relance_soak"

    @Option(help: "The soak's RabbitMQ virtual host (created and deleted).")
    var vhost: String = "relance_soak"

    @Option(help: "Where the roles' logs go.")
    var logs: String = "/tmp/relance-soak"

    func validate() throws {
        guard minutes.isFinite, minutes > 0, minutes <= 24 * 60 else { throw ValidationError("--minutes must be above 0 and at most 1440, not \(minutes)") }
        guard rate > 0, rate <= 10_000 else { throw ValidationError("--rate must be between 1 and 10000 steps a second, not \(rate)") }
        guard tenants > 0, workers > 0 else { throw ValidationError("--tenants and --workers must be positive") }
        guard sampleEvery.isFinite, sampleEvery >= 1 else { throw ValidationError("--sample-every must be at least 1 second, not \(sampleEvery)") }
        guard brokerNodes.split(separator: ",").allSatisfy({ $0.contains("@") }) else {
            throw ValidationError("--broker-nodes must name Erlang nodes such as rabbit@localhost, not '\(brokerNodes)'")
        }
    }

    func run() async throws {
        let configuration = options.configuration()
        var logger = Logger(label: "relance.soak")
        logger.logLevel = (options.logLevel ?? ProcessInfo.processInfo.environment["RELANCE_LOG_LEVEL"]).flatMap { Logger.Level(rawValue: $0) } ?? .warning
        let settings = SoakSettings(
            minutes: minutes, rate: rate, tenants: tenants, workers: workers, sampleEvery: sampleEvery,
            brokerNodes: brokerNodes.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) },
            database: database, virtualHost: vhost, directory: logs
        )
        let soak = try Soak(settings: settings, configuration: configuration, logger: logger,
                            progress: { line in FileHandle.standardError.write(Data("soak: \(line)\n".utf8)) })
        let report: SoakReport
        do {
            report = try await soak.run()
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure("soak failed: \(error)")
        }
        print(report.text(command: "relance bench soak " + CommandLine.arguments.dropFirst(3).joined(separator: " ")))
    }
}
