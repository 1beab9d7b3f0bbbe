import Foundation
import Logging
import PostgresNIO
import RelanceCore

/// Tenants: businesses and collection agencies.
public struct TenantRepository: Sendable {
    public let client: PostgresClient
    public let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Stores a new tenant. A collection agency needs its `agencyDetails`; a business has none.
    /// A default policy must already exist: create the tenant first, then its policies, then
    /// name one with `setDefaultPolicy`.
    public func create(_ tenant: Tenant, agencyDetails: AgencyDetails? = nil) async throws {
        switch (tenant.kind, agencyDetails) {
        case (.collectionAgency, nil):
            throw StoreError(.invalidRecord, "collection agency '\(tenant.name)' needs its agency details (name, address, statement) for its letters")
        case (.business, .some):
            throw StoreError(.invalidRecord, "business '\(tenant.name)' is not a collection agency; agency details are for agencies")
        default:
            break
        }
        let details = try agencyDetails.map(StoreJSON.snake)
        try await client.run {
            try await client.query(
                """
                INSERT INTO tenants (id, name, kind, agency_details, default_policy_id)
                VALUES (\(tenant.id.uuid), \(tenant.name), \(tenant.kind.rawValue), \(details)::jsonb,
                        \(tenant.defaultPolicyId?.uuid))
                """,
                logger: logger
            )
        }
    }

    /// The tenant with `id`, or nil.
    public func tenant(_ id: TenantID) async throws -> TenantRecord? {
        try await client.withConnection { connection in
            try await Self.tenants([id], on: connection, logger: logger)[id]
        }
    }

    enum TenantsRead: PreparedText {
        static let sql = "SELECT id, name, kind, agency_details::text, default_policy_id FROM tenants WHERE id = ANY($1)"
    }

    public static func tenants(
        _ ids: [TenantID],
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> [TenantID: TenantRecord] {
        guard !ids.isEmpty else { return [:] }
        // Prepared: workers read their batch's tenants for every batch.
        let rows = try await connection.execute(PreparedQuery<TenantsRead> { $0.append(ids.map(\.uuid)) }, logger: logger)
        var result: [TenantID: TenantRecord] = [:]
        for try await row in rows {
            let (id, name, kind, details, policy) = try row.decode((UUID, String, String, String?, UUID?).self)
            guard let kind = TenantKind(rawValue: kind) else {
                throw StoreError(.corruptRecord, "tenant \(id) has unknown kind '\(kind)'")
            }
            result[TenantID(id)] = TenantRecord(
                tenant: Tenant(id: TenantID(id), name: name, kind: kind, defaultPolicyId: policy.map(DunningPolicyID.init)),
                agencyDetails: try details.map { try StoreJSON.decodeSnake(AgencyDetails.self, from: $0, what: "agency details") }
            )
        }
        return result
    }

    /// Names the tenant's default dunning policy (nil: the built-in French ladder).
    public func setDefaultPolicy(_ policyId: DunningPolicyID?, of tenantId: TenantID) async throws {
        let updated = try await client.run {
            try await client.query(
                "UPDATE tenants SET default_policy_id = \(policyId?.uuid) WHERE id = \(tenantId.uuid) RETURNING id",
                logger: logger
            ).collect().count
        }
        guard updated == 1 else { throw StoreError(.notFound, "no tenant \(tenantId)") }
    }

    /// Sends the tenant's emails through its own SMTP relay (nil: the installation's).
    public func setSMTPRelay(_ relay: TenantSMTPRelay?, of tenantId: TenantID) async throws {
        let json = try relay.map(StoreJSON.snake)
        let updated = try await client.run {
            try await client.query(
                "UPDATE tenants SET smtp_relay = \(json)::jsonb WHERE id = \(tenantId.uuid) RETURNING id",
                logger: logger
            ).collect().count
        }
        guard updated == 1 else { throw StoreError(.notFound, "no tenant \(tenantId)") }
    }

    /// The tenants that send through their own SMTP relay, and their relays. A relay stored
    /// in a shape that cannot be read is an error naming the tenant.
    public func smtpRelays() async throws -> [TenantID: TenantSMTPRelay] {
        try await client.run {
            let rows = try await client.query(
                "SELECT id, smtp_relay::text FROM tenants WHERE smtp_relay IS NOT NULL", logger: logger
            )
            var relays: [TenantID: TenantSMTPRelay] = [:]
            for try await (id, text) in rows.decode((UUID, String).self) {
                relays[TenantID(id)] = try StoreJSON.decodeSnake(TenantSMTPRelay.self, from: text, what: "SMTP relay of tenant \(id)")
            }
            return relays
        }
    }
}
