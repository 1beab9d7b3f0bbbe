import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelanceStore
import Testing

/// Invoices added through `InvoiceIntake`: the policy resolved, personalised, planned, and one
/// schedule row written per step.
@Suite("Planning invoices as they arrive")
struct InvoicePlanningTests {
    /// 2025-03-17 08:00 in Paris, before the change to summer time on 30 March, is 07:00 UTC;
    /// from the 30th, 08:00 in Paris is 06:00 UTC.
    static func utc(_ text: String) throws -> Date {
        try #require(ISO8601DateFormatter().date(from: text))
    }

    @Test("The default ladder: dates, channels, templates, tones, due at 08:00 in Paris across the DST change")
    func defaultLadderRows() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let parties = try await f.parties()
            let invoice = try StoreFixture.invoice(parties.debtor, issued: "2025-02-20", due: "2025-03-20")
            let planned = try await f.intake.add([invoice], today: StoreFixture.day("2025-02-20"))
            #expect(planned.first?.source == .builtIn)

            let timeline = try await f.invoices.timeline(of: invoice.id)
            let rows = timeline.map { "\($0.position) \($0.dueDate) \($0.channel) \($0.templateKey) \($0.tone.rawValue) \($0.status.rawValue)" }
            #expect(rows == [
                "0 2025-03-17 email reminder.courteous courteous planned",
                "1 2025-03-23 email reminder.courteous courteous planned",
                "2 2025-03-30 email reminder.firm firm planned",
                "3 2025-04-04 call call.first neutral planned",
                "4 2025-04-14 letter letter.recap firm planned",
                "5 2025-04-24 registered_letter notice.formal firm planned",
                "6 2025-05-09 legal legal.payment_order firm planned",
            ])
            #expect(timeline.map(\.dueAt) == [
                try Self.utc("2025-03-17T07:00:00Z"), try Self.utc("2025-03-23T07:00:00Z"),
                try Self.utc("2025-03-30T06:00:00Z"), try Self.utc("2025-04-04T06:00:00Z"),
                try Self.utc("2025-04-14T06:00:00Z"), try Self.utc("2025-04-24T06:00:00Z"),
                try Self.utc("2025-05-09T06:00:00Z"),
            ])

            let record = try #require(try await f.invoices.record(invoice.id))
            #expect(record.ladder == DunningPolicy.defaultFrench)
            #expect(record.ladderSource == .builtIn)
            #expect(record.jurisdiction == .frB2B)
            let events = try await f.invoices.events(of: invoice.id)
            #expect(events.map(\.kind) == ["planned"])
            let detail = StoreFixture.object(try #require(events.first?.detail))
            #expect(detail["segment"] as? String == "new")
            #expect(detail["source"] as? String == "built_in")
            #expect(detail["policy_id"] as? String == DunningPolicy.defaultFrenchId.description)
        }
    }

    @Test("A debtor in another zone is due at 08:00 in its own zone")
    func otherTimeZone() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let tenant = try await f.tenant()
            let creditor = try await f.creditor(of: tenant)
            let debtor = try await f.debtor(of: creditor, timeZone: "America/New_York")
            let invoice = try StoreFixture.invoice(debtor, issued: "2025-02-20", due: "2025-03-20")
            try await f.intake.add([invoice], today: StoreFixture.day("2025-02-20"))
            let timeline = try await f.invoices.timeline(of: invoice.id)
            // New York is on summer time from 9 March: 08:00 EDT is 12:00 UTC.
            #expect(timeline.first?.dueAt == (try Self.utc("2025-03-17T12:00:00Z")))
        }
    }

    @Test("A consumer's ladder: the legal step is written cancelled, not applicable, with the reason; French consumer law")
    func consumerLadder() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let parties = try await f.parties(debtorKind: .consumer)
            let invoice = try StoreFixture.invoice(parties.debtor)
            try await f.intake.add([invoice], today: StoreFixture.day("2025-02-20"))
            let steps = try await f.stepStatuses(invoice.id)
            #expect(steps.count == 7)
            #expect(steps[5]?.status == "planned")
            #expect(steps[6]?.status == "cancelled")
            #expect(steps[6]?.reason == "not_applicable: only for business debtors; this debtor is a consumer")
            #expect(try await f.invoices.record(invoice.id)?.jurisdiction == .frB2C)
        }
    }

    @Test("An invoice imported late: only the latest overdue step is due, earlier ones superseded, later ones keep their spacing")
    func lateImportCatchUp() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let parties = try await f.parties()
            let invoice = try StoreFixture.invoice(parties.debtor, issued: "2025-02-20", due: "2025-03-20")
            try await f.intake.add([invoice], today: StoreFixture.day("2025-04-01"))
            let timeline = try await f.invoices.timeline(of: invoice.id)
            let rows = timeline.map { "\($0.position) \($0.dueDate) \($0.status.rawValue) \($0.statusReason ?? "-")" }
            #expect(rows == [
                "0 2025-03-17 cancelled superseded",
                "1 2025-03-23 cancelled superseded",
                "2 2025-03-30 planned -",
                "3 2025-04-06 planned -",
                "4 2025-04-16 planned -",
                "5 2025-04-26 planned -",
                "6 2025-05-11 planned -",
            ])
        }
    }

    @Test("Policy resolution: invoice, then debtor, creditor, tenant, then the built-in ladder; latest version")
    func resolverOrder() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let tenant = try await f.tenant()
            func policy(_ name: String, version: Int = 1, offset: Int) async throws -> DunningPolicy {
                let policy = try DunningPolicy(name: name, version: version, steps: [
                    DunningStep(offsetDays: offset, channel: .email, templateKey: "reminder.courteous"),
                ])
                try await f.policies.create(policy, tenantId: tenant.id)
                return policy
            }
            let ofInvoice = try await policy("invoice", offset: 1)
            let ofDebtor = try await policy("debtor", offset: 2)
            let ofCreditor = try await policy("creditor", offset: 3)
            let ofTenant = try await policy("tenant", offset: 4)
            try await f.tenants.setDefaultPolicy(ofTenant.id, of: tenant.id)
            // The tenant edits its default policy after naming it: new invoices get version 2.
            let tenantV2 = try await policy("tenant", version: 2, offset: 6)

            let c1 = try await f.creditor(of: tenant, name: "C1")
            try await f.creditors.setPolicy(ofCreditor.id, of: c1.id)
            let c2 = try await f.creditor(of: tenant, name: "C2")
            let d1 = try await f.debtor(of: c1, name: "D1")
            try await f.debtors.setPolicy(ofDebtor.id, of: d1.id)
            let d2 = try await f.debtor(of: c1, name: "D2")
            let d3 = try await f.debtor(of: c2, name: "D3")
            let other = try await f.parties(tenantName: "Other")

            let invoices = [
                try StoreFixture.invoice(d1, number: "I1", policy: ofInvoice.id),
                try StoreFixture.invoice(d1, number: "I2"),
                try StoreFixture.invoice(d2, number: "I3"),
                try StoreFixture.invoice(d3, number: "I4"),
                try StoreFixture.invoice(other.debtor, number: "I5"),
            ]
            let planned = try await f.intake.add(invoices, today: StoreFixture.day("2025-02-20"))
            #expect(planned.map(\.source) == [.invoice, .debtor, .creditor, .tenant, .builtIn])
            #expect(planned.map(\.ladder.policy.id) == [ofInvoice.id, ofDebtor.id, ofCreditor.id, tenantV2.id, DunningPolicy.defaultFrenchId])
            #expect(try await f.policies.resolve(for: invoices[1]) == ResolvedPolicy(policy: ofDebtor, source: .debtor))
            // The stored ladder is the one resolved: I4 has version 2's single step at +6.
            let i4 = try await f.invoices.timeline(of: invoices[3].id)
            #expect(i4.map(\.dueDate) == [try StoreFixture.day("2025-03-26")])
            #expect(try await f.invoices.record(invoices[3].id)?.ladderSource == .tenant)
        }
    }

    @Test("An invoice for a debtor of another creditor, or an unknown debtor, is refused and nothing is written")
    func partiesChecked() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let parties = try await f.parties()
            let otherCreditor = try await f.creditor(of: parties.tenant, name: "Autre")
            let good = try StoreFixture.invoice(parties.debtor, number: "OK-1")
            let wrong = try Invoice(
                tenantId: parties.tenant.id, creditorId: otherCreditor.id, debtorId: parties.debtor.id, number: "X-1",
                issueDate: StoreFixture.day("2025-02-20"), dueDate: StoreFixture.day("2025-03-20"),
                amount: StoreFixture.eur("10.00")
            )
            await #expect { try await f.intake.add([good, wrong], today: StoreFixture.day("2025-02-20")) } throws: { error in
                (error as? StoreError)?.code == .invalidRecord
            }
            let unknown = try Invoice(
                tenantId: parties.tenant.id, creditorId: parties.creditor.id, debtorId: DebtorID(), number: "X-2",
                issueDate: StoreFixture.day("2025-02-20"), dueDate: StoreFixture.day("2025-03-20"),
                amount: StoreFixture.eur("10.00")
            )
            await #expect { try await f.intake.add([unknown], today: StoreFixture.day("2025-02-20")) } throws: { error in
                (error as? StoreError)?.code == .notFound
            }
            #expect(try await f.count("SELECT count(*) FROM invoices") == 0)
            #expect(try await f.count("SELECT count(*) FROM schedule_steps") == 0)
        }
    }

    @Test("Personalised at planning time: a chronic late payer's ladder is firmer, and stored as the invoice's ladder")
    func personalisedFromHistory() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let parties = try await f.parties()
            // Four past invoices, each settled 40 days late.
            let past = try ["2024-09-30", "2024-10-31", "2024-11-30", "2024-12-31"].enumerated().map { index, due in
                let dueDate = try StoreFixture.day(due)
                return try StoreFixture.invoice(
                    parties.debtor, number: "OLD-\(index)", issued: dueDate.adding(days: -30).iso, due: due,
                    outstanding: "0", state: .paid(on: dueDate.adding(days: 40))
                )
            }
            try await f.invoices.insert(past)
            let invoice = try StoreFixture.invoice(parties.debtor)
            let planned = try await f.intake.add([invoice], today: StoreFixture.day("2025-02-20"))
            #expect(planned.first?.ladder.assessment.segment == .chronicLate)
            let tones = try await f.invoices.timeline(of: invoice.id).map(\.tone)
            #expect(tones == [.neutral, .neutral, .firm, .firm, .firm, .firm, .firm])
            let stored = try #require(try await f.invoices.record(invoice.id)?.ladder)
            #expect(stored.steps.map(\.tone) == tones)
            #expect(stored != DunningPolicy.defaultFrench)
            let detail = StoreFixture.object(try #require(try await f.invoices.events(of: invoice.id).first?.detail))
            #expect(detail["segment"] as? String == "chronic_late")
        }
    }

    @Test("A debtor short of cash is offered a payment plan, recorded in the planning event")
    func cashFlowDifficulty() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let tenant = try await f.tenant()
            let creditor = try await f.creditor(of: tenant)
            let debtor = try await f.debtor(of: creditor, cashFlowDifficulty: true)
            let invoice = try StoreFixture.invoice(debtor)
            let planned = try await f.intake.add([invoice], today: StoreFixture.day("2025-02-20"))
            #expect(planned.first?.ladder.paymentPlanOffer?.installments.count == 3)
            let detail = StoreFixture.object(try #require(try await f.invoices.events(of: invoice.id).first?.detail))
            let explanation = try #require(detail["explanation"] as? [String])
            #expect(explanation.contains { $0.contains("the debtor said it is short of cash") })
        }
    }

    @Test("10 000 invoices added and planned in bulk (general path and shared planning); timings printed")
    func bulk() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let tenant = try await f.tenant()
            let creditor = try await f.creditor(of: tenant)
            let debtors = try (0..<200).map { index in
                DebtorRecord(debtor: try Debtor(
                    tenantId: tenant.id, creditorId: creditor.id, name: "Client \(index)", kind: .business,
                    language: .fr, timeZone: "Europe/Paris", contacts: DebtorContacts(email: "c\(index)@example.org")
                ))
            }
            try await f.debtors.createMany(debtors)
            let start = try StoreFixture.day("2025-01-01")
            func invoices(_ prefix: String) throws -> [Invoice] {
                try (0..<10_000).map { index in
                    let debtor = debtors[index % debtors.count].debtor
                    let issued = start.adding(days: index % 90)
                    return try Invoice(
                        tenantId: tenant.id, creditorId: creditor.id, debtorId: debtor.id, number: "\(prefix)-\(index)",
                        issueDate: issued, dueDate: issued.adding(days: 30),
                        amount: Money(minorUnits: Int64(5_000 + (index * 7_919) % 500_000), currency: .eur)
                    )
                }
            }
            let today = try StoreFixture.day("2025-03-15")
            let general = try invoices("G")
            let clock = ContinuousClock()
            let generalTime = try await clock.measure {
                for batch in stride(from: 0, to: general.count, by: 5_000) {
                    try await f.intake.add(Array(general[batch..<batch + 5_000]), today: today)
                }
            }
            let shared = try invoices("S")
            // The debtors above are all new French businesses in Paris under the built-in ladder.
            let planning = SharedPlanning(debtorKind: .business, timeZone: .paris, profile: BehaviourProfile(history: [], today: today))
            let sharedTime = try await clock.measure {
                let stored = try await f.intake.add(shared, sharing: planning, today: today)
                #expect(stored == 10_000)
            }
            print("bulk planning of 10 000 invoices: general path \(generalTime), shared planning \(sharedTime)")

            #expect(try await f.count("SELECT count(*) FROM invoices") == 20_000)
            #expect(try await f.count("SELECT count(*) FROM schedule_steps") == 140_000)
            #expect(try await f.count("SELECT count(*) FROM invoice_events WHERE kind = 'planned'") == 20_000)
            // Both plan alike: same dates, same statuses for the same invoice figures.
            let g = try await f.invoices.timeline(of: general[4_321].id)
            let s = try await f.invoices.timeline(of: shared[4_321].id)
            #expect(g.map { "\($0.dueDate) \($0.status) \($0.tone)" } == s.map { "\($0.dueDate) \($0.status) \($0.tone)" })
            #expect(g.contains { $0.status == .planned })
        }
    }
}
