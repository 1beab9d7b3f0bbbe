import Foundation
import Logging
import PostgresNIO
import RelanceCore

/// Who a dashboard session is for: a tenant (`/app`) or an operator (`/ops`, no tenant).
public struct DashboardSession: Sendable, Hashable {
    public var id: UUID
    public var tenantId: TenantID?
    public var operatorName: String?
    public var expiresAt: Date

    public init(id: UUID, tenantId: TenantID?, operatorName: String?, expiresAt: Date) {
        self.id = id
        self.tenantId = tenantId
        self.operatorName = operatorName
        self.expiresAt = expiresAt
    }
}

/// One-time links and browser sessions of the dashboard (migration 0013). Tokens are random,
/// 256 bits; only their SHA-256 is stored, so a fast hash is enough (as for API keys).
public struct DashboardSessionStore: Sendable {
    public let client: PostgresClient
    public let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Stores a one-time link of `tenant` by its hash, in the tenant's own transaction.
    public func createLink(
        tenant: TenantID, sha256: [UInt8], apiKeyId: UUID?, expiresAt: Date
    ) async throws {
        try await insert(kind: "link", tenant: tenant, sha256: sha256, apiKeyId: apiKeyId, expiresAt: expiresAt)
    }

    /// Opens a session of `tenant` directly (a person pasted an API key into the login form).
    public func createSession(
        tenant: TenantID, sha256: [UInt8], apiKeyId: UUID?, expiresAt: Date
    ) async throws -> DashboardSession {
        let id = try await insert(kind: "session", tenant: tenant, sha256: sha256, apiKeyId: apiKeyId, expiresAt: expiresAt)
        return DashboardSession(id: id, tenantId: tenant, operatorName: nil, expiresAt: expiresAt)
    }

    @discardableResult
    private func insert(kind: String, tenant: TenantID, sha256: [UInt8], apiKeyId: UUID?, expiresAt: Date) async throws -> UUID {
        let id = UUID.timeOrdered()
        try await client.withTenant(tenant, logger: logger) { connection in
            do {
                try await connection.query(
                    """
                    INSERT INTO dashboard_sessions (id, kind, tenant_id, token_sha256, api_key_id, expires_at)
                    VALUES (\(id), \(kind), \(tenant.uuid), \(ByteBuffer(bytes: sha256)), \(apiKeyId), \(expiresAt))
                    """,
                    logger: logger
                )
            } catch {
                throw StoreError.translating(error)
            }
        }
        return id
    }

    /// Stores a one-time link, or opens a session, of an operator (no tenant). Needs the
    /// owner's connection: the application role cannot write a row without a tenant.
    public func createOperator(link: Bool, name: String, sha256: [UInt8], expiresAt: Date) async throws -> DashboardSession {
        let id = UUID.timeOrdered()
        do {
            try await client.query(
                """
                INSERT INTO dashboard_sessions (id, kind, operator_name, token_sha256, expires_at)
                VALUES (\(id), \(link ? "link" : "session"), \(name), \(ByteBuffer(bytes: sha256)), \(expiresAt))
                """,
                logger: logger
            )
        } catch {
            throw StoreError.translating(error)
        }
        return DashboardSession(id: id, tenantId: nil, operatorName: name, expiresAt: expiresAt)
    }

    /// Redeems a live, unused link once for a session stored under `sessionSHA256`; nil when the
    /// link is unknown, expired, revoked or used already.
    public func redeemLink(sha256: [UInt8], sessionSHA256: [UInt8], sessionExpiresAt: Date) async throws -> DashboardSession? {
        let rows = try await client.query(
            """
            SELECT id, tenant_id, operator_name, expires_at FROM relance_redeem_dashboard_link(
                \(ByteBuffer(bytes: sha256)), \(UUID.timeOrdered()), \(ByteBuffer(bytes: sessionSHA256)), \(sessionExpiresAt))
            """,
            logger: logger
        )
        for try await (id, tenant, name, expires) in rows.decode((UUID, UUID?, String?, Date).self) {
            return DashboardSession(id: id, tenantId: tenant.map(TenantID.init), operatorName: name, expiresAt: expires)
        }
        return nil
    }

    /// The live session with this hash, or nil (unknown, expired or revoked).
    public func session(sha256: [UInt8]) async throws -> DashboardSession? {
        let rows = try await client.query(
            "SELECT id, tenant_id, operator_name, expires_at FROM relance_dashboard_session(\(ByteBuffer(bytes: sha256)))",
            logger: logger
        )
        for try await (id, tenant, name, expires) in rows.decode((UUID, UUID?, String?, Date).self) {
            return DashboardSession(id: id, tenantId: tenant.map(TenantID.init), operatorName: name, expiresAt: expires)
        }
        return nil
    }

    /// Ends a tenant's session (signing out); an operator's needs the owner's connection.
    public func revoke(_ session: DashboardSession) async throws {
        guard let tenant = session.tenantId else {
            try await client.query(
                "UPDATE dashboard_sessions SET revoked_at = coalesce(revoked_at, now()) WHERE id = \(session.id) AND tenant_id IS NULL",
                logger: logger
            )
            return
        }
        try await client.withTenant(tenant, logger: logger) { connection in
            try await connection.query(
                "UPDATE dashboard_sessions SET revoked_at = coalesce(revoked_at, now()) WHERE id = \(session.id)",
                logger: logger
            )
        }
    }
}
