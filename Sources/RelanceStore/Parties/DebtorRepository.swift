import Foundation
import Logging
import PostgresNIO
import RelanceCore

/// Debtors: who owes, how to reach them, in which language and time zone.
public struct DebtorRepository: Sendable {
    public let client: PostgresClient
    public let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Stores one new debtor.
    public func create(_ record: DebtorRecord) async throws {
        try await createMany([record])
    }

    /// Stores many new debtors in one statement (`INSERT … SELECT FROM unnest(…)`); all or none.
    /// Empty contact fields are stored as NULL.
    public func createMany(_ records: [DebtorRecord]) async throws {
        try await client.run {
            try await Self.insert(records, on: client, logger: logger)
        }
    }

    /// `createMany` on `session`; `legalIdentifiers` (SIREN, VAT number) by debtor id.
    public static func insert(
        _ records: [DebtorRecord], legalIdentifiers: [DebtorID: LegalIdentifiers] = [:],
        on session: any DatabaseSession, logger: Logger
    ) async throws {
        guard !records.isEmpty else { return }
        let debtors = records.map(\.debtor)
        let addresses = try debtors.map { try $0.contacts.postalAddress.map(StoreJSON.snake) ?? "" }
        let identifiers = try debtors.map { try legalIdentifiers[$0.id].map(StoreJSON.snake) ?? "" }
        _ = try await session.rows(
            """
            INSERT INTO debtors (tenant_id, id, creditor_id, external_ref, name, kind, language, time_zone,
                                 email, phone, postal_address, cash_flow_difficulty, policy_id, legal_identifiers)
            SELECT d.tenant_id, d.id, d.creditor_id, NULLIF(d.external_ref, ''), d.name, d.kind, d.language,
                   d.time_zone, NULLIF(d.email, ''), NULLIF(d.phone, ''), NULLIF(d.address, '')::jsonb,
                   d.cash_flow_difficulty, NULLIF(d.policy_id, '')::uuid, NULLIF(d.identifiers, '')::jsonb
            FROM unnest(\(debtors.map(\.tenantId.uuid)), \(debtors.map(\.id.uuid)), \(debtors.map(\.creditorId.uuid)),
                        \(records.map { $0.externalRef ?? "" }), \(debtors.map(\.name)), \(debtors.map(\.kind.rawValue)),
                        \(debtors.map(\.language.rawValue)), \(debtors.map(\.timeZone.identifier)),
                        \(debtors.map { $0.contacts.email ?? "" }), \(debtors.map { $0.contacts.phone ?? "" }),
                        \(addresses), \(records.map(\.cashFlowDifficulty)),
                        \(debtors.map { $0.policyOverride?.description ?? "" }), \(identifiers))
                 AS d(tenant_id, id, creditor_id, external_ref, name, kind, language, time_zone, email, phone,
                      address, cash_flow_difficulty, policy_id, identifiers)
            """,
            logger: logger
        ).collect()
    }

    /// The debtor with `id`, or nil.
    public func debtor(_ id: DebtorID) async throws -> DebtorRecord? {
        try await client.withConnection { connection in
            try await Self.debtors([id], on: connection, logger: logger)[id]
        }
    }

    /// Records whether the debtor said it is short of cash (an agent's note after a call).
    public func setCashFlowDifficulty(_ difficulty: Bool, of id: DebtorID) async throws {
        let updated = try await client.run {
            try await client.query(
                "UPDATE debtors SET cash_flow_difficulty = \(difficulty) WHERE id = \(id.uuid) RETURNING id",
                logger: logger
            ).collect().count
        }
        guard updated == 1 else { throw StoreError(.notFound, "no debtor \(id)") }
    }

    /// Names the debtor's own policy (nil: the creditor's).
    public func setPolicy(_ policyId: DunningPolicyID?, of id: DebtorID) async throws {
        let updated = try await client.run {
            try await client.query(
                "UPDATE debtors SET policy_id = \(policyId?.uuid) WHERE id = \(id.uuid) RETURNING id",
                logger: logger
            ).collect().count
        }
        guard updated == 1 else { throw StoreError(.notFound, "no debtor \(id)") }
    }

    public static func debtors(
        _ ids: [DebtorID],
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> [DebtorID: DebtorRecord] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await connection.query(
            """
            SELECT tenant_id, id, creditor_id, external_ref, name, kind, language, time_zone, email, phone,
                   postal_address::text, cash_flow_difficulty, policy_id
            FROM debtors WHERE id = ANY(\(ids.map(\.uuid)))
            """,
            logger: logger
        )
        var result: [DebtorID: DebtorRecord] = [:]
        for try await row in rows.decode(
            (UUID, UUID, UUID, String?, String, String, String, String, String?, String?, String?, Bool, UUID?).self
        ) {
            let (tenant, id, creditor, externalRef, name, kind, language, zone, email, phone, address, difficulty, policy) = row
            let record = DebtorRecord(
                debtor: try Self.debtor(
                    id: id, tenantId: tenant, creditorId: creditor, name: name, kind: kind, language: language,
                    timeZone: zone, email: email, phone: phone, address: address, policyId: policy
                ),
                externalRef: externalRef,
                cashFlowDifficulty: difficulty
            )
            result[record.debtor.id] = record
        }
        return result
    }

    /// A `Debtor` from its columns.
    static func debtor(
        id: UUID, tenantId: UUID, creditorId: UUID, name: String, kind: String, language: String,
        timeZone: String, email: String?, phone: String?, address: String?, policyId: UUID?
    ) throws -> Debtor {
        guard let kind = DebtorKind(rawValue: kind) else {
            throw StoreError(.corruptRecord, "debtor \(id) has unknown kind '\(kind)'")
        }
        guard let language = Language(rawValue: language) else {
            throw StoreError(.corruptRecord, "debtor \(id) has unknown language '\(language)'")
        }
        let contacts = DebtorContacts(
            email: email,
            phone: phone,
            postalAddress: try address.map { try StoreJSON.decodeSnake(PostalAddress.self, from: $0, what: "debtor address") }
        )
        do {
            return try Debtor(
                id: DebtorID(id), tenantId: TenantID(tenantId), creditorId: CreditorID(creditorId), name: name,
                kind: kind, language: language, timeZone: timeZone, contacts: contacts,
                policyOverride: policyId.map(DunningPolicyID.init)
            )
        } catch {
            throw StoreError(.corruptRecord, "debtor \(id) cannot be read: \(error)", underlying: error)
        }
    }
}
