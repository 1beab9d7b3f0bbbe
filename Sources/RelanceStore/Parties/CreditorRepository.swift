import Foundation
import Logging
import PostgresNIO
import RelanceCore

/// Creditors: on whose behalf money is owed.
public struct CreditorRepository: Sendable {
    public let client: PostgresClient
    public let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Stores a new creditor of an existing tenant.
    public func create(_ creditor: Creditor) async throws {
        try await client.run {
            try await Self.insert(creditor, externalRef: nil, on: client, logger: logger)
        }
    }

    /// Inserts `creditor` on `session`; `externalRef` is the tenant's own reference for it (a
    /// collection agency's client code), unique per tenant.
    public static func insert(_ creditor: Creditor, externalRef: String?, on session: any DatabaseSession, logger: Logger) async throws {
        let address = try StoreJSON.snake(creditor.address)
        let identifiers = try creditor.legalIdentifiers.map(StoreJSON.snake)
        let sender = try creditor.sender.map(StoreJSON.snake)
        let bank = try creditor.bankAccount.map(StoreJSON.snake)
        _ = try await session.rows(
            """
            INSERT INTO creditors (tenant_id, id, name, postal_address, legal_identifiers, default_policy_id, sender,
                                   bank_account, external_ref)
            VALUES (\(creditor.tenantId.uuid), \(creditor.id.uuid), \(creditor.name), \(address)::jsonb,
                    \(identifiers)::jsonb, \(creditor.policyOverride?.uuid), \(sender)::jsonb, \(bank)::jsonb, \(externalRef))
            """,
            logger: logger
        ).collect()
    }

    /// The creditor with `id`, or nil.
    public func creditor(_ id: CreditorID) async throws -> Creditor? {
        try await client.withConnection { connection in
            try await Self.creditors([id], on: connection, logger: logger)[id]
        }
    }

    /// Sets what the creditor's emails say they come from and where its debtors pay; nil
    /// clears a setting.
    public func setSender(_ sender: SenderSettings?, bankAccount: BankAccount?, of creditorId: CreditorID) async throws {
        let senderJSON = try sender.map(StoreJSON.snake)
        let bankJSON = try bankAccount.map(StoreJSON.snake)
        let updated = try await client.run {
            try await client.query(
                """
                UPDATE creditors SET sender = \(senderJSON)::jsonb, bank_account = \(bankJSON)::jsonb
                WHERE id = \(creditorId.uuid) RETURNING id
                """,
                logger: logger
            ).collect().count
        }
        guard updated == 1 else { throw StoreError(.notFound, "no creditor \(creditorId)") }
    }

    /// Names the creditor's own policy (nil: the tenant's).
    public func setPolicy(_ policyId: DunningPolicyID?, of creditorId: CreditorID) async throws {
        let updated = try await client.run {
            try await client.query(
                "UPDATE creditors SET default_policy_id = \(policyId?.uuid) WHERE id = \(creditorId.uuid) RETURNING id",
                logger: logger
            ).collect().count
        }
        guard updated == 1 else { throw StoreError(.notFound, "no creditor \(creditorId)") }
    }

    enum CreditorsRead: PreparedText {
        static let sql = """
            SELECT tenant_id, id, name, postal_address::text, legal_identifiers::text, default_policy_id,
                   sender::text, bank_account::text
            FROM creditors WHERE id = ANY($1)
            """
    }

    public static func creditors(
        _ ids: [CreditorID],
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> [CreditorID: Creditor] {
        guard !ids.isEmpty else { return [:] }
        // Prepared: workers read their batch's creditors for every batch.
        let rows = try await connection.execute(PreparedQuery<CreditorsRead> { $0.append(ids.map(\.uuid)) }, logger: logger)
        var result: [CreditorID: Creditor] = [:]
        for try await row in rows {
            let (tenant, id, name, address, identifiers, policy, sender, bank) =
                try row.decode((UUID, UUID, String, String?, String?, UUID?, String?, String?).self)
            guard let address else {
                throw StoreError(.corruptRecord, "creditor \(id) has no postal address")
            }
            let creditor = Creditor(
                id: CreditorID(id),
                tenantId: TenantID(tenant),
                name: name,
                address: try StoreJSON.decodeSnake(PostalAddress.self, from: address, what: "creditor address"),
                legalIdentifiers: try identifiers.map { try StoreJSON.decodeSnake(LegalIdentifiers.self, from: $0, what: "legal identifiers") },
                policyOverride: policy.map(DunningPolicyID.init),
                sender: try sender.map { try StoreJSON.decodeSnake(SenderSettings.self, from: $0, what: "creditor sender") },
                bankAccount: try bank.map { try StoreJSON.decodeSnake(BankAccount.self, from: $0, what: "creditor bank account") }
            )
            result[creditor.id] = creditor
        }
        return result
    }
}
