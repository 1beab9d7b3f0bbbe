import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelanceStore
import Testing

/// Each entity written through its repository reads back equal.
@Suite("Repositories: round trips")
struct RepositoryRoundTripTests {
    @Test("A business and a collection agency with its legal mentions")
    func tenants() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let business = Tenant(name: "Acme", kind: .business)
            try await f.tenants.create(business)
            let agency = Tenant(name: "Recouvre+", kind: .collectionAgency)
            let details = AgencyDetails(
                name: "Recouvre+ SAS", address: StoreFixture.address,
                statement: "Société de recouvrement amiable, garantie financière n° 1234"
            )
            try await f.tenants.create(agency, agencyDetails: details)

            #expect(try await f.tenants.tenant(business.id) == TenantRecord(tenant: business))
            #expect(try await f.tenants.tenant(agency.id) == TenantRecord(tenant: agency, agencyDetails: details))
            #expect(try await f.tenants.tenant(TenantID()) == nil)
            // Stored with the schema's snake_case keys.
            #expect(try await f.count(
                "SELECT count(*) FROM tenants WHERE agency_details -> 'address' ->> 'postal_code' = '75002'"
            ) == 1)
        }
    }

    @Test("An agency without its legal mentions is refused, and nothing is stored")
    func agencyNeedsDetails() async throws {
        try await TestDatabase.withMigratedDatabase { _, client async throws in
            let f = StoreFixture(client: client)
            await #expect(throws: StoreError.self) {
                try await f.tenants.create(Tenant(name: "Recouvre+", kind: .collectionAgency))
            }
            #expect(try await f.count("SELECT count(*) FROM tenants") == 0)
        }
    }

    @Test("A creditor with its address, legal identifiers and policy")
    func creditors() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let tenant = try await f.tenant()
            let policy = try DunningPolicy(name: "Courte", steps: [DunningStep(offsetDays: 5, channel: .email, templateKey: "reminder.courteous")])
            try await f.policies.create(policy, tenantId: tenant.id)
            let creditor = Creditor(
                tenantId: tenant.id, name: "Acme Services",
                address: PostalAddress(lines: ["1 place Bellecour", "Bâtiment B"], postalCode: "69002", city: "Lyon", countryCode: "FR"),
                legalIdentifiers: LegalIdentifiers(registrationNumber: "123 456 789", vatNumber: "FR40303265045"),
                policyOverride: policy.id
            )
            try await f.creditors.create(creditor)
            #expect(try await f.creditors.creditor(creditor.id) == creditor)
            #expect(try await f.creditors.creditor(CreditorID()) == nil)
        }
    }

    @Test("A creditor's sender settings and bank account, an agency's bank account, a tenant's SMTP relay")
    func channelSettings() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let tenant = try await f.tenant()
            var creditor = try await f.creditor(of: tenant)
            let account = try BankAccount(holder: "Acme Services", iban: "FR76 3000 6000 0112 3456 7890 189", bic: "BNPAFRPP")
            let sender = SenderSettings(name: "Service clients Acme", replyTo: "compta@acme.example")
            try await f.creditors.setSender(sender, bankAccount: account, of: creditor.id)
            creditor.sender = sender
            creditor.bankAccount = account
            #expect(try await f.creditors.creditor(creditor.id) == creditor)
            #expect(try await f.count("SELECT count(*) FROM creditors WHERE sender ->> 'reply_to' = 'compta@acme.example'") == 1)
            try await f.creditors.setSender(nil, bankAccount: nil, of: creditor.id)
            #expect(try await f.creditors.creditor(creditor.id)?.bankAccount == nil)
            await #expect(throws: StoreError.self) { try await f.creditors.setSender(nil, bankAccount: nil, of: CreditorID()) }

            let agency = Tenant(name: "Recouvre+", kind: .collectionAgency)
            let details = AgencyDetails(name: "Recouvre+ SAS", address: StoreFixture.address, statement: "Recouvrement amiable",
                                        bankAccount: try BankAccount(holder: "Recouvre+ SAS", iban: "DE89370400440532013000"))
            try await f.tenants.create(agency, agencyDetails: details)
            #expect(try await f.tenants.tenant(agency.id)?.agencyDetails == details)

            #expect(try await f.tenants.smtpRelays().isEmpty)
            let relay = try TenantSMTPRelay(host: "smtp.acme.example", port: 587, security: .starttls, username: "relances",
                                            passwordFile: "/etc/relance/acme-smtp", from: "relances@acme.example")
            try await f.tenants.setSMTPRelay(relay, of: tenant.id)
            #expect(try await f.tenants.smtpRelays() == [tenant.id: relay])
            #expect(try await f.count("SELECT count(*) FROM tenants WHERE smtp_relay ->> 'password_file' = '/etc/relance/acme-smtp'") == 1)
            // A relay stored by hand in a shape that cannot work is an error naming the tenant.
            try await client.query("UPDATE tenants SET smtp_relay = '{\"host\": \"\", \"port\": 25}'::jsonb WHERE id = \(tenant.id.uuid)", logger: f.logger)
            await #expect { try await f.tenants.smtpRelays() } throws: { error in
                "\(error)".contains("SMTP relay of tenant \(tenant.id.uuid)")
            }
        }
    }

    @Test("Debtors: contacts, postal address, cash-flow flag; one at a time and in bulk")
    func debtors() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let tenant = try await f.tenant()
            let creditor = try await f.creditor(of: tenant)
            let full = try Debtor(
                tenantId: tenant.id, creditorId: creditor.id, name: "Martin", kind: .consumer, language: .en,
                timeZone: "Europe/London",
                contacts: DebtorContacts(email: "martin@example.org", phone: "+447700900123", postalAddress: StoreFixture.address)
            )
            let record = DebtorRecord(debtor: full, externalRef: "C-042", cashFlowDifficulty: true)
            try await f.debtors.create(record)
            #expect(try await f.debtors.debtor(full.id) == record)

            let bare = try Debtor(
                tenantId: tenant.id, creditorId: creditor.id, name: "Durand", kind: .business, language: .fr,
                timeZone: "Europe/Paris"
            )
            let many = try (0..<50).map { index in
                DebtorRecord(debtor: try Debtor(
                    tenantId: tenant.id, creditorId: creditor.id, name: "Client \(index)", kind: .business,
                    language: .fr, timeZone: "Europe/Paris",
                    contacts: DebtorContacts(email: "client\(index)@example.org")
                ), externalRef: "B-\(index)")
            }
            try await f.debtors.createMany([DebtorRecord(debtor: bare)] + many)
            #expect(try await f.debtors.debtor(bare.id) == DebtorRecord(debtor: bare))
            #expect(try await f.debtors.debtor(many[17].debtor.id) == many[17])
            #expect(try await f.count("SELECT count(*) FROM debtors") == 52)

            try await f.debtors.setCashFlowDifficulty(false, of: full.id)
            #expect(try await f.debtors.debtor(full.id)?.cashFlowDifficulty == false)
            // The creditor's reference is unique per creditor.
            await #expect(throws: StoreError.self) {
                try await f.debtors.create(DebtorRecord(debtor: try Debtor(
                    tenantId: tenant.id, creditorId: creditor.id, name: "Autre", kind: .business, language: .fr,
                    timeZone: "Europe/Paris"
                ), externalRef: "C-042"))
            }
        }
    }

    @Test("A policy with tones and conditions; the latest version of its name")
    func policies() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let tenant = try await f.tenant()
            let v1 = try DunningPolicy(name: "Standard", version: 1, steps: [
                DunningStep(offsetDays: -2, channel: .email, templateKey: "reminder.courteous", tone: .courteous),
                DunningStep(offsetDays: 7, channel: .call, templateKey: "call.first",
                            conditions: StepConditions(debtorKinds: [.business, .consumer])),
                DunningStep(offsetDays: 20, channel: .registeredLetter, templateKey: "notice.formal", tone: .firm),
                DunningStep(offsetDays: 40, channel: .legal, templateKey: "legal.payment_order", tone: .firm,
                            conditions: StepConditions(minimumOutstanding: try StoreFixture.eur("500.00"), debtorKinds: [.business])),
            ])
            try await f.policies.create(v1, tenantId: tenant.id)
            #expect(try await f.policies.policy(v1.id) == v1)
            #expect(try await f.policies.policy(DunningPolicyID()) == nil)
            #expect(try await f.policies.latestVersions(of: [v1.id]) == [v1.id: v1])

            let v2 = try DunningPolicy(name: "Standard", version: 2, steps: Array(v1.steps.prefix(3)))
            try await f.policies.create(v2, tenantId: tenant.id)
            #expect(try await f.policies.policy(v1.id) == v1)
            #expect(try await f.policies.latestVersions(of: [v1.id, v2.id]) == [v1.id: v2, v2.id: v2])
        }
    }

    @Test("An invoice with its state detail, contract rate and policy override")
    func invoices() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let parties = try await f.parties()
            let policy = try DunningPolicy(name: "Courte", steps: [DunningStep(offsetDays: 5, channel: .email, templateKey: "reminder.courteous")])
            try await f.policies.create(policy, tenantId: parties.tenant.id)
            let plan = try PaymentPlan(
                agreedOn: StoreFixture.day("2025-04-01"),
                installments: [
                    Installment(number: 1, dueDate: try StoreFixture.day("2025-04-15"), amount: try StoreFixture.eur("400.00")),
                    Installment(number: 2, dueDate: try StoreFixture.day("2025-05-15"), amount: try StoreFixture.eur("400.00")),
                ]
            )
            let withPlan = try Invoice(
                tenantId: parties.tenant.id, creditorId: parties.creditor.id, debtorId: parties.debtor.id,
                number: "F-2025-007", issueDate: StoreFixture.day("2025-02-01"), dueDate: StoreFixture.day("2025-03-03"),
                amount: StoreFixture.eur("1000.00"), outstanding: StoreFixture.eur("800.00"),
                contractRate: Rate(basisPoints: 1215), state: .paymentPlan(plan), policyOverride: policy.id
            )
            let promised = try StoreFixture.invoice(
                parties.debtor, number: "F-2025-008",
                state: .promiseToPay(PromiseToPay(madeOn: StoreFixture.day("2025-03-25"), payBy: StoreFixture.day("2025-04-05"), graceDays: 2))
            )
            let paid = try StoreFixture.invoice(
                parties.debtor, number: "F-2025-009", outstanding: "0", state: .paid(on: StoreFixture.day("2025-03-18"))
            )
            try await f.invoices.insert([withPlan, promised, paid])

            #expect(try await f.invoices.invoice(withPlan.id) == withPlan)
            #expect(try await f.invoices.invoice(promised.id) == promised)
            #expect(try await f.invoices.invoice(paid.id) == paid)
            #expect(try await f.invoices.invoice(InvoiceID()) == nil)
            let record = try #require(try await f.invoices.record(withPlan.id))
            #expect(record.jurisdiction == .frB2B)
            #expect(record.ladder == nil && record.formalNoticeDate == nil)
            #expect(try await f.invoices.invoices(ofDebtor: parties.debtor.id).map(\.number) == ["F-2025-007", "F-2025-008", "F-2025-009"])
            #expect(try await f.count("SELECT count(*) FROM invoices WHERE state = 'payment_plan' AND state_detail -> 'plan' ->> 'graceDays' = '5'") == 1)
            let counts = try await f.invoices.statusCounts(tenantId: parties.tenant.id)
            #expect(counts.invoices == [.paymentPlan: 1, .promiseToPay: 1, .paid: 1])
            #expect(try await f.invoices.statusCounts(tenantId: TenantID()).invoices.isEmpty)
        }
    }
}
