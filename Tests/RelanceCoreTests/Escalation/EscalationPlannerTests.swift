import RelanceCore
import Testing

private typealias F = LadderFixtures

/// The default ladder on an invoice due 2025-03-31: steps fall on 03-28, 04-03, 04-10,
/// 04-15, 04-25, 05-05 and 05-20.
@Suite("Escalation planner")
struct EscalationPlannerTests {
    private let planner = EscalationPlanner()
    private let policy = DunningPolicy.defaultFrench

    private func plan(
        _ invoice: Invoice,
        kind: DebtorKind = .business,
        history: [StepExecution] = [],
        today: String
    ) throws -> EscalationSchedule {
        try planner.plan(invoice: invoice, debtorKind: kind, policy: policy, history: history, today: F.day(today))
    }

    private func done(_ index: Int, _ date: String) throws -> StepExecution {
        StepExecution(stepIndex: index, date: try F.day(date), outcome: .done)
    }

    @Test("at issue the whole timeline is planned and nothing is due")
    func atIssue() throws {
        let schedule = try plan(F.invoice(), today: "2025-03-01")
        #expect(schedule.steps.map(\.date.iso) == ["2025-03-28", "2025-04-03", "2025-04-10", "2025-04-15", "2025-04-25", "2025-05-05", "2025-05-20"])
        #expect(schedule.steps.allSatisfy { $0.status == .planned })
        #expect(schedule.dueNow.isEmpty)
        #expect(schedule.nextPlanned?.stepIndex == 0)
        #expect(schedule.ladder == .active(resumed: nil))
        #expect(schedule.policyId == policy.id)
        #expect(schedule.policyVersion == 1)
    }

    @Test(
        "each day of a ladder run on time, the step of that day is due and no other",
        arguments: [
            ("2025-03-27", nil), ("2025-03-28", 0), ("2025-04-02", nil), ("2025-04-03", 1), ("2025-04-10", 2),
            ("2025-04-14", nil), ("2025-04-15", 3), ("2025-04-25", 4), ("2025-05-05", 5), ("2025-05-20", 6), ("2025-06-30", nil),
        ] as [(String, Int?)]
    )
    func dueNowOnTime(today: String, expected: Int?) throws {
        let todayDate = try F.day(today)
        // Every step before today was carried out on its day.
        let original = policy.steps.map { (try? F.day("2025-03-31"))!.adding(days: $0.offsetDays) }
        let history = original.enumerated().filter { $0.element < todayDate }.map {
            StepExecution(stepIndex: $0.offset, date: $0.element, outcome: .done)
        }
        let schedule = try plan(F.invoice(), history: history, today: today)
        #expect(schedule.dueNow.map(\.stepIndex) == (expected.map { [$0] } ?? []))
        if let expected {
            #expect(schedule.dueNow.first?.templateKey == policy.steps[expected].templateKey)
            #expect(schedule.dueNow.first?.channel == policy.steps[expected].channel)
        }
    }

    @Test("a step already done is not due again")
    func doneNotDueAgain() throws {
        let history = [try done(0, "2025-03-28"), try done(1, "2025-04-03"), try done(2, "2025-04-10")]
        let schedule = try plan(F.invoice(), history: history, today: "2025-04-12")
        #expect(schedule.dueNow.isEmpty)
        #expect(schedule.steps[2].status == .done(on: try F.day("2025-04-10")))
        #expect(schedule.nextPlanned?.stepIndex == 3)
    }

    @Test("a step carried out late pushes the next ones back by as much")
    func cadence() throws {
        let history = [try done(0, "2025-03-28"), try done(1, "2025-04-03"), try done(2, "2025-04-14")]
        let schedule = try plan(F.invoice(), history: history, today: "2025-04-15")
        #expect(schedule.dueNow.isEmpty)
        #expect(schedule.steps[3].date == (try F.day("2025-04-19")))
        #expect(schedule.steps[3].originalDate == (try F.day("2025-04-15")))
        #expect(schedule.steps[4].date == (try F.day("2025-04-29")))
    }

    @Test("conditions filter steps: no legal step for a consumer or below 150 €")
    func conditions() throws {
        let consumer = try plan(F.invoice(), kind: .consumer, today: "2025-03-01")
        #expect(consumer.steps[6].status == .notApplicable(reason: "only for business debtors; this debtor is a consumer"))
        let small = try plan(F.invoice(amount: "120.00"), today: "2025-03-01")
        #expect(small.steps[6].status == .notApplicable(reason: "only from 150.00 EUR outstanding; 120.00 EUR is outstanding"))
        // A part payment that brings the outstanding under the minimum removes the step too.
        let partPaid = try plan(F.invoice(amount: "1200.00", outstanding: "100.00", state: .partiallyPaid), today: "2025-03-01")
        #expect(partPaid.steps[6].status.name == "not_applicable")
        #expect(try plan(F.invoice(), today: "2025-03-01").steps[6].status == .planned)
    }

    @Test("a courtesy step that would fall before the invoice was issued does not apply")
    func beforeIssue() throws {
        let schedule = try plan(F.invoice(issued: "2025-03-30", due: "2025-03-31"), today: "2025-03-30")
        #expect(schedule.steps[0].status == .notApplicable(reason: "it would fall on 2025-03-28, before the invoice was issued on 2025-03-30"))
        #expect(schedule.dueNow.isEmpty)
    }

    @Test("an invoice taken on late gets only the latest overdue step; earlier ones are skipped")
    func lateImportCatchUp() throws {
        let schedule = try plan(F.invoice(), today: "2025-04-26")
        #expect(schedule.dueNow.map(\.stepIndex) == [4])
        #expect(schedule.dueNow.first?.templateKey == "letter.recap")
        for index in 0..<4 {
            #expect(schedule.steps[index].status == .skipped(.superseded(byStepIndex: 4)))
        }
        // The next step keeps its spacing from the catch-up step, done today at the earliest.
        #expect(schedule.steps[5].date == (try F.day("2025-05-06")))
    }

    @Test("a legal step never overtakes the formal notice")
    func legalWaitsForNotice() throws {
        let schedule = try plan(F.invoice(), today: "2025-05-25")
        #expect(schedule.dueNow.map(\.templateKey) == ["notice.formal"])
        #expect(schedule.steps[6].status == .planned)
        #expect(schedule.steps[6].date == (try F.day("2025-06-09")))
        // Once the notice is done, the legal step follows at the policy's spacing.
        let after = try plan(F.invoice(), history: [try done(5, "2025-05-25")], today: "2025-06-09")
        #expect(after.dueNow.map(\.templateKey) == ["legal.payment_order"])
    }

    @Test("the ladder never steps back: steps before one already done are skipped")
    func noSteppingBack() throws {
        let schedule = try plan(F.invoice(), history: [try done(4, "2025-04-25")], today: "2025-04-26")
        #expect(schedule.dueNow.isEmpty)
        #expect((0..<4).allSatisfy { schedule.steps[$0].status == .skipped(.superseded(byStepIndex: 4)) })
        #expect(schedule.nextPlanned?.stepIndex == 5)
    }

    @Test("a step recorded as skipped stays skipped")
    func recordedSkip() throws {
        let history = [try done(0, "2025-03-28"), StepExecution(stepIndex: 1, date: try F.day("2025-04-03"), outcome: .skipped)]
        let schedule = try plan(F.invoice(), history: history, today: "2025-04-05")
        #expect(schedule.steps[1].status == .skipped(.recorded(on: try F.day("2025-04-03"))))
        #expect(schedule.dueNow.isEmpty)
        // A done record for the same step wins over a skipped one.
        let both = try plan(F.invoice(), history: history + [try done(1, "2025-04-04")], today: "2025-04-05")
        #expect(both.steps[1].status == .done(on: try F.day("2025-04-04")))
    }

    @Test("during a promise nothing is due; the schedule shows the catch-up when it ends")
    func promisePausesThenResumes() throws {
        let history = [try done(0, "2025-03-28"), try done(1, "2025-04-03")]
        let promised = try F.invoice().promisingPayment(by: F.day("2025-04-30"), on: F.day("2025-04-08"))

        let during = try plan(promised, history: history, today: "2025-04-20")
        #expect(during.ladder.skipReason == .promise)
        #expect(during.dueNow.isEmpty)
        #expect(during.steps[4].date == (try F.day("2025-05-01")))
        #expect(during.steps[2].status == .skipped(.superseded(byStepIndex: 4)))
        #expect(during.steps[5].date == (try F.day("2025-05-11")))

        // The promise is broken on 05-01: one step is due, the letter recalling what was done.
        let broken = try plan(promised, history: history, today: "2025-05-01")
        #expect(broken.ladder == .active(resumed: .brokenPromise(payBy: try F.day("2025-04-30"))))
        #expect(broken.dueNow.map(\.templateKey) == ["letter.recap"])
        #expect(broken.steps[2].status == .skipped(.superseded(byStepIndex: 4)))
        #expect(broken.steps[3].status == .skipped(.superseded(byStepIndex: 4)))

        // Once the letter is sent the formal notice keeps the policy's ten days' spacing.
        let next = try plan(promised.advanced(to: F.day("2025-05-01")), history: history + [try done(4, "2025-05-01")], today: "2025-05-02")
        #expect(next.dueNow.isEmpty)
        #expect(next.nextPlanned?.templateKey == "notice.formal")
        #expect(next.nextPlanned?.date == (try F.day("2025-05-11")))
    }

    @Test("a missed installment resumes the ladder with a single step")
    func missedInstallmentResumes() throws {
        let history = [try done(0, "2025-03-28"), try done(1, "2025-04-03"), try done(2, "2025-04-10")]
        let plan = try PaymentPlan(agreedOn: F.day("2025-04-12"), installments: [
            Installment(number: 1, dueDate: try F.day("2025-05-01"), amount: try F.eur("600")),
            Installment(number: 2, dueDate: try F.day("2025-06-01"), amount: try F.eur("600")),
        ], graceDays: 5)
        let onPlan = try F.invoice().agreeingPaymentPlan(plan)
        let kept = try self.plan(onPlan, history: history, today: "2025-05-06")
        #expect(kept.dueNow.isEmpty)
        #expect(kept.ladder.skipReason == .plan)
        let missed = try self.plan(onPlan, history: history, today: "2025-05-07")
        #expect(missed.ladder.isActive)
        // 05-07 is past the formal notice's day (05-05): after a broken agreement the debtor
        // gets the notice, and only it.
        #expect(missed.dueNow.map(\.templateKey) == ["notice.formal"])
        #expect(missed.steps[3].status == .skipped(.superseded(byStepIndex: 5)))
        #expect(missed.steps[4].status == .skipped(.superseded(byStepIndex: 5)))
        // Had the installment been missed before the letter's day, the call would be due.
        let earlyPlan = try PaymentPlan(agreedOn: F.day("2025-04-11"), installments: [
            Installment(number: 1, dueDate: try F.day("2025-04-14"), amount: try F.eur("1200")),
        ], graceDays: 2)
        let early = try self.plan(F.invoice().agreeingPaymentPlan(earlyPlan), history: history, today: "2025-04-17")
        #expect(early.dueNow.map(\.templateKey) == ["call.first"])
    }

    @Test("an indefinite pause holds everything, however overdue")
    func indefinitePause() throws {
        let paused = try F.invoice().pausing(reason: "debtor in hospital", by: "Marc", on: F.day("2025-04-01"))
        let schedule = try plan(paused, today: "2025-06-01")
        #expect(schedule.dueNow.isEmpty)
        #expect(schedule.ladder.skipReason == .paused)
    }

    @Test("a stopped ladder skips every pending step with the reason", arguments: [SkipReason.paid, .disputed, .writtenOff])
    func stopped(reason: SkipReason) throws {
        let invoice = try F.invoice()
        let stopped: Invoice = switch reason {
        case .paid: try invoice.recordingPayment(F.payment("1200", on: "2025-04-05", to: invoice))
        case .disputed: try invoice.disputing(reason: "wrong price", on: F.day("2025-04-05"))
        default: try invoice.writingOff(reason: "liquidation", on: F.day("2025-04-05"))
        }
        let schedule = try plan(stopped, history: [try done(0, "2025-03-28"), try done(1, "2025-04-03")], today: "2025-05-01")
        #expect(schedule.dueNow.isEmpty)
        #expect(schedule.steps[1].status == .done(on: try F.day("2025-04-03")))
        #expect((2..<7).allSatisfy { schedule.steps[$0].status == .skipped(.ladderStopped(reason)) })
        #expect(schedule.nextPlanned == nil)
    }

    @Test("a history naming a step the policy lacks is an error")
    func unknownStep() throws {
        let error = #expect(throws: EscalationError.self) {
            try plan(F.invoice(), history: [try done(7, "2025-05-01")], today: "2025-05-02")
        }
        #expect(error?.code == .unknownStep)
    }
}
