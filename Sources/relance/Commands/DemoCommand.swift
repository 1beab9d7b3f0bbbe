import ArgumentParser
import Foundation
import Logging
import RelanceDemo
import RelanceRuntime

/// `relance demo`: the whole pipeline on the real local services, over 60 simulated days.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the end-to-end demo: 60 simulated days of collection on the real PostgreSQL and RabbitMQ.",
        discussion: """
            Stores a demo business and a collection agency (fresh ids each run, so it can run again), \
            eight debtors who each show one behaviour (a reliable payer late for once, a chronic late \
            payer, a payment while a reminder is queued, a dispute, a consumer, a broken promise, a \
            payment plan, a debt placed with an agency) and their invoices, then runs 60 days from \
            2026-03-02 on a manual clock. Each day at 08:00, 10:00 and 14:00 (Europe/Paris) it applies \
            the day's events, lets the dispatcher claim what is due, publishes the jobs to RabbitMQ, and \
            waits until the workers of this process have recorded every outcome. Then it prints each \
            debtor's timeline with the penalty owed, a summary, and checks the invariants: it exits with \
            status 1, saying what failed, when one does not hold. Run `relance migrate` first.
            """
    )

    @OptionGroup var options: ServiceOptions

    @Option(help: "Seconds to wait for the workers to record the outcomes of one simulated moment.")
    var outcomeTimeout: Double = 30

    func run() async throws {
        var configuration = options.configuration()
        // The demo prints its own story; library logs only when something goes wrong.
        if options.logLevel == nil, ProcessInfo.processInfo.environment["RELANCE_LOG_LEVEL"] == nil {
            configuration.logLevel = "warning"
        }
        let logger = {
            var logger = Logger(label: "relance.demo")
            logger.logLevel = Logger.Level(rawValue: configuration.logLevel) ?? .warning
            return logger
        }()
        guard outcomeTimeout > 0 else { throw ValidationError("--outcome-timeout must be positive") }

        try await EndToEndDemo(
            configuration: configuration, outcomeTimeout: .milliseconds(Int(outcomeTimeout * 1000)), logger: logger
        ).run()
    }
}
