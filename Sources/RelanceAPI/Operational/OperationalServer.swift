import Hummingbird
import Logging
import ServiceLifecycle

/// A small HTTP server with `/health`, `/ready` and `/metrics` only, for the processes that
/// serve no API (`relance dispatcher`, `relance worker`).
public struct OperationalServer: Sendable {
    public var host: String
    public var port: Int
    public var health: HealthChecks
    public let logger: Logger

    public init(host: String, port: Int, health: HealthChecks, logger: Logger) {
        self.host = host
        self.port = port
        self.health = health
        self.logger = logger
    }

    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        addOperationalRoutes(to: router, health: health)
        return router
    }

    /// The server as a service; `onRunning` gets the port it listens on.
    public func service(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> any Service {
        Application(
            router: router(),
            configuration: .init(address: .hostname(host, port: port), serverName: "relance"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger
        )
    }
}
