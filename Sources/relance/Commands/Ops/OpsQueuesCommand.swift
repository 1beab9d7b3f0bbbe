import ArgumentParser
import Foundation
import RelanceAPI
import RelancePipeline
import RelanceRuntime
import RelanceStore

/// `relance ops queues`: depth, rates and consumers of the relance.* queues.
struct OpsQueuesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queues",
        abstract: "Print the figures of the relance.* queues (jobs, retries, dead letters) from RabbitMQ's management API.",
        discussion: """
            The management API is RELANCE_AMQP_MANAGEMENT_URL (http://user:password@host:15672/vhost), \
            else RELANCE_AMQP_URL's host, user, password and virtual host on port 15672. Rates are \
            messages per second over the broker's last sample. "oldest" is how long the oldest \
            waiting work has waited, from the database (RabbitMQ 3.10 reports no head-message \
            timestamp for quorum queues): for a channel's queue, its oldest job published and not \
            finished (in the queue, a retry queue, or a worker's hands); for a dead-letter queue, \
            its oldest dead letter waiting in `relance ops dead-letters`. Jobs are looked for among \
            those of the last --lookback (a day by default).
            """
    )

    @OptionGroup var options: ServiceOptions
    @Option(help: "The management API's URL (default: $RELANCE_AMQP_MANAGEMENT_URL, else derived from the AMQP URL).")
    var managementURL: String?
    @Option(help: "How far back to look for jobs not finished, for the oldest age: hours (24h) or days (7d).",
            transform: { try OpsQueuesCommand.lookback($0) })
    var lookback: TimeInterval = QueueAges.defaultLookback
    @Flag(help: "Print JSON (as GET /v1/ops/queues).")
    var json = false

    func run() async throws {
        var configuration = options.configuration()
        if let managementURL { configuration.amqpManagementURL = managementURL }
        let monitor: BrokerMonitor
        do {
            monitor = try configuration.brokerMonitor()
        } catch {
            throw CommandFailure("\(error)")
        }
        let figures: [QueueFigures]
        do {
            figures = try await monitor.queues()
        } catch {
            throw CommandFailure("\(error)")
        }
        let lookback = lookback
        let queues = try await options.withDatabase(label: "relance.ops") { client, logger in
            var ages = QueueAges(client: client, logger: logger)
            ages.lookback = lookback
            return try await ages.fill(figures, now: Date())
        }
        if json {
            print(QueueView.json(queues.map(QueueView.init)))
            return
        }
        print("RabbitMQ \(monitor.displayURL)")
        guard !queues.isEmpty else { print("no relance.* queue in this virtual host"); return }
        let header = ["queue", "messages", "ready", "unacked", "consumers", "publish/s", "deliver/s", "ack/s", "oldest"]
        let rows = queues.map { queue in
            [queue.name, "\(queue.messages)", "\(queue.ready)", "\(queue.unacknowledged)", "\(queue.consumers)",
             Self.rate(queue.publishRate), Self.rate(queue.deliverRate), Self.rate(queue.ackRate),
             queue.oldestText]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max()! }
        for row in [header] + rows {
            let cells = row.enumerated().map { column, cell in
                column == 0 ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - cell.count) + cell
            }
            print(cells.joined(separator: "  "))
        }
    }

    /// `24h` or `7d` as seconds, from one hour to a year.
    static func lookback(_ text: String) throws -> TimeInterval {
        let unit = text.last.flatMap { ["h": 3600.0, "d": 86_400.0][String($0)] }
        guard let unit, let count = Int(text.dropLast()), count > 0, Double(count) * unit <= 366 * 86_400 else {
            throw ValidationError("--lookback must be hours such as 24h or days such as 7d (at most a year), not '\(text)'")
        }
        return Double(count) * unit
    }

    static func rate(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}
