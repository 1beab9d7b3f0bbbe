import Foundation
import PostgresNIO
import RelanceCore
import RelanceStore
import RelanceTestSupport

/// A tenant "Acme" with one creditor and one business debtor in Paris (reachable by phone
/// and post), stored through the repositories: what the command-line tests act on.
struct CLIParties {
    let tenant: Tenant
    let creditor: Creditor
    let debtor: Debtor

    static let address = PostalAddress(lines: ["12 rue de la Paix"], postalCode: "75002", city: "Paris", countryCode: "FR")

    static func stored(on client: PostgresClient) async throws -> CLIParties {
        let logger = FreshDatabase.logger
        let tenant = Tenant(name: "Acme", kind: .business)
        try await TenantRepository(client: client, logger: logger).create(tenant)
        let creditor = Creditor(tenantId: tenant.id, name: "Acme SAS", address: address)
        try await CreditorRepository(client: client, logger: logger).create(creditor)
        let debtor = try Debtor(
            tenantId: tenant.id, creditorId: creditor.id, name: "Dupont SARL", kind: .business, language: .fr,
            timeZone: "Europe/Paris", contacts: DebtorContacts(phone: "+33612345678", postalAddress: address)
        )
        try await DebtorRepository(client: client, logger: logger).create(DebtorRecord(debtor: debtor))
        return CLIParties(tenant: tenant, creditor: creditor, debtor: debtor)
    }

    var parts: (Tenant, Creditor, Debtor) { (tenant, creditor, debtor) }
}
