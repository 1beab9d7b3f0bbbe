import AMQP
import Foundation

/// Where Relance finds its services and data. Every field has a default that works on a fresh
/// machine once `deploy/services-up.sh` has started the local services; the environment
/// overrides the defaults, and command-line flags override the environment.
public struct RelanceConfiguration: Sendable {
    /// `RELANCE_DATABASE_URL`
    public var databaseURL: String = "postgres://relance:relance@127.0.0.1:5432/relance"
    /// `RELANCE_AMQP_URL`: one URL, or several separated by commas (the nodes of a cluster,
    /// between which the clients fail over).
    public var amqpURL: String = "amqp://relance:relance@127.0.0.1:5672/relance"
    /// `RELANCE_SCHEMAS_DIR`: migrations, rate tables, compliance rules. When unset, the first
    /// `schemas/` directory found walking up from the working directory, then from the executable.
    public var schemasDirectory: String?
    /// `RELANCE_LOG_LEVEL`: trace, debug, info, notice, warning, error, critical.
    public var logLevel: String = "info"

    /// The defaults.
    public init() {}

    /// The brokers of ``amqpURL``, in order; throws `AMQPError` (`invalidURL`) naming the first
    /// malformed URL of the list.
    public func amqpBrokers() throws(AMQPError) -> [AMQPConfiguration] {
        try AMQPConfiguration.list(fromURLs: amqpURL)
    }

    /// The defaults, overridden by the `RELANCE_*` variables of `environment` that are set.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> RelanceConfiguration {
        var configuration = RelanceConfiguration()
        if let value = environment["RELANCE_DATABASE_URL"], !value.isEmpty { configuration.databaseURL = value }
        if let value = environment["RELANCE_AMQP_URL"], !value.isEmpty { configuration.amqpURL = value }
        if let value = environment["RELANCE_SCHEMAS_DIR"], !value.isEmpty { configuration.schemasDirectory = value }
        if let value = environment["RELANCE_LOG_LEVEL"], !value.isEmpty { configuration.logLevel = value }
        return configuration
    }
}
