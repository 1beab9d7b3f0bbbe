import Foundation
import Testing
import RelanceCore

@Suite("Call tasks: priority, window, talking points, results")
struct CallPlanningTests {
    static let business = try! ContactRecipient(timeZoneIdentifier: "Europe/Paris", debtorKind: .business)
    static let consumer = try! ContactRecipient(timeZoneIdentifier: "Europe/Paris", debtorKind: .consumer)

    static func eur(_ text: String) -> Money { SampleMessages.eur(text) }
    static func day(_ iso: String) -> CalendarDate { SampleMessages.day(iso) }

    // MARK: - Priority

    @Test("Priority: ten times the amount adds 100 points, each day late 2, up to 180 days; 0…1000")
    func priorityScale() {
        #expect(CallPriority.score(amountDue: Self.eur("1000"), daysLate: 30) == 360)
        #expect(CallPriority.score(amountDue: Self.eur("100"), daysLate: 60) == 320)
        #expect(CallPriority.score(amountDue: Self.eur("10"), daysLate: 0) == 100)
        #expect(CallPriority.score(amountDue: Self.eur("0.50"), daysLate: 0) == 0)
        #expect(CallPriority.score(amountDue: Self.eur("1000"), daysLate: -5) == 300, "not yet due counts no day")
        #expect(CallPriority.score(amountDue: Self.eur("1000"), daysLate: 400) == 300 + 360, "days beyond 180 add nothing")
        #expect(CallPriority.score(amountDue: Self.eur("5000000000"), daysLate: 1000) == 960, "amount points stop at 600")
    }

    @Test("Priority never falls when the amount or the lateness grows")
    func priorityMonotonic() {
        var previous = -1
        for cents in stride(from: Int64(0), through: 50_000_000, by: 7_919) {
            let score = CallPriority.score(amountDue: Money(minorUnits: cents, currency: .eur), daysLate: 10)
            #expect(score >= previous, "at \(cents) cents")
            previous = score
        }
        previous = -1
        for days in 0...400 {
            let score = CallPriority.score(amountDue: Self.eur("750"), daysLate: days)
            #expect(score >= previous && score <= CallPriority.maximum)
            previous = score
        }
    }

    // MARK: - Window

    @Test("A call job made on Friday evening opens Monday at 09:00 and closes at 19:00, Paris time")
    func windowAfterWeekend() throws {
        let window = try CallWindow.first(from: Moments.at("2025-04-25T20:00:00+02:00"), recipient: Self.business, rules: SampleMessages.rules)
        #expect(window.earliest.iso8601 == "2025-04-28T09:00+02:00")
        #expect(window.latest.iso8601 == "2025-04-28T19:00+02:00")
        #expect(window.earliest.timeZone.identifier == "Europe/Paris")
    }

    @Test("A window skips a public holiday, and a lunch break; a consumer's hours are its own")
    func windowHolidayAndLunch() throws {
        // Wednesday 30 April after hours: 1 May (Labour Day) is closed → Friday 2 May.
        let holiday = try CallWindow.first(from: Moments.at("2025-04-30T19:30:00+02:00"), recipient: Self.business, rules: SampleMessages.rules)
        #expect(holiday.earliest.iso8601 == "2025-05-02T09:00+02:00")
        let lunch = try CallWindow.first(from: Moments.at("2025-04-28T12:30:00+02:00"), recipient: Self.business, rules: SampleMessages.rules)
        #expect(lunch.earliest.iso8601 == "2025-04-28T14:00+02:00")
        #expect(lunch.latest.iso8601 == "2025-04-28T19:00+02:00")
        let consumer = try CallWindow.first(from: Moments.at("2025-04-28T09:30:00+02:00"), recipient: Self.consumer, rules: SampleMessages.rules)
        #expect(consumer.earliest.iso8601 == "2025-04-28T10:00+02:00")
        #expect(consumer.latest.iso8601 == "2025-04-28T20:00+02:00")
        // Inside the window: it opens at once.
        let now = try CallWindow.first(from: Moments.at("2025-04-28T10:15:00+02:00"), recipient: Self.business, rules: SampleMessages.rules)
        #expect(now.earliest.iso8601 == "2025-04-28T10:15+02:00")
    }

    @Test("A window read in the debtor's zone: 09:00 in Montreal is 15:00 in Paris")
    func windowInDebtorZone() throws {
        let montreal = try ContactRecipient(timeZoneIdentifier: "America/Montreal", debtorKind: .business)
        let window = try CallWindow.first(from: Moments.at("2025-04-28T10:00:00+02:00"), recipient: montreal, rules: SampleMessages.rules)
        #expect(window.earliest.iso8601 == "2025-04-28T09:00-04:00")
        #expect(window.earliest.date == Moments.at("2025-04-28T15:00:00+02:00"))
    }

    // MARK: - Talking points

    @Test("Talking points: invoices, amounts with penalties, history, next step; a part-paid debt gets a plan")
    func talkingPointsWithPlan() throws {
        let context = SampleMessages.full(language: .fr)
        let plan = CallTalkingPoints.suggestedPlan(context: context, statedCashFlowDifficulty: false, today: Self.day("2026-11-29"))
        let points = try CallTalkingPoints.make(context: context, phone: "+33140000000", proposal: plan)
        #expect(points.invoices.map(\.number) == ["F-2026-101", "F-2026-117"])
        #expect(points.invoices.map(\.daysLate) == [59, 45])
        #expect(points.daysLate == 59)
        #expect(points.outstanding == Self.eur("3250.50"))
        #expect(points.penalties == Self.eur("136.44"))
        #expect(points.due == Self.eur("3386.94"))
        #expect(points.history.map(\.summary) == ["Rappel amical", "Appel sans réponse"])
        #expect(points.nextStep == MessageNextStep(channel: .registeredLetter, date: Self.day("2026-12-14")))
        // Part paid (1 000.00 of F-2026-117 received): the personaliser's plan, to the cent.
        #expect(points.solution.kind == .paymentPlan)
        let installments = points.solution.installments
        #expect(installments.count >= 2)
        #expect(try Money.sum(installments.map(\.amount), currency: .eur) == Self.eur("3250.50"))
        #expect(points.points.contains { $0.contains("136.44") && $0.contains("3386.94") })
        #expect(points.points.contains { $0.hasPrefix("Suggest: offer \(installments.count) monthly installments") })
    }

    @Test("Talking points: a debtor neither short of cash nor part paid is asked to pay in full; one who said it is short of cash gets a plan")
    func talkingPointsPayInFull() throws {
        var context = SampleMessages.full(language: .fr)
        context.invoices = [context.invoices[0]]
        let none = CallTalkingPoints.suggestedPlan(context: context, statedCashFlowDifficulty: false, today: Self.day("2026-11-29"))
        #expect(none == nil)
        let inFull = try CallTalkingPoints.make(context: context, phone: "+33140000000", proposal: none)
        #expect(inFull.solution.kind == .payInFull)
        #expect(inFull.solution.summary == "ask for payment of 3136.44 EUR in full by 2026-12-09")
        let stated = CallTalkingPoints.suggestedPlan(context: context, statedCashFlowDifficulty: true, today: Self.day("2026-11-29"))
        #expect(try Money.sum(try #require(stated).installments.map(\.amount), currency: .eur) == Self.eur("3000"))
    }

    @Test("Talking points survive their JSON form")
    func talkingPointsRoundTrip() throws {
        let points = try CallTalkingPoints.make(context: SampleMessages.full(language: .en), phone: "+33140000000", proposal: nil)
        let decoded = try JSONDecoder().decode(CallTalkingPoints.self, from: JSONEncoder().encode(points))
        #expect(decoded == points)
    }

    // MARK: - Results

    @Test("Results are checked against the debtor's day: amounts positive, promises and plans ahead, payments past, a reason given")
    func resultValidation() throws {
        let today = Self.day("2025-04-28")
        let now = Moments.at("2025-04-28T10:00:00+02:00")
        func refused(_ result: CallResult) -> String? {
            do {
                _ = try result.validated(today: today, now: now)
                return nil
            } catch {
                #expect(error.code == .invalidResult)
                return error.message
            }
        }
        #expect(refused(.promiseToPay(date: Self.day("2025-05-15"), amount: Self.eur("500"))) == nil)
        #expect(refused(.promiseToPay(date: Self.day("2025-04-27"), amount: Self.eur("500"))) == "a promise to pay by 2025-04-27 is in the past (today is 2025-04-28)")
        #expect(refused(.promiseToPay(date: Self.day("2025-05-15"), amount: Self.eur("0"))) == "a promise to pay needs a positive amount, not 0.00 EUR")
        #expect(refused(.dispute(reason: "  ")) == "a dispute needs a reason")
        #expect(try CallResult.dispute(reason: " goods damaged \n").validated(today: today, now: now) == .dispute(reason: "goods damaged"))
        #expect(refused(.paymentPlan(installments: 1, firstDueDate: Self.day("2025-05-15"))) == "a payment plan needs 2 to 36 installments, not 1")
        #expect(refused(.paymentPlan(installments: 3, firstDueDate: Self.day("2025-05-15"))) == nil)
        #expect(refused(.paid(amount: Self.eur("100"), date: Self.day("2025-04-29"))) == "a payment on 2025-04-29 is in the future (today is 2025-04-28)")
        #expect(refused(.paid(amount: Self.eur("100"), date: today)) == nil)
        #expect(refused(.callback(at: Moments.at("2025-04-28T09:00:00+02:00"))) == "a callback must be later than now")
        #expect(refused(.callback(at: Moments.at("2025-04-28T15:00:00+02:00"))) == nil)
        #expect(refused(.noAnswer) == nil && refused(.wrongNumber) == nil)
    }

    @Test("Each result has its stored name and detail")
    func resultNames() {
        #expect(CallResult.Kind.allCases.map(\.rawValue) == ["promise_to_pay", "dispute", "payment_plan", "paid", "no_answer", "wrong_number", "callback"])
        #expect(CallResult.promiseToPay(date: Self.day("2025-05-15"), amount: Self.eur("1234.56")).detail
            == ["pay_by": "2025-05-15", "amount": "1234.56", "currency": "EUR"])
        #expect(CallResult.paymentPlan(installments: 3, firstDueDate: Self.day("2025-05-15")).detail == ["installments": "3", "first_due": "2025-05-15"])
    }
}
