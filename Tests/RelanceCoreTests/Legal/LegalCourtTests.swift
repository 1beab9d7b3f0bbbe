import RelanceCore
import Testing

/// The court of a payment-order request, its Cerfa form and the prescription date: pure
/// decisions from the reference's §5 and §6.
@Suite("Legal: court, form, prescription")
struct LegalCourtTests {
    static let finder = CourtFinder()
    static func day(_ iso: String) -> CalendarDate { try! CalendarDate(iso: iso) }
    static func address(_ postalCode: String, _ city: String, country: String = "FR") -> PostalAddress {
        PostalAddress(lines: ["1 rue de la Paix"], postalCode: postalCode, city: city, countryCode: country)
    }

    @Test("Between businesses in Paris in 2026: the tribunal des activités économiques de Paris, commercial Cerfa 12946*02")
    func businessParisEconomicCourt() {
        let court = Self.finder.court(debtorKind: .business, address: Self.address("75019", "Paris"), filedOn: Self.day("2026-03-06"))
        #expect(court.kind == .tribunalDesActivitesEconomiques)
        #expect(court.name == "Tribunal des activités économiques de Paris")
        #expect(court.confirmed)
        #expect(court.toConfirm == nil)
        #expect(court.rule.contains("créance commerciale entre professionnels"))
        #expect(court.rule.contains("CPC art. 1406"))
        #expect(court.debtorPlace == "75019 Paris")
        let form = PaymentOrderForm(for: court.kind)
        #expect(form.number == "12946*02")
        #expect(form.reference == "Cerfa n° 12946*02")
    }

    @Test("The TAE only sit from 1 Jan 2025 to 31 Dec 2028: before and after, the tribunal de commerce")
    func economicCourtDates() {
        let lyon = Self.address("69003", "Lyon")
        #expect(Self.finder.court(debtorKind: .business, address: lyon, filedOn: Self.day("2024-12-31")).name == "Tribunal de commerce de Lyon")
        #expect(Self.finder.court(debtorKind: .business, address: lyon, filedOn: Self.day("2025-01-01")).name == "Tribunal des activités économiques de Lyon")
        #expect(Self.finder.court(debtorKind: .business, address: lyon, filedOn: Self.day("2028-12-31")).kind == .tribunalDesActivitesEconomiques)
        #expect(Self.finder.court(debtorKind: .business, address: lyon, filedOn: Self.day("2029-01-01")).kind == .tribunalDeCommerce)
    }

    @Test("Nantes has no TAE: the tribunal de commerce de Nantes")
    func nantesCommercialCourt() {
        let court = Self.finder.court(debtorKind: .business, address: Self.address("44000", "Nantes"), filedOn: Self.day("2026-03-06"))
        #expect(court.kind == .tribunalDeCommerce)
        #expect(court.name == "Tribunal de commerce de Nantes")
        #expect(PaymentOrderForm(for: court.kind).number == "12946*02")
    }

    @Test("A consumer, or a creditor that is not a trader: the tribunal judiciaire, Cerfa 12948*06")
    func consumerJudicialCourt() {
        let consumer = Self.finder.court(debtorKind: .consumer, address: Self.address("13002", "Marseille"), filedOn: Self.day("2026-03-06"))
        #expect(consumer.kind == .tribunalJudiciaire)
        #expect(consumer.name == "Tribunal judiciaire de Marseille")
        #expect(consumer.rule.contains("débiteur consommateur"))
        #expect(PaymentOrderForm(for: consumer.kind).number == "12948*06")

        let civil = Self.finder.court(debtorKind: .business, creditorIsTrader: false, address: Self.address("75002", "Paris"), filedOn: Self.day("2026-03-06"))
        #expect(civil.kind == .tribunalJudiciaire)
        #expect(civil.name == "Tribunal judiciaire de Paris")
        #expect(civil.rule.contains("créancier non commerçant"))
    }

    @Test("A place the table does not know: the kind is chosen, the court is to confirm with its rule and place — never invented")
    func unknownPlace() {
        let court = Self.finder.court(debtorKind: .business, address: Self.address("44600", "Saint-Nazaire"), filedOn: Self.day("2026-03-06"))
        #expect(court.kind == .tribunalDeCommerce)
        #expect(!court.confirmed)
        #expect(court.seat == nil)
        #expect(court.name == "Tribunal de commerce — juridiction à confirmer")
        #expect(court.toConfirm == "court to confirm: \(court.rule), 44600 Saint-Nazaire")
        #expect(court.rule.contains("ressort non connu"))
    }

    @Test("A debtor abroad or without an address: to confirm, saying why")
    func abroadOrNoAddress() {
        let berlin = Self.finder.court(debtorKind: .business, address: Self.address("10117", "Berlin", country: "DE"), filedOn: Self.day("2026-03-06"))
        #expect(!berlin.confirmed)
        #expect(berlin.rule.contains("hors de France (DE)"))
        let nowhere = Self.finder.court(debtorKind: .consumer, address: nil, filedOn: Self.day("2026-03-06"))
        #expect(!nowhere.confirmed)
        #expect(nowhere.kind == .tribunalJudiciaire)
        #expect(nowhere.toConfirm?.hasSuffix("adresse inconnue") == true)
    }

    @Test("Prescription: 5 years between businesses, 2 years against a consumer, from the due date; 29 Feb → 28 Feb")
    func prescription() {
        #expect(Prescription.date(dueDate: Self.day("2026-01-15"), kind: .business) == Self.day("2031-01-15"))
        #expect(Prescription.date(dueDate: Self.day("2026-01-15"), kind: .consumer) == Self.day("2028-01-15"))
        #expect(Prescription.date(dueDate: Self.day("2024-02-29"), kind: .consumer) == Self.day("2026-02-28"))
        #expect(Prescription.article(for: .business) == "C. com. art. L110-4")
        #expect(Prescription.article(for: .consumer) == "C. consom. art. L218-2")
    }

    @Test("SIREN: 9 digits, or the first 9 of a SIRET; anything else is not one")
    func siren() {
        #expect(LegalIdentifiers(registrationNumber: "732 829 320").siren == "732829320")
        #expect(LegalIdentifiers(registrationNumber: "73282932000074").siren == "732829320")
        #expect(LegalIdentifiers(registrationNumber: "HRB 12345").siren == nil)
        #expect(LegalIdentifiers().siren == nil)
    }
}
