import RelanceCore
import Testing

private typealias F = LadderFixtures

@Suite("Dunning policy resolution")
struct DunningPolicyResolverTests {
    private static func policy(_ name: String) throws -> DunningPolicy {
        try DunningPolicy(name: name, steps: [DunningStep(offsetDays: 5, channel: .email, templateKey: "reminder.firm")])
    }

    private struct Scene {
        var tenant: Tenant
        var creditor: Creditor
        var debtor: Debtor
        var invoice: Invoice
        let policies: [DunningPolicyID: DunningPolicy]

        init(invoice invoicePolicy: DunningPolicy?, debtor debtorPolicy: DunningPolicy?, creditor creditorPolicy: DunningPolicy?, tenant tenantPolicy: DunningPolicy?) throws {
            tenant = Tenant(id: F.tenantId, name: "Acme", kind: .business, defaultPolicyId: tenantPolicy?.id)
            creditor = Creditor(
                id: F.creditorId, tenantId: F.tenantId, name: "Acme SAS",
                address: PostalAddress(lines: ["1 rue de la Paix"], postalCode: "75002", city: "Paris", countryCode: "FR"),
                policyOverride: creditorPolicy?.id
            )
            debtor = try Debtor(
                id: F.debtorId, tenantId: F.tenantId, creditorId: F.creditorId, name: "Durand SARL",
                kind: .business, language: .fr, timeZone: "Europe/Paris", policyOverride: debtorPolicy?.id
            )
            invoice = try Invoice(
                tenantId: F.tenantId, creditorId: F.creditorId, debtorId: F.debtorId, number: "F-1",
                issueDate: F.day("2025-03-01"), dueDate: F.day("2025-03-31"), amount: F.eur("100"),
                policyOverride: invoicePolicy?.id
            )
            policies = Dictionary(uniqueKeysWithValues: [invoicePolicy, debtorPolicy, creditorPolicy, tenantPolicy].compactMap { $0 }.map { ($0.id, $0) })
        }

        func resolve() throws -> ResolvedPolicy {
            try DunningPolicyResolver.resolve(invoice: invoice, debtor: debtor, creditor: creditor, tenant: tenant) { policies[$0] }
        }
    }

    @Test("invoice, then debtor, then creditor, then tenant, then the built-in ladder")
    func order() throws {
        let (i, d, c, t) = (try Self.policy("invoice"), try Self.policy("debtor"), try Self.policy("creditor"), try Self.policy("tenant"))
        #expect(try Scene(invoice: i, debtor: d, creditor: c, tenant: t).resolve() == ResolvedPolicy(policy: i, source: .invoice))
        #expect(try Scene(invoice: nil, debtor: d, creditor: c, tenant: t).resolve() == ResolvedPolicy(policy: d, source: .debtor))
        #expect(try Scene(invoice: nil, debtor: nil, creditor: c, tenant: t).resolve() == ResolvedPolicy(policy: c, source: .creditor))
        #expect(try Scene(invoice: nil, debtor: nil, creditor: nil, tenant: t).resolve() == ResolvedPolicy(policy: t, source: .tenant))
        #expect(try Scene(invoice: nil, debtor: nil, creditor: nil, tenant: nil).resolve() == ResolvedPolicy(policy: .defaultFrench, source: .builtIn))
    }

    @Test("the same order when the caller holds the policies")
    func orderWithPolicies() throws {
        let (d, t) = (try Self.policy("debtor"), try Self.policy("tenant"))
        #expect(DunningPolicyResolver.resolve(invoice: nil, debtor: d, creditor: nil, tenant: t).source == .debtor)
        #expect(DunningPolicyResolver.resolve(invoice: nil, debtor: nil, creditor: nil, tenant: t).policy == t)
        #expect(DunningPolicyResolver.resolve(invoice: nil, debtor: nil, creditor: nil, tenant: nil).source == .builtIn)
    }

    @Test("a named policy that does not exist is an error, not a silent fall-back")
    func missing() throws {
        var scene = try Scene(invoice: nil, debtor: nil, creditor: nil, tenant: nil)
        scene.tenant.defaultPolicyId = DunningPolicyID()
        let error = #expect(throws: DunningPolicyError.self) { try scene.resolve() }
        #expect(error?.code == .policyNotFound)
    }

    @Test("naming the built-in ladder works without storing it")
    func namedBuiltIn() throws {
        var scene = try Scene(invoice: nil, debtor: nil, creditor: nil, tenant: nil)
        scene.creditor.policyOverride = DunningPolicy.defaultFrenchId
        #expect(try scene.resolve() == ResolvedPolicy(policy: .defaultFrench, source: .creditor))
    }

    @Test("a debtor needs a known time zone")
    func debtorTimeZone() {
        #expect(throws: ModelValidationError.self) {
            try Debtor(tenantId: F.tenantId, creditorId: F.creditorId, name: "X", kind: .consumer, language: .en, timeZone: "Mars/Olympus")
        }
    }
}
