import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Hummingbird
import Logging
import PostgresNIO
import RelanceAPI
import RelanceCore
import RelancePipeline
import RelanceStore
import RelanceTestSupport

/// A real API server on a loopback port, over a fresh migrated database, reached over real
/// HTTP: the server connects as the application role (row-level security), the test reads
/// and seeds as the owner.
struct APIHarness: Sendable {
    let port: Int
    /// The owner's client: what a test checks in the database, and how it makes tenants.
    let owner: PostgresClient
    let databaseURL: DatabaseURL
    let server: APIServer
    /// The artefact store the server serves files from (a fresh directory per run).
    let artefacts: URL

    /// The business day the server works on.
    static let today = try! CalendarDate(iso: "2026-12-07")
    /// The moment the server works at: that Monday, 10:00 in Paris (call hours).
    static let now = Date(timeIntervalSince1970: 1_796_634_000)

    static func run(_ body: @escaping @Sendable (APIHarness) async throws -> Void) async throws {
        try await FreshDatabase.withMigrated { url, owner in
            var appURL = url
            appURL.username = "relance_app"
            appURL.password = ProcessInfo.processInfo.environment["RELANCE_APP_DB_PASSWORD"] ?? "relance_app"
            let artefacts = FileManager.default.temporaryDirectory.appendingPathComponent("relance-api-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: artefacts, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: artefacts) }
            try await PostgresClient.withRunningClient(appURL, logger: FreshDatabase.logger) { app in
                let server = APIServer(
                    database: app, reference: reference,
                    settings: APISettings(host: "127.0.0.1", port: 0, artefactsDirectory: artefacts.path, today: { today }, now: { now }),
                    operations: OperationsAccess(database: owner, brokerMonitor: BrokerMonitor(url: URL(string: "http://relance:relance@127.0.0.1:15672/relance")!)),
                    logger: serverLogger
                )
                try await server.checkIsolation()
                try await withThrowingTaskGroup(of: Void.self) { group in
                    let (ports, continuation) = AsyncStream<Int>.makeStream()
                    group.addTask {
                        try await server.application(onRunning: { continuation.yield($0) }).run()
                    }
                    var iterator = ports.makeAsyncIterator()
                    guard let port = await iterator.next() else { throw HarnessError("the server did not start") }
                    defer { group.cancelAll() }
                    try await body(APIHarness(port: port, owner: owner, databaseURL: url, server: server, artefacts: artefacts))
                }
            }
        }
    }

    /// The server's own log: quiet, except a request that failed on the server's side.
    static let serverLogger: Logger = {
        var logger = Logger(label: "relance.tests.api")
        logger.logLevel = .critical
        return logger
    }()

    /// The rate tables, rules and templates the repository ships (a broken checkout stops loudly).
    static let reference: ReferenceData = try! ReferenceData.load(
        schemasDirectory: FreshDatabase.repositoryRoot.appendingPathComponent("schemas"),
        templatesDirectory: FreshDatabase.repositoryRoot.appendingPathComponent("templates")
    )

    // MARK: Tenants and keys, as `relance tenant create` makes them

    struct TenantKey: Sendable {
        var tenant: TenantID
        var key: String
    }

    func makeTenant(_ name: String, role: APIRole = .admin) async throws -> TenantKey {
        let tenant = Tenant(id: TenantID(UUID.timeOrdered()), name: name, kind: .business)
        try await TenantRepository(client: owner, logger: FreshDatabase.logger).create(tenant)
        return TenantKey(tenant: tenant.id, key: try await makeKey(for: tenant.id, role: role))
    }

    func makeKey(for tenant: TenantID, role: APIRole) async throws -> String {
        let key = APIKeyMaker.make()
        try await APIKeyStore(session: owner, logger: FreshDatabase.logger)
            .create(tenant: tenant, prefix: key.prefix, sha256: key.sha256, role: role, label: nil)
        return key.key
    }

    /// An operator key, as `relance ops key create` makes it.
    func makeOperatorKey(name: String = "alice") async throws -> String {
        let key = APIKeyMaker.make(prefix: APIKeyMaker.operatorPrefix)
        try await OperatorKeyStore(session: owner, logger: FreshDatabase.logger).create(name: name, prefix: key.prefix, sha256: key.sha256)
        return key.key
    }

    // MARK: HTTP

    struct Reply: Sendable {
        var status: Int
        var headers: [String: String]
        var body: Data

        var json: [String: Any] { ((try? JSONSerialization.jsonObject(with: body)) as? [String: Any]) ?? [:] }
        var text: String { String(decoding: body, as: UTF8.self) }
        /// The error's code, when the reply is an error.
        var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }
        var errorField: String? { (json["error"] as? [String: Any])?["field"] as? String }
        func string(_ key: String) -> String? { json[key] as? String }
    }

    func call(
        _ method: String, _ path: String, key: String?, json: String? = nil, body: Data? = nil, headers: [String: String] = [:]
    ) async throws -> Reply {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        if let key { request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let json {
            request.httpBody = Data(json.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        } else if let body {
            request.httpBody = body
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw HarnessError("no HTTP response for \(method) \(path)") }
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { fields[name.lowercased()] = value }
        }
        return Reply(status: http.statusCode, headers: fields, body: data)
    }

    // MARK: A creditor, a debtor and an invoice, made through the API

    struct Parties: Sendable {
        var creditor: String
        var debtor: String
        var invoice: String
    }

    func seed(_ key: String, number: String = "F-2026-001", amount: String = "1250.40", dueDate: String = "2026-10-31") async throws -> Parties {
        let creditor = try await call("POST", "/v1/creditors", key: key, json: """
            {"name": "Atelier Durand", "external_ref": "AD-\(number)",
             "address": {"lines": ["3 rue des Lilas"], "postal_code": "75011", "city": "Paris", "country_code": "FR"}}
            """)
        guard creditor.status == 201, let creditorId = creditor.string("id") else { throw HarnessError("creditor: \(creditor.text)") }
        let debtor = try await call("POST", "/v1/debtors", key: key, json: """
            {"creditor_id": "\(creditorId)", "name": "Boulangerie Martin", "kind": "business",
             "email": "compta@martin.example", "external_ref": "C-\(number)"}
            """)
        guard debtor.status == 201, let debtorId = debtor.string("id") else { throw HarnessError("debtor: \(debtor.text)") }
        let invoice = try await call("POST", "/v1/invoices", key: key, json: """
            {"creditor_id": "\(creditorId)", "debtor_id": "\(debtorId)", "number": "\(number)",
             "issue_date": "2026-10-01", "due_date": "\(dueDate)", "currency": "EUR", "amount": "\(amount)"}
            """)
        guard invoice.status == 201, let invoiceId = (invoice.json["invoice"] as? [String: Any])?["id"] as? String else {
            throw HarnessError("invoice: \(invoice.text)")
        }
        return Parties(creditor: creditorId, debtor: debtorId, invoice: invoiceId)
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
