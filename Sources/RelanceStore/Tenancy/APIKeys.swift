import Foundation
import Logging
import PostgresNIO
import RelanceCore

/// What an API key may do. An `admin` does everything for its tenant; an `agent` reads and
/// records what debtors say and pay (payments, promises, disputes, plans, call tasks); a
/// `readonly` key reads.
public enum APIRole: String, Sendable, Hashable, CaseIterable, Codable {
    case admin
    case agent
    case readonly
}

/// A stored key as people see it afterwards: never the key itself.
public struct APIKeyRecord: Sendable, Hashable {
    public var id: UUID
    public var tenantId: TenantID
    /// The key's first characters, enough to recognise it.
    public var prefix: String
    public var role: APIRole
    public var label: String?
    public var createdAt: Date
    public var revokedAt: Date?

    public init(id: UUID, tenantId: TenantID, prefix: String, role: APIRole, label: String?, createdAt: Date, revokedAt: Date?) {
        self.id = id
        self.tenantId = tenantId
        self.prefix = prefix
        self.role = role
        self.label = label
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}

/// Who a request's key says it is.
public struct APIPrincipal: Sendable, Hashable {
    public var keyId: UUID
    public var tenantId: TenantID
    public var role: APIRole

    public init(keyId: UUID, tenantId: TenantID, role: APIRole) {
        self.keyId = keyId
        self.tenantId = tenantId
        self.role = role
    }
}

/// API keys: stored as a SHA-256 of the key (the key is random, 256 bits, so a fast hash is
/// enough), shown by prefix, revoked not deleted.
public struct APIKeyStore: Sendable {
    public let session: any DatabaseSession
    public let logger: Logger

    public init(session: any DatabaseSession, logger: Logger) {
        self.session = session
        self.logger = logger
    }

    /// Stores a key of `tenant` by its hash.
    @discardableResult
    public func create(
        tenant: TenantID, prefix: String, sha256: [UInt8], role: APIRole, label: String?
    ) async throws -> APIKeyRecord {
        let id = UUID.timeOrdered()
        let rows: [PostgresRow]
        do {
            rows = try await session.rows(
                """
                INSERT INTO api_keys (id, tenant_id, prefix, secret_sha256, role, label)
                VALUES (\(id), \(tenant.uuid), \(prefix), \(ByteBuffer(bytes: sha256)), \(role.rawValue), \(label))
                RETURNING created_at
                """,
                logger: logger
            ).collect()
        } catch {
            throw StoreError.translating(error)
        }
        guard let createdAt = try rows.first?.decode(Date.self) else {
            throw StoreError(.notFound, "no tenant \(tenant)")
        }
        return APIKeyRecord(id: id, tenantId: tenant, prefix: prefix, role: role, label: label, createdAt: createdAt, revokedAt: nil)
    }

    /// The tenant's keys, oldest first, revoked ones included.
    public func keys(of tenant: TenantID) async throws -> [APIKeyRecord] {
        let rows = try await session.rows(
            """
            SELECT id, prefix, role, label, created_at, revoked_at FROM api_keys
            WHERE tenant_id = \(tenant.uuid) ORDER BY created_at, id
            """,
            logger: logger
        )
        var result: [APIKeyRecord] = []
        for try await (id, prefix, role, label, created, revoked) in rows.decode((UUID, String, String, String?, Date, Date?).self) {
            guard let role = APIRole(rawValue: role) else {
                throw StoreError(.corruptRecord, "API key \(prefix) has unknown role '\(role)'")
            }
            result.append(APIKeyRecord(id: id, tenantId: tenant, prefix: prefix, role: role, label: label, createdAt: created, revokedAt: revoked))
        }
        return result
    }

    /// Revokes the tenant's key named by its prefix (or id); a revoked key stays revoked.
    /// Returns false when the tenant has no such key.
    public func revoke(_ prefixOrId: String, of tenant: TenantID) async throws -> Bool {
        let id = UUID(uuidString: prefixOrId)
        let rows = try await session.rows(
            """
            UPDATE api_keys SET revoked_at = coalesce(revoked_at, now())
            WHERE tenant_id = \(tenant.uuid) AND (prefix = \(prefixOrId) OR id = \(id))
            RETURNING id
            """,
            logger: logger
        ).collect()
        return !rows.isEmpty
    }

    /// The live key with this hash, or nil (unknown or revoked). Works for the application
    /// role too: the look-up is a function with the owner's rights (migration 0010).
    public func authenticate(sha256: [UInt8]) async throws -> APIPrincipal? {
        let rows = try await session.rows(
            "SELECT key_id, tenant_id, role FROM relance_authenticate(\(ByteBuffer(bytes: sha256)))", logger: logger
        )
        for try await (keyId, tenantId, role) in rows.decode((UUID, UUID, String).self) {
            guard let role = APIRole(rawValue: role) else { return nil }
            return APIPrincipal(keyId: keyId, tenantId: TenantID(tenantId), role: role)
        }
        return nil
    }
}
