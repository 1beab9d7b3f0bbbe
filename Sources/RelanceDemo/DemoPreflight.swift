import AMQP
import Foundation
import Glibc
import Logging
import PostgresNIO
import RelanceChannels
import RelancePipeline
import RelanceStore

/// Checks, before anything is stored, that both services answer and that the database is
/// migrated — at once, with a clear message, instead of a connection pool retrying for a
/// minute. Also notices other consumers on the job queues: a worker of another process would
/// take some of the demo's jobs.
struct DemoPreflight {
    let databaseURL: DatabaseURL
    let amqpURL: String
    /// The last migration this build ships: a database behind it lacks tables the run needs.
    let latestMigration: Int
    let logger: Logger

    /// Returns warnings to print; throws `DemoFailure` when the demo cannot run.
    func run() async throws -> [String] {
        do {
            let applied = try await PostgresConnection.withSingleConnection(databaseURL, logger: logger) { connection -> Int? in
                let table = try await connection.query("SELECT to_regclass('public.schema_migrations') IS NOT NULL", logger: logger)
                var exists = false
                for try await found in table.decode(Bool.self) { exists = found }
                guard exists else { return nil }
                let rows = try await connection.query("SELECT coalesce(max(version), 0)::int8 FROM schema_migrations", logger: logger)
                for try await version in rows.decode(Int.self) { return version }
                return nil
            }
            guard let applied, applied > 0 else {
                throw DemoFailure("the database \(databaseURL) has no Relance schema: run `relance migrate` first")
            }
            guard applied >= latestMigration else {
                throw DemoFailure("the database \(databaseURL) has migrations up to \(applied), this build needs \(latestMigration): run `relance migrate` first")
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

    /// Fails unless the SMTP relay greets on its port within five seconds (the demo's emails
    /// would otherwise wait in the retry queues).
    static func smtpAnswers(_ smtp: SMTPConfiguration) throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw DemoFailure("cannot open a socket to reach the SMTP relay") }
        defer { close(descriptor) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(smtp.host, String(smtp.port), &hints, &found) == 0, let first = found else {
            throw DemoFailure("the SMTP relay's host \(smtp.host) cannot be resolved")
        }
        defer { freeaddrinfo(found) }
        var greeting = [UInt8](repeating: 0, count: 4)
        guard connect(descriptor, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0,
              recv(descriptor, &greeting, 4, 0) >= 3, greeting[0..<3] == [50, 50, 48]
        else {
            throw DemoFailure("no SMTP relay greets on \(smtp.host):\(smtp.port): `bash deploy/smtp-sink.sh up` starts the local sink (RELANCE_SMTP_HOST and RELANCE_SMTP_PORT name another relay)")
        }
    }

    /// Fails unless `directory` exists (or can be made) and takes files.
    static func writable(_ directory: String) throws {
        let probe = URL(fileURLWithPath: directory, isDirectory: true).appendingPathComponent(".relance-demo-probe")
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data().write(to: probe)
            try FileManager.default.removeItem(at: probe)
        } catch {
            throw DemoFailure("the artefact directory \(directory) (RELANCE_ARTEFACTS_DIR) takes no files: \(error.localizedDescription)")
        }
    }
}
