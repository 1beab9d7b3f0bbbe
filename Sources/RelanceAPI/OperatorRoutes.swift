import Foundation
import Hummingbird
import PostgresNIO
import RelanceCore
import RelancePipeline
import RelanceStore

// The operators' routes, under /v1/ops: an operator key (`rlo_…`) acts for no tenant and reads
// across them, through the owner's connection. Each change they make is in the audit log.

/// What the operator side of the API reaches.
public struct OperationsAccess: Sendable {
    /// Connected as the owner: operators read across tenants (row-level security does not apply).
    public var database: PostgresClient
    /// RabbitMQ's management API, for the queue figures (`GET /v1/ops/queues`); nil: 503.
    public var brokerMonitor: BrokerMonitor?

    public init(database: PostgresClient, brokerMonitor: BrokerMonitor? = nil) {
        self.database = database
        self.brokerMonitor = brokerMonitor
    }
}

struct AuditEntryView: Encodable {
    var id: Int64
    var at: Date
    var actor: String
    var action: String
    var target: String
    @LowercaseOptionalID var tenantId: UUID?
    var reason: String?
    var detail: JSONValue?

    init(_ entry: OpsAuditEntry) {
        id = entry.id
        at = entry.at
        actor = entry.actor
        action = entry.action
        target = entry.target
        tenantId = entry.tenantId?.uuid
        reason = entry.reason
        detail = try? APIJSON.decoder().decode(JSONValue.self, from: Data(entry.detail.utf8))
    }
}

extension APIServer {
    /// The operator side, once an operator key is checked: 503 when this server has none.
    func operationsAccess(_ context: APIContext) throws -> (OperatorPrincipal, OperationsAccess) {
        let principal = try context.requireOperator()
        guard let operations else {
            throw APIError(status: .serviceUnavailable, code: "operations_unavailable",
                           message: "this server has no operator access")
        }
        return (principal, operations)
    }

    func addOperatorRoutes(to ops: RouterGroup<APIContext>) {
        // The audit log, latest first: ?since= (RFC 3339), ?action= (or a family: dead_letter),
        // ?tenant=, ?limit= (1…500).
        ops.get("audit") { request, context in
            let (_, operations) = try operationsAccess(context)
            let (_, limit) = try request.page()
            let query = request.uri.queryParameters
            var since: Date?
            if let text = query["since"] {
                guard let date = try? Date(String(text), strategy: .iso8601) else {
                    throw APIError.invalid("since", "'since' must be a moment such as 2026-12-07T09:00:00Z")
                }
                since = date
            }
            let tenant = try request.queryId("tenant").map(TenantID.init)
            let entries = try await OpsAuditLog(session: operations.database, logger: logger)
                .entries(since: since, action: query["action"].map(String.init), tenant: tenant, limit: limit)
            return APIJSON.response(["items": entries.map(AuditEntryView.init)])
        }
        addPauseRoutes(to: ops)
        addQueueRoutes(to: ops)
        addDeadLetterRoutes(to: ops)
    }
}
