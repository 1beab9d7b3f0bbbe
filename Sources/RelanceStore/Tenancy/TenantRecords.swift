import Foundation
import Logging
import PostgresNIO
import RelanceCore

/// A creditor with what the tenant calls it.
public struct StoredCreditor: Sendable, Hashable {
    public var creditor: Creditor
    /// The tenant's own reference (a collection agency's client code), unique per tenant.
    public var externalRef: String?

    public init(creditor: Creditor, externalRef: String?) {
        self.creditor = creditor
        self.externalRef = externalRef
    }
}

/// A debtor with its legal identifiers and the contacts found unusable.
public struct StoredDebtor: Sendable, Hashable {
    public var record: DebtorRecord
    public var legalIdentifiers: LegalIdentifiers?
    /// Why the email address, or the phone number, can no longer be used (a relay refused it).
    public var emailUnusableReason: String?
    public var phoneUnusableReason: String?

    public init(record: DebtorRecord, legalIdentifiers: LegalIdentifiers?, emailUnusableReason: String?, phoneUnusableReason: String?) {
        self.record = record
        self.legalIdentifiers = legalIdentifiers
        self.emailUnusableReason = emailUnusableReason
        self.phoneUnusableReason = phoneUnusableReason
    }
}

/// One page of a list, in id order, and where the next page starts.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    /// The id to pass as `after` for the next page; nil on the last page.
    public var next: UUID?

    public init(items: [Item], next: UUID?) {
        self.items = items
        self.next = next
    }
}

/// What the API reads of a tenant's parties and invoices, on a connection whose transaction
/// already names the tenant (`PostgresClient.withTenant`). Lists page by id (ids are
/// time-ordered, so pages come roughly in creation order): each page asks for one more row
/// than it shows, to know whether another page follows.
public struct TenantRecords: Sendable {
    public let connection: PostgresConnection
    public let logger: Logger

    public init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    // MARK: Creditors

    public func creditor(_ id: CreditorID) async throws -> StoredCreditor? {
        try await creditors(ids: [id]).first
    }

    public func creditors(after cursor: UUID?, limit: Int) async throws -> Page<StoredCreditor> {
        let ids = try await pageIds(
            "SELECT id FROM creditors WHERE (\(cursor)::uuid IS NULL OR id > \(cursor)) ORDER BY id LIMIT \(limit + 1)"
        )
        let page = Array(ids.prefix(limit))
        return Page(items: try await creditors(ids: page.map(CreditorID.init)), next: ids.count > limit ? page.last : nil)
    }

    /// The creditor whose reference is `externalRef`, or nil.
    public func creditor(externalRef: String) async throws -> StoredCreditor? {
        let ids = try await pageIds("SELECT id FROM creditors WHERE external_ref = \(externalRef)")
        return try await creditors(ids: ids.map(CreditorID.init)).first
    }

    private func creditors(ids: [CreditorID]) async throws -> [StoredCreditor] {
        let found = try await CreditorRepository.creditors(ids, on: connection, logger: logger)
        var refs: [UUID: String] = [:]
        let rows = try await connection.query(
            "SELECT id, external_ref FROM creditors WHERE id = ANY(\(ids.map(\.uuid))) AND external_ref IS NOT NULL",
            logger: logger
        )
        for try await (id, ref) in rows.decode((UUID, String).self) { refs[id] = ref }
        return ids.compactMap { id in found[id].map { StoredCreditor(creditor: $0, externalRef: refs[id.uuid]) } }
    }

    // MARK: Debtors

    public func debtor(_ id: DebtorID) async throws -> StoredDebtor? {
        try await debtors(ids: [id]).first
    }

    public func debtors(after cursor: UUID?, limit: Int, creditor: CreditorID? = nil) async throws -> Page<StoredDebtor> {
        let creditorId = creditor?.uuid
        let ids = try await pageIds(
            """
            SELECT id FROM debtors
            WHERE (\(cursor)::uuid IS NULL OR id > \(cursor)) AND (\(creditorId)::uuid IS NULL OR creditor_id = \(creditorId))
            ORDER BY id LIMIT \(limit + 1)
            """
        )
        let page = Array(ids.prefix(limit))
        return Page(items: try await debtors(ids: page.map(DebtorID.init)), next: ids.count > limit ? page.last : nil)
    }

    private func debtors(ids: [DebtorID]) async throws -> [StoredDebtor] {
        let found = try await DebtorRepository.debtors(ids, on: connection, logger: logger)
        var extras: [UUID: (String?, String?, String?)] = [:]
        let rows = try await connection.query(
            """
            SELECT id, legal_identifiers::text, email_unusable_reason, phone_unusable_reason FROM debtors
            WHERE id = ANY(\(ids.map(\.uuid)))
            """,
            logger: logger
        )
        for try await (id, identifiers, email, phone) in rows.decode((UUID, String?, String?, String?).self) {
            extras[id] = (identifiers, email, phone)
        }
        return try ids.compactMap { id in
            guard let record = found[id] else { return nil }
            let (identifiers, email, phone) = extras[id.uuid] ?? (nil, nil, nil)
            return StoredDebtor(
                record: record,
                legalIdentifiers: try identifiers.map { try StoreJSON.decodeSnake(LegalIdentifiers.self, from: $0, what: "legal identifiers") },
                emailUnusableReason: email, phoneUnusableReason: phone
            )
        }
    }

    // MARK: Invoices

    /// A page of the tenant's invoices, optionally of one debtor or in one state.
    public func invoices(
        after cursor: UUID?, limit: Int, debtor: DebtorID? = nil, status: InvoiceStatus? = nil
    ) async throws -> Page<InvoiceRecord> {
        let debtorId = debtor?.uuid
        let state = status?.rawValue
        let rows = try await connection.query(
            """
            SELECT \(unescaped: InvoiceRow.columns(of: "i")) FROM invoices i
            WHERE (\(cursor)::uuid IS NULL OR i.id > \(cursor)) AND (\(debtorId)::uuid IS NULL OR i.debtor_id = \(debtorId))
              AND (\(state)::text IS NULL OR i.state = \(state))
            ORDER BY i.id LIMIT \(limit + 1)
            """,
            logger: logger
        )
        var records: [InvoiceRecord] = []
        for try await row in rows {
            records.append(try InvoiceRow.record(row.makeRandomAccess()))
        }
        let page = Array(records.prefix(limit))
        return Page(items: page, next: records.count > limit ? page.last?.invoice.id.uuid : nil)
    }

    /// The invoice numbered `number` of `creditor`, or nil.
    public func invoice(number: String, creditor: CreditorID) async throws -> InvoiceRecord? {
        let rows = try await connection.query(
            """
            SELECT \(unescaped: InvoiceRow.columns(of: "i")) FROM invoices i
            WHERE i.creditor_id = \(creditor.uuid) AND i.number = \(number)
            """,
            logger: logger
        )
        for try await row in rows {
            return try InvoiceRow.record(row.makeRandomAccess())
        }
        return nil
    }

    private func pageIds(_ query: PostgresQuery) async throws -> [UUID] {
        var ids: [UUID] = []
        for try await id in try await connection.query(query, logger: logger).decode(UUID.self) {
            ids.append(id)
        }
        return ids
    }
}
