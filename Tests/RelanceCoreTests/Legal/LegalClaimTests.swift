import RelanceCore
import RelanceFixtures
import Testing

/// The claim of a payment-order request broken down per invoice, and the dossier's warnings.
@Suite("Legal: claim breakdown and warnings")
struct LegalClaimTests {
    typealias F = SnapshotBuilder
    static let composer = MessageComposer(rateTables: PenaltyFixtures.shippedTables)

    /// A business owing two invoices, one partly paid, and the same for a consumer.
    static func facts(kind: DebtorKind) -> [BatchSnapshot.InvoiceFacts] {
        var batch = F()
        let debtor = batch.debtor(of: batch.creditor(of: batch.tenant("Atelier Durand")), kind: kind)
        let first = batch.invoice(debtor, number: "F-2026-001", amount: "3000.00", issued: "2025-12-15", due: "2026-01-15")
        let second = batch.invoice(debtor, number: "F-2026-007", amount: "1200.00", issued: "2026-01-10", due: "2026-02-09",
                                   payments: [("2026-02-09", "200.00")])
        return [second, first].map { batch.snapshot.invoices[$0]! }
    }

    @Test("Between businesses: principal outstanding, L441-10 penalties to the filing date and 40 € per invoice, by due date")
    func businessBreakdown() throws {
        let claim = try LegalClaim.breakdown(Self.facts(kind: .business), filedOn: F.day("2026-03-06"), composer: Self.composer)
        #expect(claim.lines.map(\.number) == ["F-2026-001", "F-2026-007"])
        // 3 000 € × 12.15 % × 50 days (16 Jan – 6 Mar 2026) / 365 = 49.93 €.
        #expect(claim.lines[0].principal == F.eur("3000.00"))
        #expect(claim.lines[0].interest == F.eur("49.93"))
        #expect(claim.lines[0].fixedIndemnity == F.eur("40.00"))
        #expect(claim.lines[0].total == F.eur("3089.93"))
        #expect(claim.lines[0].daysLate == 50)
        // 1 000 € still due (200 € paid on the due date) × 12.15 % × 25 days / 365 = 8.32 €.
        #expect(claim.lines[1].principal == F.eur("1000.00"))
        #expect(claim.lines[1].interest == F.eur("8.32"))
        #expect(claim.lines[1].fixedIndemnity == F.eur("40.00"))
        #expect(claim.principal == F.eur("4000.00"))
        #expect(claim.interest == F.eur("58.25"))
        #expect(claim.fixedIndemnity == F.eur("80.00"))
        #expect(claim.total == F.eur("4138.25"))

        // The same figures the composer claims in a message on that day.
        var sum = Money.zero(.eur)
        for invoice in Self.facts(kind: .business) {
            let penalty = try Self.composer.penalty(of: invoice, asOf: F.day("2026-03-06"))
            sum = try sum.adding(penalty.interest).adding(penalty.fixedIndemnity)
        }
        #expect(try claim.interest.adding(claim.fixedIndemnity) == sum)
    }

    @Test("A consumer owes no 40 € indemnity")
    func consumerBreakdown() throws {
        let claim = try LegalClaim.breakdown(Self.facts(kind: .consumer), filedOn: F.day("2026-03-06"), composer: Self.composer)
        #expect(claim.fixedIndemnity == F.eur("0.00"))
        #expect(claim.principal == F.eur("4000.00"))
        #expect(claim.lines.allSatisfy { $0.fixedIndemnity.isZero })
    }

    @Test("No invoice, or several currencies: refused with a reason")
    func refused() {
        #expect(throws: MessageComposer.CompositionError.self) {
            try LegalClaim.breakdown([], filedOn: F.day("2026-03-06"), composer: Self.composer)
        }
    }

    @Test("Warnings: prescription date and service deadline always; consumer, missing SIRENs, no formal notice, court to confirm when so")
    func warnings() throws {
        let day = F.day("2026-03-06")
        let consumerClaim = try LegalClaim.breakdown(Self.facts(kind: .consumer), filedOn: day, composer: Self.composer)
        let unknownCourt = CourtFinder().court(
            debtorKind: .consumer, address: PostalAddress(lines: [], postalCode: "44600", city: "Saint-Nazaire", countryCode: "FR"), filedOn: day
        )
        let all = DossierWarning.assess(claim: consumerClaim, debtorKind: .consumer, court: unknownCourt, formalNotice: nil,
                                        creditorSiren: nil, debtorSiren: nil)
        #expect(all.map(\.code) == [.prescription, .serviceDeadline, .consumerDebtor, .missingCreditorSiren, .noFormalNotice, .courtToConfirm])
        #expect(all[0].message.contains("se prescrit le 15 janvier 2028"))
        #expect(all[0].message.contains("2 ans"))
        #expect(all[1].message.contains("6 mois"))
        #expect(all[5].message.contains("court to confirm"))

        let businessClaim = try LegalClaim.breakdown(Self.facts(kind: .business), filedOn: day, composer: Self.composer)
        let paris = CourtFinder().court(debtorKind: .business, address: F.paris19, filedOn: day)
        let clean = DossierWarning.assess(claim: businessClaim, debtorKind: .business, court: paris, formalNotice: F.day("2026-02-20"),
                                          creditorSiren: "732829320", debtorSiren: "552100554")
        #expect(clean.map(\.code) == [.prescription, .serviceDeadline])
        #expect(clean[0].message.contains("se prescrit le 15 janvier 2031"))
        let noSiren = DossierWarning.assess(claim: businessClaim, debtorKind: .business, court: paris, formalNotice: F.day("2026-02-20"),
                                            creditorSiren: "732829320", debtorSiren: nil)
        #expect(noSiren.map(\.code).contains(.missingDebtorSiren))

        let late = try LegalClaim.breakdown(Self.facts(kind: .consumer), filedOn: F.day("2028-03-01"), composer: Self.composer)
        let prescribed = DossierWarning.assess(claim: late, debtorKind: .consumer, court: unknownCourt, formalNotice: nil, creditorSiren: nil, debtorSiren: nil)
        #expect(prescribed.first?.code == .prescribed)
        #expect(prescribed.first?.message.contains("est prescrite depuis le 15 janvier 2028") == true)
    }
}
