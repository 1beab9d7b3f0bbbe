import Foundation
import Hummingbird
import Logging
import PostgresNIO
import ServiceLifecycle
import RelanceCore
import RelancePipeline
import RelanceStore

/// Where and how the API serves.
public struct APISettings: Sendable {
    public var host: String
    public var port: Int
    /// The business day a payment or a pause is recorded on, and penalties are computed to.
    public var today: @Sendable () -> CalendarDate
    /// The moment now (call tasks are taken and recorded at it).
    public var now: @Sendable () -> Date
    /// Where the workers write letters and dossiers: the only place files are served from.
    public var artefactsDirectory: String

    public init(
        host: String = "127.0.0.1", port: Int = 8080, artefactsDirectory: String = "/var/lib/relance/artefacts",
        today: @escaping @Sendable () -> CalendarDate, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.host = host
        self.port = port
        self.artefactsDirectory = artefactsDirectory
        self.today = today
        self.now = now
    }
}

/// The HTTP API: JSON under `/v1`, every request authenticated by an API key and run in one
/// transaction acting for the key's tenant, on a database connection of the application role
/// (row-level security: a query sees that tenant's rows alone).
public struct APIServer: Sendable {
    /// Connected as the application role (`relance_app`), never as the owner.
    public let database: PostgresClient
    /// Rate tables (penalties to date) and templates (a policy's steps must name known ones).
    public let reference: ReferenceData
    public let settings: APISettings
    public let logger: Logger
    /// The operator side: connected as the owner (operators read across tenants), and the
    /// broker's management API. Nil: operator keys are refused with 503.
    public let operations: OperationsAccess?
    /// What `/ready` checks (`/health`, `/ready` and `/metrics` need no key).
    public var health: HealthChecks

    var rateTables: PenaltyRateTables { reference.rateTables }

    public init(
        database: PostgresClient, reference: ReferenceData, settings: APISettings, operations: OperationsAccess? = nil,
        health: HealthChecks = HealthChecks(), logger: Logger
    ) {
        self.health = health
        self.database = database
        self.reference = reference
        self.settings = settings
        self.operations = operations
        self.logger = logger
    }

    /// Every route the API serves.
    public func router() -> Router<APIContext> {
        let router = Router(context: APIContext.self)
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: ErrorShaping())
        router.add(middleware: BodyLimit())
        router.add(middleware: QueryText())
        addOperationalRoutes(to: router, health: health)
        let v1 = router.group("v1")
            .add(middleware: Authentication(
                keys: APIKeyStore(session: database, logger: logger),
                operators: operations.map { OperatorKeyStore(session: $0.database, logger: logger) }
            ))
        addTenantRoutes(to: v1)
        addPartyRoutes(to: v1)
        addInvoiceRoutes(to: v1)
        addActionRoutes(to: v1)
        addPolicyRoutes(to: v1)
        addWorkRoutes(to: v1)
        addImportRoutes(to: v1)
        addWebhookRoutes(to: v1)
        addOperatorRoutes(to: v1.group("ops"))
        addDashboardRoutes(to: router)
        return router
    }

    /// The routes as `METHOD /path` with `{name}` parameters, as schemas/openapi.yaml writes them.
    public func routeList() -> [String] {
        router().routes.map { route in
            let path = route.path.description.split(separator: "/").map { part in
                part.hasPrefix(":") ? "{\(part.dropFirst())}" : String(part)
            }.joined(separator: "/")
            return "\(route.method.rawValue) /\(path)"
        }.sorted()
    }

    /// The server, as a service for a ServiceGroup; `onRunning` gets the port it listens on
    /// (useful with port 0).
    public func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(
            router: router(),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "relance"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger
        )
    }

    /// Runs `body` in a transaction acting for the caller's tenant.
    func inTenant<Result: Sendable>(
        _ principal: APIPrincipal, _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        try await database.withTenant(principal.tenantId, logger: logger, body)
    }
}

/// Reading a request's path and query.
extension APIContext {
    /// The path parameter `name` as an id: 400 when it is not one.
    func id(_ name: String) throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(uuidString: text) else {
            throw APIError.invalid(name, "'\(parameters.get(name) ?? "")' is not an id (a UUID such as 0192f1c4-6b1e-7cc0-8d5e-3b2f7a9c1d40)")
        }
        return id
    }
}

extension Request {
    /// `?limit=` (1…500, default 50) and `?cursor=` (the `next_cursor` of the previous page).
    func page() throws -> (cursor: UUID?, limit: Int) {
        let query = uri.queryParameters
        var limit = APILimits.defaultPageSize
        if let text = query["limit"] {
            guard let value = Int(text), (1...APILimits.maximumPageSize).contains(value) else {
                throw APIError.invalid("limit", "'limit' must be an integer from 1 to \(APILimits.maximumPageSize)")
            }
            limit = value
        }
        var cursor: UUID?
        if let text = query["cursor"] {
            guard let value = UUID(uuidString: String(text)) else {
                throw APIError.invalid("cursor", "'cursor' must be the next_cursor of a previous page")
            }
            cursor = value
        }
        return (cursor, limit)
    }

    /// An optional id in the query string.
    func queryId(_ name: String) throws -> UUID? {
        guard let text = uri.queryParameters[Substring(name)] else { return nil }
        guard let id = UUID(uuidString: String(text)) else {
            throw APIError.invalid(name, "'\(name)' must be an id")
        }
        return id
    }
}

/// A page of items and the cursor of the next page.
struct PageView<Item: Encodable>: Encodable {
    var items: [Item]
    @LowercaseOptionalID var nextCursor: UUID?
}

extension APIServer {
    /// Serves until SIGTERM or SIGINT, then stops gracefully.
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await application(onRunning: onRunning).runService()
    }

    /// The server as a service of a ServiceGroup (`relance run` runs it beside the pipeline).
    public func service(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> any Service {
        application(onRunning: onRunning)
    }

    /// Refuses to serve over a connection that row-level security would not confine: a
    /// superuser, a role that bypasses the policies or owns the tables (the owner is not
    /// subject to them), or a schema without the policies (migrations not applied).
    public func checkIsolation() async throws {
        let rows = try await database.query(
            """
            SELECT r.rolsuper, r.rolbypassrls,
                   EXISTS (SELECT 1 FROM pg_tables t WHERE t.schemaname = 'public' AND t.tableowner = current_user),
                   EXISTS (SELECT 1 FROM pg_proc WHERE proname = 'relance_current_tenant')
            FROM pg_roles r WHERE r.rolname = current_user
            """,
            logger: logger
        )
        for try await (superuser, bypass, owns, migrated) in rows.decode((Bool, Bool, Bool, Bool).self) {
            guard migrated else {
                throw IsolationError(description: "the database has no row-level security policies yet: run `relance migrate` (as the owner role) first")
            }
            guard !superuser, !bypass, !owns else {
                throw IsolationError(description: """
                    the API's database role can see every tenant (superuser, BYPASSRLS or owner of the tables): \
                    connect it as the application role (RELANCE_API_DATABASE_URL, default user relance_app)
                    """)
            }
            return
        }
        throw IsolationError(description: "the API's database role was not found")
    }

    public struct IsolationError: Error, CustomStringConvertible {
        public let description: String
    }
}
