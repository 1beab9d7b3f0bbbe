import ArgumentParser
import Foundation
import Logging
import RelanceAPI
import RelanceRuntime

@main
struct Relance: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relance",
        abstract: "Collects unpaid invoices: plans escalating reminders, sends them, computes late-payment penalties.",
        discussion: """
            Services are found through RELANCE_DATABASE_URL and RELANCE_AMQP_URL (defaults: the local \
            PostgreSQL and RabbitMQ that deploy/services-up.sh starts on 127.0.0.1).
            """,
        subcommands: [MigrateCommand.self, DispatcherCommand.self, WorkerCommand.self, RunCommand.self, APICommand.self, TenantCommand.self, KeyCommand.self, ImportCommand.self, DemoCommand.self, PenaltyCommand.self, LettersCommand.self, CallsCommand.self, FilingsCommand.self, OpsCommand.self, BenchCommand.self, DrillCommand.self]
    )

    /// Runs the chosen command. A usage mistake (unknown option, a date or amount that does not
    /// parse, …) prints one line on stderr and exits with status 2, the usual convention, so
    /// scripts can tell a bad invocation from a failure.
    static func main() async {
        // Every role records its figures in one registry, served at /metrics.
        RelanceMetrics.bootstrap()
        do {
            var command = try await asyncParseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                let text = message(for: error).split(whereSeparator: \.isNewline).joined(separator: " ")
                FileHandle.standardError.write(Data("relance: \(text)\n".utf8))
                exit(withError: ExitCode(2))
            }
            if LogFormat.jsonIsActive {
                // The command logs JSON lines: its failure is one too, not prose among them.
                Logger(label: "relance").critical("The command failed", metadata: ["error": "\(message(for: error))"])
                exit(withError: exitCode(for: error))
            }
            exit(withError: error)
        }
    }
}
