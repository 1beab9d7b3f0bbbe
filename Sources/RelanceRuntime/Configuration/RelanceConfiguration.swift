import AMQP
import Foundation
import RelancePipeline
import RelanceStore

/// Where Relance finds its services and data. Every field has a default that works on a fresh
/// machine once `deploy/services-up.sh` has started the local services; the environment
/// overrides the defaults, and command-line flags override the environment.
public struct RelanceConfiguration: Sendable {
    /// `RELANCE_DATABASE_URL`
    public var databaseURL: String = "postgres://relance:relance@127.0.0.1:5432/relance"
    /// `RELANCE_AMQP_URL`: one URL, or several separated by commas (the nodes of a cluster,
    /// between which the clients fail over).
    public var amqpURL: String = "amqp://relance:relance@127.0.0.1:5672/relance"
    /// `RELANCE_AMQP_MANAGEMENT_URL`: RabbitMQ's management HTTP API, as
    /// `http://user:password@host:15672/<vhost>`. Unset: the first broker of `amqpURL`'s host,
    /// user, password and virtual host, on port 15672.
    public var amqpManagementURL: String?
    /// `RELANCE_SCHEMAS_DIR`: migrations, rate tables, compliance rules. When unset, the first
    /// `schemas/` directory found walking up from the working directory, then from the executable.
    public var schemasDirectory: String?
    /// `RELANCE_LOG_LEVEL`: trace, debug, info, notice, warning, error, critical.
    public var logLevel: String = "info"
    /// `RELANCE_LOG_FORMAT`: text (for people) or json (one object per line, for machines).
    public var logFormat: String = "text"
    /// `RELANCE_METRICS_PORT`: the port where a dispatcher or worker serves /metrics, /health
    /// and /ready (default 9101 for a dispatcher, 9102 for a worker; `relance run` and `relance
    /// api` serve them on the API's port).
    public var metricsPort: Int?
    /// `RELANCE_ARTEFACTS_DIR`: where letters, formal notices and court dossiers are written,
    /// by tenant and day (`<dir>/<tenant>/<yyyy-mm-dd>/<job>.pdf`).
    public var artefactsDirectory: String = "/var/lib/relance/artefacts"
    /// `RELANCE_POST_ROOM_TIME_ZONE`: whose calendar the day of a letter, and of its postal
    /// manifest, is read in.
    public var postRoomTimeZone: String = "Europe/Paris"
    /// `RELANCE_CHANNELS`: `real` (emails over SMTP, PDF letters, call tasks, court dossiers)
    /// or `record` (render and record outcome `recorded`, contacting nobody: for benchmarks).
    public var channels: ChannelMode = .real

    /// How the workers act on jobs.
    public enum ChannelMode: String, Sendable, CaseIterable {
        case real
        case record
    }

    /// `RELANCE_API_DATABASE_URL`: how the HTTP API connects — as the application role, which
    /// row-level security confines to one tenant per transaction. Unset: the database of
    /// `databaseURL` as user `relance_app` (password `RELANCE_APP_DB_PASSWORD`, else
    /// `relance_app`), the role deploy/services-up.sh creates.
    public var apiDatabaseURL: String?
    /// `RELANCE_APP_DB_PASSWORD`: the application role's password, when `apiDatabaseURL` is unset.
    public var appDatabasePassword: String = "relance_app"
    /// `RELANCE_API_HOST` and `RELANCE_API_PORT`: where `relance api` and `relance run` listen.
    public var apiHost: String = "127.0.0.1"
    public var apiPort: Int = 8080

    /// The defaults.
    public init() {}

    /// The API's database location (see `apiDatabaseURL`).
    public func apiDatabase() throws -> DatabaseURL {
        if let apiDatabaseURL { return try DatabaseURL(apiDatabaseURL) }
        var url = try DatabaseURL(databaseURL)
        url.username = "relance_app"
        url.password = appDatabasePassword
        return url
    }

    /// A `RELANCE_CHANNELS` value that names no mode, to be refused.
    public var unknownChannelMode: String?

    /// The post room's time zone; throws a readable message when it names none.
    public func postRoomZone() throws -> TimeZone {
        guard let zone = TimeZone(identifier: postRoomTimeZone) else {
            throw ConfigurationError(description: "RELANCE_POST_ROOM_TIME_ZONE is '\(postRoomTimeZone)', which is not a time zone (e.g. Europe/Paris)")
        }
        return zone
    }

    /// Refuses settings that name nothing usable.
    public func validate() throws {
        if let unknownChannelMode {
            throw ConfigurationError(description: "RELANCE_CHANNELS is '\(unknownChannelMode)': use real or record")
        }
        _ = try postRoomZone()
    }

    /// A setting that cannot be used.
    public struct ConfigurationError: Error, CustomStringConvertible {
        public let description: String
    }

    /// The brokers of ``amqpURL``, in order; throws `AMQPError` (`invalidURL`) naming the first
    /// malformed URL of the list.
    public func amqpBrokers() throws(AMQPError) -> [AMQPConfiguration] {
        try AMQPConfiguration.list(fromURLs: amqpURL)
    }

    /// The client of the management API (see ``amqpManagementURL``), for `relance ops queues`
    /// and `GET /v1/ops/queues`.
    public func brokerMonitor() throws -> BrokerMonitor {
        if let amqpManagementURL {
            guard let url = URL(string: amqpManagementURL), url.scheme == "http" || url.scheme == "https", url.host != nil else {
                throw ConfigurationError(description: "RELANCE_AMQP_MANAGEMENT_URL is '\(amqpManagementURL)', which is not an http(s) URL such as http://relance:relance@127.0.0.1:15672/relance")
            }
            return BrokerMonitor(url: url)
        }
        do {
            return BrokerMonitor(broker: try amqpBrokers()[0])
        } catch {
            throw ConfigurationError(description: "RELANCE_AMQP_URL: \(error)")
        }
    }

    /// The defaults, overridden by the `RELANCE_*` variables of `environment` that are set.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> RelanceConfiguration {
        var configuration = RelanceConfiguration()
        if let value = environment["RELANCE_DATABASE_URL"], !value.isEmpty { configuration.databaseURL = value }
        if let value = environment["RELANCE_AMQP_URL"], !value.isEmpty { configuration.amqpURL = value }
        if let value = environment["RELANCE_AMQP_MANAGEMENT_URL"], !value.isEmpty { configuration.amqpManagementURL = value }
        if let value = environment["RELANCE_SCHEMAS_DIR"], !value.isEmpty { configuration.schemasDirectory = value }
        if let value = environment["RELANCE_LOG_LEVEL"], !value.isEmpty { configuration.logLevel = value }
        if let value = environment["RELANCE_LOG_FORMAT"], !value.isEmpty { configuration.logFormat = value }
        if let value = environment["RELANCE_METRICS_PORT"], let port = Int(value) { configuration.metricsPort = port }
        if let value = environment["RELANCE_ARTEFACTS_DIR"], !value.isEmpty { configuration.artefactsDirectory = value }
        if let value = environment["RELANCE_POST_ROOM_TIME_ZONE"], !value.isEmpty { configuration.postRoomTimeZone = value }
        if let value = environment["RELANCE_API_DATABASE_URL"], !value.isEmpty { configuration.apiDatabaseURL = value }
        if let value = environment["RELANCE_APP_DB_PASSWORD"], !value.isEmpty { configuration.appDatabasePassword = value }
        if let value = environment["RELANCE_API_HOST"], !value.isEmpty { configuration.apiHost = value }
        if let value = environment["RELANCE_API_PORT"], let port = Int(value) { configuration.apiPort = port }
        if let value = environment["RELANCE_CHANNELS"], !value.isEmpty {
            // An unknown mode is kept as the default and refused by `validate()` with the value.
            configuration.channels = ChannelMode(rawValue: value) ?? .real
            configuration.unknownChannelMode = ChannelMode(rawValue: value) == nil ? value : nil
        }
        return configuration
    }
}
