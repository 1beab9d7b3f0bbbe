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

        let configuration: AMQPConfiguration
        do {
            configuration = try AMQPConfiguration(url: amqpURL)
        } catch {
            throw DemoFailure("RELANCE_AMQP_URL: \(error)")
        }
        let connection: AMQPConnection
        do {
            connection = try await AMQPConnection.connect(configuration, logger: logger)
        } catch {
            throw DemoFailure("cannot reach RabbitMQ at \(configuration): \(error) (deploy/services-up.sh starts the local RabbitMQ)")
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
