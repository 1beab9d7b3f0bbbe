import Foundation
import RelanceCore
import Testing

/// The dispatcher's decisions on hand-made due steps of the built-in French ladder, under the
/// shipped French contact rules. January 2026: the 18th is a Sunday, the 19th a Monday.
@Suite("Dispatch decider")
struct DispatchDeciderTests {
    private let decider = DispatchDecider(complianceRules: try! ComplianceRules.parse(json: RepositoryFiles.complianceRules()))
    private static let ladder = DunningPolicy.defaultFrench

    /// Whom the steps are about: the ids a due step names and the debtor's time zone.
    private struct Party {
        let tenantId = TenantID()
        let creditorId = CreditorID()
        let debtorId = DebtorID()
        var zone = TimeZoneID.paris
    }

    private static func day(_ iso: String) -> CalendarDate { try! CalendarDate(iso: iso) }

    private static func invoice(
        _ party: Party, number: String, due: String, outstanding: String? = nil, state: InvoiceState = .open
    ) -> Invoice {
        try! Invoice(
            tenantId: party.tenantId, creditorId: party.creditorId, debtorId: party.debtorId, number: number,
            issueDate: day("2025-12-01"), dueDate: day(due), amount: try! Money(decimal: "900.00", currency: .eur),
            outstanding: outstanding.map { try! Money(decimal: $0, currency: .eur) }, state: state
        )
    }

    /// Step `position` of `invoice`'s ladder, claimed on its date at 08:00 debtor time; `done`
    /// lists the earlier steps carried out (position, day).
    private static func step(
        _ position: Int, of invoice: Invoice, _ party: Party, done: [(Int, String)] = [], recentContacts: [ContactAttempt] = []
    ) -> DueStep {
        let ladderStep = ladder.steps[position]
        let dueDate = invoice.dueDate.adding(days: ladderStep.offsetDays)
        return DueStep(
            stepId: UUID(), tenantId: party.tenantId.uuid, invoiceId: invoice.id.uuid, debtorId: party.debtorId.uuid,
            position: position, channel: ladderStep.channel, templateKey: ladderStep.templateKey, tone: ladderStep.tone,
            dueDate: dueDate, dueAt: dueDate.stepDueMoment(in: party.zone), invoice: invoice, ladder: ladder,
            history: done.map { StepExecution(stepIndex: $0.0, date: day($0.1), outcome: .done) },
            debtorKind: .business, debtorTimeZone: party.zone, debtorLanguage: .fr, tenantKind: .business,
            recentContacts: recentContacts
        )
    }

    private func jobs(_ plan: DispatchPlan) throws -> [ReminderJob] {
        try plan.jobs.map { try ReminderJob.decode($0.payload) }
    }

    @Test("The steps a debtor is due on one channel travel in one job, one job per debtor")
    func oneJobPerDebtorAndChannel() throws {
        let martin = Party(), roux = Party()
        let steps = [
            Self.step(1, of: Self.invoice(martin, number: "F-1", due: "2026-01-16"), martin, done: [(0, "2026-01-13")]),
            Self.step(1, of: Self.invoice(martin, number: "F-2", due: "2026-01-16"), martin, done: [(0, "2026-01-13")]),
            Self.step(1, of: Self.invoice(roux, number: "R-1", due: "2026-01-16"), roux, done: [(0, "2026-01-13")]),
        ]
        let plan = decider.plan(steps, now: Moments.at("2026-01-19T10:00:00+01:00"))

        #expect(plan.cancelled.isEmpty && plan.deferred.isEmpty)
        let jobs = try jobs(plan)
        #expect(jobs.count == 2)
        let martinJob = try #require(jobs.first { $0.debtorId == martin.debtorId.uuid })
        #expect(martinJob.channel == .email)
        #expect(martinJob.tenantId == martin.tenantId.uuid)
        #expect(Set(martinJob.steps.map(\.invoiceId)) == [steps[0].invoiceId, steps[1].invoiceId])
        #expect(martinJob.steps.allSatisfy { $0.position == 1 && $0.templateKey == "reminder.courteous" && $0.tone == .courteous })
        let rouxJob = try #require(jobs.first { $0.debtorId == roux.debtorId.uuid })
        #expect(rouxJob.steps.map(\.invoiceId) == [steps[2].invoiceId])
        #expect(plan.jobs.map(\.id) == jobs.map(\.jobId))
        let dispatched = Dictionary(uniqueKeysWithValues: plan.dispatched.map { ($0.step, $0.job) })
        #expect(dispatched == [
            steps[0].stepId: martinJob.jobId, steps[1].stepId: martinJob.jobId, steps[2].stepId: rouxJob.jobId,
        ])
    }

    @Test("A paid invoice's step is cancelled with the reason")
    func paidInvoiceCancelled() {
        let party = Party()
        let paid = Self.invoice(party, number: "F-9", due: "2026-01-16", outstanding: "0.00", state: .paid(on: Self.day("2026-01-17")))
        let step = Self.step(1, of: paid, party, done: [(0, "2026-01-13")])
        let plan = decider.plan([step], now: Moments.at("2026-01-19T10:00:00+01:00"))

        #expect(plan.jobs.isEmpty && plan.dispatched.isEmpty && plan.deferred.isEmpty)
        #expect(plan.cancelled.map(\.step) == [step.stepId])
        #expect(plan.cancelled.map(\.reason) == ["ladder stopped: paid on 2026-01-17"])
    }

    @Test("A promise or a pause defers the step to the day the ladder may resume, at 08:00 debtor time")
    func promiseAndPauseDeferred() throws {
        var antilles = Party()
        antilles.zone = try TimeZoneID("America/Martinique")
        let promised = Self.invoice(antilles, number: "P-1", due: "2026-01-16", state: .promiseToPay(
            PromiseToPay(madeOn: Self.day("2026-01-14"), payBy: Self.day("2026-01-23"))
        ))
        let paris = Party()
        let paused = Self.invoice(paris, number: "P-2", due: "2026-01-16", state: .paused(
            ManualPause(pausedOn: Self.day("2026-01-15"), pausedBy: "Claire", reason: "credit note pending", resumesOn: nil)
        ))
        let steps = [Self.step(1, of: promised, antilles), Self.step(1, of: paused, paris)]
        let plan = decider.plan(steps, now: Moments.at("2026-01-19T10:00:00+01:00"))

        #expect(plan.jobs.isEmpty && plan.cancelled.isEmpty)
        let deferred = Dictionary(uniqueKeysWithValues: plan.deferred.map { ($0.step, ($0.until, $0.reason)) })
        // The promise is broken on 24 January if unpaid: the step waits for 08:00 in Martinique.
        #expect(deferred[steps[0].stepId]?.0 == Moments.at("2026-01-24T08:00:00-04:00"))
        #expect(deferred[steps[0].stepId]?.1 == "ladder paused (promise to pay by 2026-01-23) until 2026-01-24")
        // An open-ended pause is checked again the next morning.
        #expect(deferred[steps[1].stepId]?.0 == Moments.at("2026-01-20T08:00:00+01:00"))
        #expect(deferred[steps[1].stepId]?.1 == "ladder paused (paused by Claire: credit note pending) until resumed by a person")
    }

    @Test("Catch-up: when a later step is due, the earlier claimed one is cancelled as superseded")
    func catchUp() throws {
        let party = Party()
        let invoice = Self.invoice(party, number: "C-1", due: "2026-01-02")
        let earlier = Self.step(1, of: invoice, party, done: [(0, "2025-12-30")])
        let later = Self.step(2, of: invoice, party, done: [(0, "2025-12-30")])
        let plan = decider.plan([earlier, later], now: Moments.at("2026-01-12T10:00:00+01:00"))

        #expect(plan.cancelled.map(\.step) == [earlier.stepId])
        #expect(plan.cancelled.map(\.reason) == ["skipped: superseded by step 3"])
        #expect(plan.deferred.isEmpty)
        let job = try #require(try jobs(plan).first)
        #expect(plan.jobs.count == 1)
        #expect(job.steps.map(\.stepId) == [later.stepId])
        #expect(job.steps.map(\.templateKey) == ["reminder.firm"])
        #expect(job.steps.map(\.tone) == [.firm])
        #expect(plan.dispatched.map(\.step) == [later.stepId])
    }

    @Test("A step claimed before its date waits for it, unless it was moved up because the contact before it failed")
    func movedUpGoesAtOnce() throws {
        let martin = Party()
        let invoice = Self.invoice(martin, number: "F-1", due: "2026-01-16")
        // The +15 call (31 January), claimed on Monday 19 January after the email steps.
        let now = Moments.at("2026-01-19T10:00:00+01:00")
        var early = Self.step(3, of: invoice, martin, done: [(0, "2026-01-13"), (1, "2026-01-19")])
        early.dueAt = now
        let held = decider.plan([early], now: now)
        #expect(held.jobs.isEmpty)
        #expect(held.deferred.map(\.reason) == ["rescheduled to 2026-01-31 by the ladder's catch-up rule"])

        early.statusReason = ScheduleStepStatus.movedUpReason("email_unusable")
        let sent = decider.plan([early], now: now)
        #expect(sent.deferred.isEmpty && sent.cancelled.isEmpty)
        #expect(try jobs(sent).map(\.channel) == [.call])

        // Claimed at 08:00, before the call hours: deferred to 09:00, and still moved up.
        let morning = Moments.at("2026-01-19T08:00:00+01:00")
        early.dueAt = morning
        let deferred = try #require(decider.plan([early], now: morning).deferred.first)
        #expect(deferred.until == Moments.at("2026-01-19T09:00:00+01:00"))
        #expect(deferred.reason.hasPrefix("moved_up: email_unusable; deferred: "))
        early.statusReason = deferred.reason
        early.dueAt = deferred.until
        #expect(try jobs(decider.plan([early], now: deferred.until)).map(\.channel) == [.call])
    }

    @Test("A call outside the contact window, or on a Sunday, is deferred to the next call hour")
    func callOutsideWindowDeferred() {
        let party = Party()
        let done = [(0, "2026-01-01"), (1, "2026-01-07"), (2, "2026-01-14")]
        // Due on Monday 19 January, claimed at 08:00: calls start at 09:00.
        let early = Self.step(3, of: Self.invoice(party, number: "K-1", due: "2026-01-04"), party, done: done)
        let morning = decider.plan([early], now: early.dueAt)
        #expect(morning.jobs.isEmpty && morning.cancelled.isEmpty)
        #expect(morning.deferred.map(\.step) == [early.stepId])
        #expect(morning.deferred.map(\.until) == [Moments.at("2026-01-19T09:00:00+01:00")])
        #expect(morning.deferred.map(\.reason) == ["outside call window 09:00–12:00/14:00–19:00 Europe/Paris"])

        // Due on Sunday 18 January: no call before Monday.
        let sunday = Self.step(3, of: Self.invoice(party, number: "K-2", due: "2026-01-03"),
                               party, done: [(0, "2025-12-31"), (1, "2026-01-06"), (2, "2026-01-13")])
        let plan = decider.plan([sunday], now: Moments.at("2026-01-18T10:00:00+01:00"))
        #expect(plan.jobs.isEmpty && plan.cancelled.isEmpty)
        #expect(plan.deferred.map(\.until) == [Moments.at("2026-01-19T09:00:00+01:00")])
        #expect(plan.deferred.map(\.reason) == ["weekend"])
    }

    @Test("The contact budget counts the batch's own contacts: a second contact that would exceed it is deferred")
    func contactBudgetDefersSecondContact() throws {
        let party = Party()
        // Two emails in the last 7 days; the budget allows 3.
        let recent = [
            ContactAttempt(at: Moments.at("2026-01-14T10:00:00+01:00"), channel: .email),
            ContactAttempt(at: Moments.at("2026-01-16T10:00:00+01:00"), channel: .email),
        ]
        let call = Self.step(3, of: Self.invoice(party, number: "B-1", due: "2026-01-04"), party,
                             done: [(0, "2026-01-01"), (1, "2026-01-07"), (2, "2026-01-14")], recentContacts: recent)
        let email = Self.step(1, of: Self.invoice(party, number: "B-2", due: "2026-01-16"), party,
                              done: [(0, "2026-01-13")], recentContacts: recent)
        let plan = decider.plan([call, email], now: Moments.at("2026-01-19T10:00:00+01:00"))

        // The call is the third contact; the email would be the fourth, so it waits until the
        // email of 14 January leaves the rolling window.
        let jobs = try jobs(plan)
        #expect(jobs.map(\.channel) == [.call])
        #expect(plan.dispatched.map(\.step) == [call.stepId])
        #expect(plan.cancelled.isEmpty)
        #expect(plan.deferred.map(\.step) == [email.stepId])
        #expect(plan.deferred.map(\.until) == [Moments.at("2026-01-21T10:00:00+01:00")])
        #expect(plan.deferred.map(\.reason) == ["contact budget 3 per 7 days reached; next slot 2026-01-21T10:00+01:00"])
    }
}
