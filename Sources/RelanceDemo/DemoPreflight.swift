import AMQP
import Foundation
import Logging
import PostgresNIO
import RelancePipeline
import RelanceStore

/// Checks, before anything is stored, that both services answer and that the database is
/// migrated — at once, with a clear message, instead of a connection pool retrying for a
/// minute. Also notices other consumers on the job queues: a worker of another process would
/// take some of the demo's jobs.
struct DemoPreflight {
    let databaseURL: DatabaseURL
    let amqpURL: String
    let logger: Logger

    /// Returns warnings to print; throws `DemoFailure` when the demo cannot run.
    func run() async throws -> [String] {
        do {
            let migrated = try await PostgresConnection.withSingleConnection(databaseURL, logger: logger) { connection in
                let rows = try await connection.query("SELECT to_regclass('public.job_outcomes') IS NOT NULL", logger: logger)
                for try await exists in rows.decode(Bool.self) { return exists }
                return false
            }
            guard migrated else {
                throw DemoFailure("the database \(databaseURL) has no Relance schema: run `relance migrate` first")
            }
        } catch let failure as DemoFailure {
            throw failure
        } catch {
            throw DemoFailure("\(StoreError.wrapping(error, url: databaseURL).description)")
        }

        let brokers: [AMQPConfiguration]
        do {
            brokers = try AMQPConfiguration.list(fromURLs: amqpURL)
        } catch {
            throw DemoFailure("RELANCE_AMQP_URL: \(error)")
        }
        // The first broker of the list that answers, as the pipeline's clients do.
        var reached: AMQPConnection?
        var failures: [String] = []
        for broker in brokers where reached == nil {
            do {
                reached = try await AMQPConnection.connect(broker, logger: logger)
            } catch {
                failures.append("\(broker): \(error)")
            }
        }
        guard let connection = reached else {
            throw DemoFailure("cannot reach RabbitMQ at \(failures.joined(separator: "; ")) (deploy/services-up.sh starts the local RabbitMQ)")
        }
        var warnings: [String] = []
        do {
            try await JobTopology().declare(on: connection)
            for channel in JobTopology.queueChannels {
                let queue = JobTopology.queue(for: channel)
                let info = try await connection.queueInfo(queue)
                if info.consumerCount > 0 {
                    warnings.append(
                        "\(info.consumerCount) other consumer(s) on \(queue): another worker uses this vhost; if it works against another database, the demo's jobs it takes will get no outcome here"
                    )
                }
            }
        } catch {
            await connection.close()
            throw DemoFailure("cannot declare the job queues on RabbitMQ: \(error)")
        }
        await connection.close()
        return warnings
    }
}
