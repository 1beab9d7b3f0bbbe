import ArgumentParser
import Foundation
import RelanceAPI
import RelancePipeline
import RelanceRuntime

/// `relance ops queues`: depth, rates and consumers of the relance.* queues.
struct OpsQueuesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queues",
        abstract: "Print the figures of the relance.* queues (jobs, retries, dead letters) from RabbitMQ's management API.",
        discussion: """
            The management API is RELANCE_AMQP_MANAGEMENT_URL (http://user:password@host:15672/vhost), \
            else RELANCE_AMQP_URL's host, user, password and virtual host on port 15672. Rates are \
            messages per second over the broker's last sample. The oldest message's age is shown \
            when the broker reports it (classic queues); quorum queues on RabbitMQ 3.10 do not: unknown.
            """
    )

    @OptionGroup var options: ServiceOptions
    @Option(help: "The management API's URL (default: $RELANCE_AMQP_MANAGEMENT_URL, else derived from the AMQP URL).")
    var managementURL: String?
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
        let queues: [QueueFigures]
        do {
            queues = try await monitor.queues()
        } catch {
            throw CommandFailure("\(error)")
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
             queue.oldestMessageAgeSeconds.map(Self.age) ?? (queue.messages == 0 ? "-" : "unknown")]
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

    static func rate(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

    static func age(_ seconds: Double) -> String {
        let whole = Int(seconds)
        if whole < 120 { return "\(whole)s" }
        if whole < 7200 { return "\(whole / 60)m" }
        if whole < 172_800 { return "\(whole / 3600)h" }
        return "\(whole / 86400)d"
    }
}
