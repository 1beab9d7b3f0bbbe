import Foundation
import RelanceCore
import RelanceStore

/// The people and invoices of the demo: two tenants (a business collecting its own invoices,
/// and a collection agency collecting for a client), their creditors, eight debtors who each
/// show one behaviour of the pipeline, and the events that happen to them during the
/// simulated days. Every run gets fresh ids, so the demo can run again on the same database;
/// everything else (names, numbers, amounts, dates) is the same every time.
struct DemoCast: Sendable {
    /// One debtor, its invoices, and the settled invoices that make up its payment history.
    /// What a debtor is in the demo to show.
    enum Role: Sendable {
        case reliablePayer, chronicLatePayer, paysWhileQueued, disputes, consumer, breaksPromise, paymentPlan, agencyDebt
        case refusedAddress
    }

    struct Character: Sendable {
        let role: Role
        let record: DebtorRecord
        /// Past invoices, already settled: stored (unplanned) so personalisation reads them.
        let history: [Invoice]
        let invoices: [Invoice]
        /// What this debtor shows, in one line.
        let story: String
        var debtor: Debtor { record.debtor }
    }

    let business: TenantRecord
    let agency: TenantRecord
    /// The agency's own ladder: a first letter with the mandatory mentions, then a call,
    /// an email, the formal notice and the court dossier.
    let agencyPolicy: DunningPolicy
    let creditors: [Creditor]
    let characters: [Character]
    let events: [DemoEvent]

    var tenantIds: [TenantID] { [business.tenant.id, agency.tenant.id] }
    var invoices: [Invoice] { characters.flatMap(\.invoices) }

    func character(_ role: Role) -> Character { characters.first { $0.role == role }! }
    func creditor(_ id: CreditorID) -> Creditor? { creditors.first { $0.id == id } }
    func character(of debtorId: DebtorID) -> Character? { characters.first { $0.debtor.id == debtorId } }
    func character(ofInvoice id: InvoiceID) -> Character? { characters.first { $0.invoices.contains { $0.id == id } } }
    func invoice(_ id: InvoiceID) -> Invoice? { invoices.first { $0.id == id } }
    func tenant(_ id: TenantID) -> TenantRecord? { [business, agency].first { $0.tenant.id == id } }

    /// The French law for the debtor's kind, as intake chooses it.
    func jurisdiction(of invoice: Invoice) -> Jurisdiction {
        character(ofInvoice: invoice.id)?.debtor.kind == .consumer ? .frB2C : .frB2B
    }

    // MARK: - The cast

    /// Builds the cast for a run starting on `start` (the first simulated day).
    static func make(start: CalendarDate) throws -> DemoCast {
        let eur = Currency.eur
        func money(_ text: String) throws -> Money { try Money(decimal: text, currency: eur) }
        func day(_ offset: Int) -> CalendarDate { start.adding(days: offset) }
        func address(_ street: String, _ postalCode: String, _ city: String) -> PostalAddress {
            PostalAddress(lines: [street], postalCode: postalCode, city: city, countryCode: "FR")
        }

        // Tenants and creditors.
        let business = TenantRecord(tenant: Tenant(name: "Menuiserie Durand SAS (démo)", kind: .business))
        let agencyDetails = AgencyDetails(
            name: "Cabinet Recouvra (démo)",
            address: address("8 quai de la Fosse", "44000", "Nantes"),
            statement: "Société de recouvrement amiable de créances pour le compte de tiers, garantie financière souscrite auprès de la Banque Exemple."
        )
        let agency = TenantRecord(
            tenant: Tenant(name: "Cabinet Recouvra (démo)", kind: .collectionAgency), agencyDetails: agencyDetails
        )
        let durand = Creditor(
            tenantId: business.tenant.id, name: "Menuiserie Durand SAS",
            address: address("14 rue des Ateliers", "69007", "Lyon"),
            legalIdentifiers: LegalIdentifiers(registrationNumber: "512 345 678", vatNumber: "FR12512345678")
        )
        let leroy = Creditor(
            tenantId: agency.tenant.id, name: "Fournitures Leroy SARL",
            address: address("3 avenue du Port", "13002", "Marseille"),
            legalIdentifiers: LegalIdentifiers(registrationNumber: "498 765 432")
        )
        let agencyPolicy = try DunningPolicy(name: "Recouvrement amiable (démo)", steps: [
            DunningStep(offsetDays: 31, channel: .letter, templateKey: StandardStepKey.recapLetter, tone: .firm),
            DunningStep(offsetDays: 38, channel: .call, templateKey: StandardStepKey.firstCall, tone: .neutral),
            DunningStep(offsetDays: 45, channel: .email, templateKey: StandardStepKey.firmReminder, tone: .firm),
            DunningStep(offsetDays: 55, channel: .registeredLetter, templateKey: StandardStepKey.formalNotice, tone: .firm),
            DunningStep(
                offsetDays: 66, channel: .legal, templateKey: StandardStepKey.paymentOrder, tone: .firm,
                conditions: StepConditions(minimumOutstanding: try money("150.00"), debtorKinds: [.business])
            ),
        ])

        var numbers = 100
        func invoice(_ debtor: Debtor, due: CalendarDate, amount: String, rate: String? = nil,
                     state: InvoiceState = .open, prefix: String = "F") throws -> Invoice {
            numbers += 1
            let total = try money(amount)
            let paid: Bool = if case .paid = state { true } else { false }
            return try Invoice(
                tenantId: debtor.tenantId, creditorId: debtor.creditorId, debtorId: debtor.id,
                number: "\(prefix)-\(due.year)-\(String(format: "%04d", numbers))",
                issueDate: due.adding(days: -30), dueDate: due, amount: total,
                outstanding: paid ? .zero(eur) : nil,
                contractRate: try rate.map { try Rate(percent: $0) }, state: state
            )
        }
        /// Settled invoices of the past year: one a month, paid `late[i]` days after its due date.
        func history(_ debtor: Debtor, daysLate late: [Int], amount: String) throws -> [Invoice] {
            try late.enumerated().map { index, days in
                let due = day(-30 * (late.count - index) - 10)
                return try invoice(debtor, due: due, amount: amount, state: .paid(on: due.adding(days: days)), prefix: "H")
            }
        }
        func debtor(_ name: String, kind: DebtorKind = .business, creditor: Creditor = durand, contact: String? = nil,
                    email: String, phone: String, street: PostalAddress) throws -> Debtor {
            try Debtor(
                tenantId: creditor.tenantId, creditorId: creditor.id, name: name, kind: kind, language: .fr,
                timeZone: "Europe/Paris", contacts: DebtorContacts(email: email, phone: phone, postalAddress: street)
            )
        }

        var characters: [Character] = []
        var events: [DemoEvent] = []

        // 1. A reliable payer, late for once: a person calls early, courteously; it pays 20
        //    days late (the seed article's example: 3 000 € at 10 % for 20 days, plus 40 €).
        let martin = try debtor("Boulangerie Martin", email: "compta@boulangerie-martin.example", phone: "+33478000101",
                                street: address("2 place Bellecour", "69002", "Lyon"))
        let martinInvoice = try invoice(martin, due: day(3), amount: "3000.00", rate: "10")
        characters.append(Character(
            role: .reliablePayer, record: DebtorRecord(debtor: martin), history: try history(martin, daysLate: [0, 1, 0, 2, 0, 0], amount: "2400.00"),
            invoices: [martinInvoice],
            story: "reliable payer (6 invoices paid on time), late for once: an early, courteous call; pays 20 days late"
        ))
        events.append(DemoEvent(date: day(23), hour: 14, action: .payment(martinInvoice.id, try money("3000.00"))))

        // 2. A chronic late payer with two invoices due the same day: one message lists both,
        //    every step one tone firmer; it never pays during the demo.
        let lefevre = try debtor("Garage Lefèvre", email: "gestion@garage-lefevre.example", phone: "+33472000202",
                                 street: address("40 route de Vienne", "69008", "Lyon"))
        characters.append(Character(
            role: .chronicLatePayer, record: DebtorRecord(debtor: lefevre),
            history: try history(lefevre, daysLate: [25, 31, 18, 40, 22, 35], amount: "1500.00"),
            invoices: [try invoice(lefevre, due: day(2), amount: "3400.00"), try invoice(lefevre, due: day(2), amount: "860.00")],
            story: "chronic late payer (paid 18-40 days late): firmer wording sooner; two invoices, one message each time; never pays"
        ))

        // 3. A new debtor who pays while the recap letter is queued: the worker skips it
        //    (skipped_paid) and the rest of the ladder is cancelled.
        let roux = try debtor("Imprimerie Roux", email: "factures@imprimerie-roux.example", phone: "+33478000303",
                              street: address("5 rue Mercière", "69002", "Lyon"))
        let rouxInvoice = try invoice(roux, due: day(7), amount: "2150.00")
        characters.append(Character(
            role: .paysWhileQueued, record: DebtorRecord(debtor: roux), history: [], invoices: [rouxInvoice],
            story: "new debtor who pays mid-ladder, while the recap letter waits in the queue"
        ))
        events.append(DemoEvent(date: rouxInvoice.dueDate.adding(days: 25), hour: 8, phase: .whileQueued,
                                action: .payment(rouxInvoice.id, try money("2150.00"))))
        // Called at +15, it asks to be called back the day it means to pay; by then it has paid
        // and the agent's queue drops the task.
        events.append(DemoEvent(date: rouxInvoice.dueDate.adding(days: 15), hour: 14, action: .callback(
            rouxInvoice.id, at: rouxInvoice.dueDate.adding(days: 25).moment(hour: 11, in: DemoRunner.zone)
        )))

        // 4. A debtor who disputes the invoice after the firm reminder: the ladder stops.
        let blanc = try debtor("Studio Blanc", email: "contact@studio-blanc.example", phone: "+33478000404",
                               street: address("18 rue Garibaldi", "69006", "Lyon"))
        let blancInvoice = try invoice(blanc, due: day(0), amount: "980.00")
        characters.append(Character(
            role: .disputes, record: DebtorRecord(debtor: blanc), history: [], invoices: [blancInvoice],
            story: "disputes the invoice after the firm reminder: the ladder stops"
        ))
        events.append(DemoEvent(date: day(12), hour: 14, action: .dispute(
            blancInvoice.id, reason: "the delivered shelves do not match the order"
        )))

        // 5. A consumer: French consumer law (fr-b2c) — no 40 € indemnity, interest only from
        //    the formal notice, and no automatic court step.
        let petit = try debtor("Claire Petit", kind: .consumer, email: "claire.petit@example.net", phone: "+33612000505",
                               street: address("7 rue Paul Bert", "69003", "Lyon"))
        characters.append(Character(
            role: .consumer, record: DebtorRecord(debtor: petit), history: [], invoices: [try invoice(petit, due: day(1), amount: "640.00")],
            story: "consumer (fr-b2c): no 40 € indemnity, interest from the formal notice only, no legal step"
        ))

        // 6. A debtor who promises to pay after the call, then breaks the promise: the ladder
        //    waits, then resumes where it stood.
        let girard = try debtor("Transports Girard", email: "compta@transports-girard.example", phone: "+33478000606",
                                street: address("120 avenue Jean Jaurès", "69007", "Lyon"))
        let girardInvoice = try invoice(girard, due: day(4), amount: "5600.00")
        characters.append(Character(
            role: .breaksPromise, record: DebtorRecord(debtor: girard), history: [], invoices: [girardInvoice],
            story: "promises to pay during the call, breaks the promise: the ladder waits, then resumes"
        ))
        // The call falls due on a Saturday and is moved to Monday; the promise is noted that afternoon.
        let girardCallDay = girardInvoice.dueDate.adding(days: 17)
        events.append(DemoEvent(date: girardCallDay, hour: 14, action: .promise(
            girardInvoice.id, payBy: girardCallDay.adding(days: 8)
        )))

        // 7. A debtor short of cash who agrees a payment plan after the call and keeps its
        //    first installment: the ladder waits while installments are kept.
        let cafe = try debtor("Café des Arts", email: "gerance@cafe-des-arts.example", phone: "+33478000707",
                              street: address("9 rue de la Charité", "69002", "Lyon"))
        let cafeInvoice = try invoice(cafe, due: day(8), amount: "1800.00")
        characters.append(Character(
            role: .paymentPlan, record: DebtorRecord(debtor: cafe, cashFlowDifficulty: true), history: [], invoices: [cafeInvoice],
            story: "short of cash: agrees a 3-installment plan after the call, pays the first one; the ladder waits"
        ))
        let planDay = cafeInvoice.dueDate.adding(days: 15)
        events.append(DemoEvent(date: planDay, hour: 14, action: .paymentPlan(
            cafeInvoice.id, installments: 3, firstDue: planDay.adding(days: 7)
        )))
        events.append(DemoEvent(date: planDay.adding(days: 7), hour: 14, action: .payment(cafeInvoice.id, try money("600.00"))))

        // 8. A debt placed with the collection agency a month after its due date: the agency's
        //    letters and emails carry the mandatory mentions (CPCE R124-4), then repeat the
        //    first letter's reference.
        let morel = try debtor("SARL Bâtiment Morel", creditor: leroy, email: "direction@batiment-morel.example",
                               phone: "+33491000808", street: address("61 boulevard National", "13003", "Marseille"))
        characters.append(Character(
            role: .agencyDebt, record: DebtorRecord(debtor: morel), history: [],
            invoices: [try invoice(morel, due: day(-31), amount: "4250.00")],
            story: "debt placed with a collection agency 31 days after its due date: the agency's own ladder and mentions"
        ))

        // 9. A debtor whose email address the relay refuses for good (550 5.1.1): the address
        //    is marked unusable, its later emails skipped, and the ladder goes on at once by
        //    its next step on another channel (the call) instead of stopping.
        let faure = try debtor("Menuiserie Faure", email: "refuse-compta@menuiserie-faure.example", phone: "+33478000909",
                               street: address("14 rue Sala", "69002", "Lyon"))
        characters.append(Character(
            role: .refusedAddress, record: DebtorRecord(debtor: faure), history: [],
            invoices: [try invoice(faure, due: day(-2), amount: "1320.00")],
            story: "its email address is refused by the relay: marked unusable, the ladder goes on by phone and post"
        ))

        return DemoCast(
            business: business, agency: agency, agencyPolicy: agencyPolicy, creditors: [durand, leroy],
            characters: characters, events: events
        )
    }
}
