import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelanceStore
import RelanceTestSupport

/// Builders for the repository tests: parties stored through the repositories, invoices in
/// euros, dates from ISO text, and small SQL reads of what was written.
struct StoreFixture: Sendable {
    let client: PostgresClient
    var logger: Logger { TestDatabase.logger }

    var tenants: TenantRepository { TenantRepository(client: client, logger: logger) }
    var creditors: CreditorRepository { CreditorRepository(client: client, logger: logger) }
    var debtors: DebtorRepository { DebtorRepository(client: client, logger: logger) }
    var policies: DunningPolicyRepository { DunningPolicyRepository(client: client, logger: logger) }
    var invoices: InvoiceRepository { InvoiceRepository(client: client, logger: logger) }
    var intake: InvoiceIntake { InvoiceIntake(client: client, logger: logger) }
    var transitions: InvoiceTransitions { InvoiceTransitions(client: client, logger: logger) }

    static let address = PostalAddress(lines: ["12 rue de la Paix"], postalCode: "75002", city: "Paris", countryCode: "FR")

    static func day(_ iso: String) throws -> CalendarDate { try CalendarDate(iso: iso) }

    /// The shipped French contact rules (`schemas/compliance/fr.json`).
    static func complianceRules() throws -> ComplianceRules {
        try ComplianceRules.parse(json: try String(
            contentsOf: FreshDatabase.repositoryRoot.appendingPathComponent("schemas/compliance/fr.json"), encoding: .utf8
        ))
    }
    static func eur(_ decimal: String) throws -> Money { try Money(decimal: decimal, currency: .eur) }

    /// A business tenant, one creditor and one debtor of it.
    struct Parties: Sendable {
        var tenant: Tenant
        var creditor: Creditor
        var debtor: Debtor
    }

    @discardableResult
    func tenant(_ name: String = "Acme", kind: TenantKind = .business) async throws -> Tenant {
        let tenant = Tenant(name: name, kind: kind)
        let details = kind == .collectionAgency
            ? AgencyDetails(name: "\(name) Recouvrement", address: Self.address, statement: "Société de recouvrement")
            : nil
        try await tenants.create(tenant, agencyDetails: details)
        return tenant
    }

    func creditor(of tenant: Tenant, name: String = "Acme SAS") async throws -> Creditor {
        let creditor = Creditor(tenantId: tenant.id, name: name, address: Self.address)
        try await creditors.create(creditor)
        return creditor
    }

    func debtor(
        of creditor: Creditor,
        name: String = "Dupont SARL",
        kind: DebtorKind = .business,
        language: Language = .fr,
        timeZone: String = "Europe/Paris",
        cashFlowDifficulty: Bool = false
    ) async throws -> Debtor {
        let debtor = try Debtor(
            tenantId: creditor.tenantId, creditorId: creditor.id, name: name, kind: kind, language: language,
            timeZone: timeZone,
            contacts: DebtorContacts(email: "compta@dupont.example", phone: "+33612345678", postalAddress: Self.address)
        )
        try await debtors.create(DebtorRecord(debtor: debtor, cashFlowDifficulty: cashFlowDifficulty))
        return debtor
    }

    func parties(tenantName: String = "Acme", debtorKind: DebtorKind = .business) async throws -> Parties {
        let tenant = try await tenant(tenantName)
        let creditor = try await creditor(of: tenant)
        let debtor = try await debtor(of: creditor, kind: debtorKind)
        return Parties(tenant: tenant, creditor: creditor, debtor: debtor)
    }

    /// An invoice of `debtor`, 1 200.00 € unless told otherwise.
    static func invoice(
        _ debtor: Debtor,
        number: String = "F-2025-001",
        issued: String = "2025-02-20",
        due: String = "2025-03-20",
        amount: String = "1200.00",
        outstanding: String? = nil,
        state: InvoiceState = .open,
        policy: DunningPolicyID? = nil
    ) throws -> Invoice {
        try Invoice(
            tenantId: debtor.tenantId, creditorId: debtor.creditorId, debtorId: debtor.id, number: number,
            issueDate: day(issued), dueDate: day(due), amount: eur(amount), outstanding: outstanding.map { try eur($0) },
            state: state, policyOverride: policy
        )
    }

    /// A stored JSON object (an event's detail), parsed.
    static func object(_ json: String) -> [String: any Sendable] {
        let parsed = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] ?? [:]
        return parsed.mapValues { value -> any Sendable in
            switch value {
            case let number as NSNumber: number.intValue
            case let text as String: text
            case let list as [String]: list
            default: "\(value)"
            }
        }
    }

    /// The first column of the first row, as an Int.
    func count(_ query: PostgresQuery) async throws -> Int {
        let rows = try await client.query(query, logger: logger)
        for try await value in rows.decode(Int.self) { return value }
        return 0
    }

    /// The invoice's schedule rows: position → (status, reason).
    func stepStatuses(_ invoice: InvoiceID) async throws -> [Int: (status: String, reason: String?)] {
        var result: [Int: (String, String?)] = [:]
        for entry in try await invoices.timeline(of: invoice) {
            result[entry.position] = (entry.status.rawValue, entry.statusReason)
        }
        return result
    }
}
