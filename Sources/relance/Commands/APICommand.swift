import ArgumentParser
import Foundation
import Logging
import PostgresNIO
import RelancePipeline
import RelanceAPI
import RelanceCore
import RelanceRuntime
import RelanceStore

/// Where the API listens, shared by `relance api` and `relance run`.
struct APIOptions: ParsableArguments {
    @Option(help: "Port of the HTTP API (default: $RELANCE_API_PORT, else 8080; 0 picks a free one).")
    var port: Int?
    @Option(help: "Address of the HTTP API (default: $RELANCE_API_HOST, else 127.0.0.1).")
    var host: String?

    func validate() throws {
        if let port, !(0...65_535).contains(port) {
            throw ValidationError("--port must be from 0 to 65535, not \(port)")
        }
    }

    /// Runs `body` with the API ready to serve: its database client (the application role)
    /// running and checked for isolation, the owner's client for the operator routes, the
    /// business day in the post room's time zone.
    func withServer<Result: Sendable>(
        _ configuration: RelanceConfiguration, reference: ReferenceData, readiness: Readiness = Readiness(), logger: Logger,
        _ body: @escaping @Sendable (APIServer) async throws -> Result
    ) async throws -> Result {
        let url: DatabaseURL
        let ownerURL: DatabaseURL
        do {
            url = try configuration.apiDatabase()
        } catch {
            throw CommandFailure("RELANCE_API_DATABASE_URL: \(error)")
        }
        do {
            ownerURL = try DatabaseURL(configuration.databaseURL)
        } catch {
            throw CommandFailure("RELANCE_DATABASE_URL: \(error)")
        }
        let zone = try configuration.postRoomZone()
        let latestMigration = try ReadinessChecks.latestMigration(schemasOverride: configuration.schemasDirectory)
        let brokers = try configuration.amqpBrokers()
        let monitor = try? configuration.brokerMonitor()
        let settings = APISettings(
            host: host ?? configuration.apiHost, port: port ?? configuration.apiPort,
            artefactsDirectory: configuration.artefactsDirectory,
            today: { CalendarDate(Date(), in: zone) }
        )
        do {
            return try await PostgresClient.withRunningClient(url, logger: logger) { client in
                try await PostgresClient.withRunningClient(ownerURL, logger: logger) { owner in
                    let health = HealthChecks(readiness: readiness, checks: [
                        ("database", ReadinessChecks.database(owner, latestMigration: latestMigration, logger: logger)),
                        ("broker", ReadinessChecks.broker(brokers, logger: logger)),
                    ])
                    let server = APIServer(
                        database: client, reference: reference, settings: settings,
                        operations: OperationsAccess(database: owner, brokerMonitor: monitor), health: health, logger: logger
                    )
                    try await server.checkIsolation()
                    return try await body(server)
                }
            }
        } catch let error as APIServer.IsolationError {
            throw CommandFailure(error.description)
        } catch {
            throw CommandFailure(StoreError.wrapping(error, url: url).description)
        }
    }
}

struct APICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api",
        abstract: "Serve the HTTP API (JSON under /v1; see schemas/openapi.yaml).",
        discussion: """
            Requests carry an API key (Authorization: Bearer <key>) made by `relance tenant create` or \
            `relance key create`. The API connects to PostgreSQL as the application role \
            (RELANCE_API_DATABASE_URL), which row-level security confines to the key's tenant. \
            Stops gracefully on SIGTERM or SIGINT.
            """
    )

    @OptionGroup var options: ServiceOptions
    @OptionGroup var api: APIOptions

    func run() async throws {
        let configuration = options.configuration()
        let logger = options.logger(label: "relance.api")
        let reference = try ResourceLocator().referenceData(schemasOverride: configuration.schemasDirectory)
        try await api.withServer(configuration, reference: reference, logger: logger) { server in
            try await server.run(onRunning: { port in
                logger.notice("API listening", metadata: ["address": "http://\(server.settings.host):\(port)/v1"])
            })
        }
    }
}

/// `relance tenant`: tenants, made by an operator of the installation.
struct TenantCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tenant",
        abstract: "Create and list tenants (a business, or a collection agency and its clients).",
        subcommands: [Create.self, List.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Create a tenant; print its id and a first admin API key, shown this once."
        )

        @OptionGroup var options: ServiceOptions
        @Option(help: "The tenant's name.")
        var name: String
        @Option(help: "business or collection_agency.")
        var kind: String
        @Option(name: .customLong("agency-statement"), help: "A collection agency's activity statement, printed on its letters.")
        var agencyStatement: String?
        @Option(name: .customLong("address-line"), help: "A collection agency's address, one line per option.")
        var addressLines: [String] = []
        @Option(name: .customLong("postal-code"), help: "A collection agency's postal code.")
        var postalCode: String?
        @Option(help: "A collection agency's city.")
        var city: String?
        @Option(help: "A collection agency's country (ISO 3166 alpha-2).")
        var country: String = "FR"
        @Flag(help: "Print the tenant and its key as JSON.")
        var json = false

        func validate() throws {
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--name must not be empty") }
            guard let kind = TenantKind(rawValue: kind) else {
                throw ValidationError("--kind must be business or collection_agency, not '\(kind)'")
            }
            if kind == .collectionAgency {
                guard agencyStatement != nil, !addressLines.isEmpty, postalCode != nil, city != nil else {
                    throw ValidationError("a collection agency needs --agency-statement, --address-line, --postal-code and --city (its letters must carry them)")
                }
            }
        }

        func run() async throws {
            let kind = TenantKind(rawValue: kind) ?? .business
            let details = kind == .collectionAgency
                ? AgencyDetails(
                    name: name,
                    address: PostalAddress(lines: addressLines, postalCode: postalCode ?? "", city: city ?? "", countryCode: country),
                    statement: agencyStatement ?? ""
                )
                : nil
            let tenant = Tenant(id: TenantID(UUID.timeOrdered()), name: name, kind: kind)
            let key = APIKeyMaker.make()
            try await options.withDatabase(label: "relance.tenant") { client, logger in
                try await TenantRepository(client: client, logger: logger).create(tenant, agencyDetails: details)
                try await APIKeyStore(session: client, logger: logger)
                    .create(tenant: tenant.id, prefix: key.prefix, sha256: key.sha256, role: .admin, label: "first admin key")
            }
            if json {
                print(#"{"tenant_id":"\#(tenant.id)","name":\#(jsonString(name)),"kind":"\#(kind.rawValue)","api_key":"\#(key.key)","role":"admin"}"#)
            } else {
                print("tenant \(tenant.id)  \(name) (\(kind.rawValue))")
                print("admin API key (shown this once; keep it now): \(key.key)")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the tenants.")

        @OptionGroup var options: ServiceOptions

        func run() async throws {
            let lines = try await options.withDatabase(label: "relance.tenant") { client, logger in
                let rows = try await client.query(
                    """
                    SELECT t.id, t.kind, t.name, t.created_at,
                           (SELECT count(*) FROM api_keys k WHERE k.tenant_id = t.id AND k.revoked_at IS NULL)::int8,
                           (SELECT count(*) FROM invoices i WHERE i.tenant_id = t.id)::int8
                    FROM tenants t ORDER BY t.created_at, t.id
                    """,
                    logger: logger
                )
                var lines: [String] = []
                for try await (id, kind, name, created, keys, invoices) in rows.decode((UUID, String, String, Date, Int, Int).self) {
                    lines.append("\(id.uuidString.lowercased())  \(kind.padding(toLength: 17, withPad: " ", startingAt: 0))  \(created.formatted(.iso8601))  keys \(keys)  invoices \(invoices)  \(name)")
                }
                return lines
            }
            print(lines.isEmpty ? "no tenant yet: relance tenant create --name NAME --kind business" : lines.joined(separator: "\n"))
        }
    }
}

/// `relance key`: a tenant's API keys.
struct KeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Create, list and revoke a tenant's API keys.",
        discussion: """
            Roles: admin (everything for the tenant), agent (read; record payments, promises, \
            disputes, plans and call results), readonly (read). Keys are stored as SHA-256 hashes \
            and shown afterwards by their prefix.
            """,
        subcommands: [Create.self, List.self, Revoke.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create", abstract: "Make a key and print it, this once.")

        @OptionGroup var options: ServiceOptions
        @Option(help: "The tenant's id.", transform: { try KeyCommand.tenant($0) })
        var tenant: UUID
        @Option(help: "admin, agent or readonly.")
        var role: String
        @Option(help: "What the key is for.")
        var label: String?

        func validate() throws {
            guard APIRole(rawValue: role) != nil else { throw ValidationError("--role must be admin, agent or readonly, not '\(role)'") }
        }

        func run() async throws {
            let key = APIKeyMaker.make()
            let role = APIRole(rawValue: role) ?? .readonly
            let tenantId = TenantID(tenant)
            let label = label
            do {
                try await options.withDatabase(label: "relance.key") { client, logger in
                    try await APIKeyStore(session: client, logger: logger)
                        .create(tenant: tenantId, prefix: key.prefix, sha256: key.sha256, role: role, label: label)
                }
            } catch let error as CommandFailure where error.description.contains("foreign key") {
                throw CommandFailure("no tenant \(tenantId)")
            }
            print("\(role.rawValue) API key for tenant \(tenantId) (shown this once; keep it now): \(key.key)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List a tenant's keys by prefix.")

        @OptionGroup var options: ServiceOptions
        @Option(help: "The tenant's id.", transform: { try KeyCommand.tenant($0) })
        var tenant: UUID

        func run() async throws {
            let tenantId = TenantID(tenant)
            let keys = try await options.withDatabase(label: "relance.key") { client, logger in
                try await APIKeyStore(session: client, logger: logger).keys(of: tenantId)
            }
            if keys.isEmpty { print("tenant \(tenantId) has no key") }
            for key in keys {
                let state = key.revokedAt.map { "revoked \($0.formatted(.iso8601))" } ?? "live"
                print("\(key.prefix)…  \(key.role.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0))  created \(key.createdAt.formatted(.iso8601))  \(state)  \(key.label ?? "")")
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a key: requests with it get 401 from then on.")

        @OptionGroup var options: ServiceOptions
        @Option(help: "The tenant's id.", transform: { try KeyCommand.tenant($0) })
        var tenant: UUID
        @Argument(help: "The key's prefix (as `relance key list` shows it) or id.")
        var key: String

        func run() async throws {
            let tenantId = TenantID(tenant)
            let prefix = key.hasSuffix("…") ? String(key.dropLast()) : key
            let revoked = try await options.withDatabase(label: "relance.key") { client, logger in
                try await APIKeyStore(session: client, logger: logger).revoke(prefix, of: tenantId)
            }
            guard revoked else { throw CommandFailure("tenant \(tenantId) has no key '\(key)'") }
            print("revoked \(prefix)")
        }
    }

    static func tenant(_ text: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else { throw ValidationError("--tenant must be a tenant id (a UUID), not '\(text)'") }
        return id
    }
}

/// `text` as a JSON string literal.
func jsonString(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        default:
            if scalar.value < 0x20 { result += String(format: "\\u%04x", scalar.value) } else { result.unicodeScalars.append(scalar) }
        }
    }
    return result + "\""
}
