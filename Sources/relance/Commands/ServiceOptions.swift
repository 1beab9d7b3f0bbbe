import ArgumentParser
import Logging
import PostgresNIO
import RelanceRuntime
import RelanceStore

/// The options every command that talks to the services shares.
struct ServiceOptions: ParsableArguments {
    @Option(help: "PostgreSQL URL (default: $RELANCE_DATABASE_URL, else the local database deploy/ starts).")
    var databaseURL: String?

    @Option(help: "RabbitMQ URL, or several separated by commas to fail over between the nodes of a cluster (default: $RELANCE_AMQP_URL, else the local broker deploy/ starts).")
    var amqpURL: String?

    @Option(help: "The schemas directory: migrations, rate tables, rules (default: $RELANCE_SCHEMAS_DIR, else found from the working directory).")
    var schemasDir: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error (default: $RELANCE_LOG_LEVEL, else info).")
    var logLevel: String?

    @Option(help: "Log format: text, or json (one object per line with job and tenant ids; default: $RELANCE_LOG_FORMAT, else text).")
    var logFormat: String?

    func validate() throws {
        guard LogFormat(rawValue: configuration().logFormat) != nil else {
            throw ValidationError("unknown log format '\(configuration().logFormat)' (from --log-format or RELANCE_LOG_FORMAT): use text or json")
        }
        let level = configuration().logLevel
        guard Logger.Level(rawValue: level) != nil else {
            let known = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("unknown log level '\(level)' (from --log-level or RELANCE_LOG_LEVEL): use one of \(known)")
        }
        do {
            try configuration().validate()
        } catch {
            throw ValidationError("\(error)")
        }
        do {
            _ = try configuration().amqpBrokers()
        } catch {
            throw ValidationError("\(error) (from --amqp-url or RELANCE_AMQP_URL)")
        }
    }

    /// The configuration: flags, then environment, then defaults.
    func configuration() -> RelanceConfiguration {
        var configuration = RelanceConfiguration.fromEnvironment()
        if let databaseURL { configuration.databaseURL = databaseURL }
        if let amqpURL { configuration.amqpURL = amqpURL }
        if let schemasDir { configuration.schemasDirectory = schemasDir }
        if let logLevel { configuration.logLevel = logLevel }
        if let logFormat { configuration.logFormat = logFormat }
        return configuration
    }

    func logger(label: String) -> Logger {
        (LogFormat(rawValue: configuration().logFormat) ?? .text).bootstrap()
        var logger = Logger(label: label)
        logger.logLevel = Logger.Level(rawValue: configuration().logLevel) ?? .info
        return logger
    }
}

extension ServiceOptions {
    /// Runs `body` with a running client of the configured database and a logger labelled
    /// `label`: for one-shot commands. A bad URL or a database error fails the command with a
    /// message the user can act on.
    func withDatabase<Result: Sendable>(
        label: String, _ body: @escaping @Sendable (PostgresClient, Logger) async throws -> Result
    ) async throws -> Result {
        let logger = self.logger(label: label)
        let url: DatabaseURL
        do {
            url = try DatabaseURL(configuration().databaseURL)
        } catch {
            throw CommandFailure(error.description)
        }
        do {
            return try await PostgresClient.withRunningClient(url, logger: logger) { client in
                try await body(client, logger)
            }
        } catch {
            throw CommandFailure(StoreError.wrapping(error, url: url).description)
        }
    }
}
