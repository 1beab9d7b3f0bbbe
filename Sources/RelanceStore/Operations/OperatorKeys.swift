import Foundation
import Logging
import PostgresNIO
import RelanceCore

/// An operator's key as people see it afterwards: never the key itself.
public struct OperatorKeyRecord: Sendable, Hashable {
    public var id: UUID
    /// Who holds it; the audit log names them by it.
    public var name: String
    public var prefix: String
    public var createdAt: Date
    public var revokedAt: Date?
}

/// Someone an operator key says a request comes from.
public struct OperatorPrincipal: Sendable, Hashable {
    public var keyId: UUID
    public var name: String

    public init(keyId: UUID, name: String) {
        self.keyId = keyId
        self.name = name
    }

    /// How the audit log names them.
    public var actor: String { "operator:\(name)" }
}

/// Operators' keys (migration 0012): stored as the SHA-256 of the key, shown by prefix, revoked
/// not deleted. They act for no tenant: only the owner's connection reads them.
public struct OperatorKeyStore: Sendable {
    public let session: any DatabaseSession
    public let logger: Logger

    public init(session: any DatabaseSession, logger: Logger) {
        self.session = session
        self.logger = logger
    }

    @discardableResult
    public func create(name: String, prefix: String, sha256: [UInt8]) async throws -> OperatorKeyRecord {
        let id = UUID.timeOrdered()
        let rows: [PostgresRow]
        do {
            rows = try await session.rows(
                """
                INSERT INTO operator_keys (id, name, prefix, secret_sha256)
                VALUES (\(id), \(name), \(prefix), \(ByteBuffer(bytes: sha256)))
                RETURNING created_at
                """,
                logger: logger
            ).collect()
        } catch {
            throw StoreError.translating(error)
        }
        guard let createdAt = try rows.first?.decode(Date.self) else {
            throw StoreError(.corruptRecord, "the operator key was not stored")
        }
        return OperatorKeyRecord(id: id, name: name, prefix: prefix, createdAt: createdAt, revokedAt: nil)
    }

    /// Every operator key, oldest first, revoked ones included.
    public func keys() async throws -> [OperatorKeyRecord] {
        let rows = try await session.rows(
            "SELECT id, name, prefix, created_at, revoked_at FROM operator_keys ORDER BY created_at, id", logger: logger
        )
        var result: [OperatorKeyRecord] = []
        for try await (id, name, prefix, created, revoked) in rows.decode((UUID, String, String, Date, Date?).self) {
            result.append(OperatorKeyRecord(id: id, name: name, prefix: prefix, createdAt: created, revokedAt: revoked))
        }
        return result
    }

    /// Revokes the key named by its prefix or id; false when there is none.
    public func revoke(_ prefixOrId: String) async throws -> OperatorKeyRecord? {
        let id = UUID(uuidString: prefixOrId)
        let rows = try await session.rows(
            """
            UPDATE operator_keys SET revoked_at = coalesce(revoked_at, now())
            WHERE prefix = \(prefixOrId) OR id = \(id)
            RETURNING id, name, prefix, created_at, revoked_at
            """,
            logger: logger
        )
        for try await (id, name, prefix, created, revoked) in rows.decode((UUID, String, String, Date, Date?).self) {
            return OperatorKeyRecord(id: id, name: name, prefix: prefix, createdAt: created, revokedAt: revoked)
        }
        return nil
    }

    /// The live operator key with this hash, or nil (unknown or revoked).
    public func authenticate(sha256: [UInt8]) async throws -> OperatorPrincipal? {
        let rows = try await session.rows(
            """
            SELECT id, name FROM operator_keys
            WHERE secret_sha256 = \(ByteBuffer(bytes: sha256)) AND revoked_at IS NULL
            """,
            logger: logger
        )
        for try await (id, name) in rows.decode((UUID, String).self) {
            return OperatorPrincipal(keyId: id, name: name)
        }
        return nil
    }
}
