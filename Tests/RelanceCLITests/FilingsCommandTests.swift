import Foundation
import PostgresNIO
import RelanceStore
import RelanceTestSupport
import Testing

/// `relance filings`, run as a process against a fresh database holding one dossier.
@Suite("relance filings")
struct FilingsCommandTests {
    /// One tenant, creditor, debtor, legal job and its filing, written as rows.
    static func seed(_ client: PostgresClient) async throws -> (filing: UUID, job: UUID, tenant: UUID) {
        let tenant = UUID(), creditor = UUID(), debtor = UUID(), job = UUID(), filing = UUID()
        let logger = FreshDatabase.logger
        try await client.query("INSERT INTO tenants (id, name, kind) VALUES (\(tenant), 'Atelier Durand', 'business')", logger: logger)
        try await client.query("INSERT INTO creditors (tenant_id, id, name) VALUES (\(tenant), \(creditor), 'Crèmerie Façon & Cœur SARL')", logger: logger)
        try await client.query(
            "INSERT INTO debtors (tenant_id, id, creditor_id, name, kind) VALUES (\(tenant), \(debtor), \(creditor), 'Pâtisserie Éloïse Noël', 'business')",
            logger: logger
        )
        try await client.query(
            "INSERT INTO jobs (tenant_id, id, debtor_id, channel, payload) VALUES (\(tenant), \(job), \(debtor), 'legal', '{}'::json)",
            logger: logger
        )
        try await client.query(
            """
            INSERT INTO legal_filings (id, job_id, tenant_id, debtor_id, invoice_ids, invoice_numbers, court_kind, court_name,
                                       court_confirmed, form, currency, principal_minor, interest_minor, indemnity_minor, total_minor,
                                       claim_date, pdf_path, pdf_sha256, pdf_pages, manifest_path, manifest_sha256, warnings)
            VALUES (\(filing), \(job), \(tenant), \(debtor), \([UUID()]), \(["F-2026-001"]), 'tribunal_des_activites_economiques',
                    'Tribunal des activités économiques de Paris', true, '12946*02', 'EUR', 300000, 4993, 4000, 308993,
                    '2026-03-06', '/tmp/dossier.pdf', 'ab', 2, '/tmp/dossier.json', 'cd', \(["prescription", "service_deadline"]))
            """,
            logger: logger
        )
        return (filing, job, tenant)
    }

    @Test("list shows the dossier waiting for review; filed marks it once, and again is a clear error")
    func listAndFile() async throws {
        try await FreshDatabase.withMigrated { url, client in
            let seeded = try await Self.seed(client)
            let environment: [String: String?] = ["RELANCE_DATABASE_URL": url.urlWithPassword]

            let list = try RelanceProcess.run(["filings", "list", "--status", "ready_for_review"], environment: environment)
            #expect(list.status == 0, "\(list.stderr)")
            let lines = list.stdout.split(separator: "\n")
            #expect(lines.first?.hasPrefix("id,job,tenant,debtor,invoices,court,form,total,status") == true)
            #expect(lines.count == 2)
            #expect(lines.last?.contains("Tribunal des activités économiques de Paris,12946*02") == true)
            #expect(lines.last?.contains("ready_for_review") == true)

            let filed = try RelanceProcess.run(
                ["filings", "filed", seeded.job.uuidString, "--by", "Claire Dubois", "--reference", "RG 26/01234"], environment: environment
            )
            #expect(filed.status == 0, "\(filed.stderr)")
            #expect(filed.stdout.contains("marked filed by Claire Dubois, reference RG 26/01234"))

            let again = try RelanceProcess.run(["filings", "filed", seeded.filing.uuidString, "--by", "Marc Petit"], environment: environment)
            #expect(again.status == 1)
            #expect(again.stderr.contains("was already filed by Claire Dubois"))

            let listed = try RelanceProcess.run(["filings", "list", "--tenant", seeded.tenant.uuidString, "--status", "filed"], environment: environment)
            #expect(listed.stdout.split(separator: "\n").count == 2)
            #expect(listed.stdout.contains("Claire Dubois"))

            let bad = try RelanceProcess.run(["filings", "list", "--status", "lost"], environment: environment)
            #expect(bad.status == 2)
            #expect(bad.stderr.contains("'lost' is not a status"))
        }
    }
}
