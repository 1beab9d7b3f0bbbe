import Foundation
import PropertyBased
import RelanceCore
import Testing

private typealias F = LadderFixtures
private typealias P = PersonalisationFixtures

@Suite("Personaliser")
struct PersonaliserTests {
    private let personaliser = Personaliser()
    private let policy = DunningPolicy.defaultFrench

    private func personalise(
        daysLate: [Int],
        paidInParts: Set<Int> = [],
        policy: DunningPolicy = .defaultFrench,
        invoice: Invoice? = nil,
        signals: DebtorSignals = DebtorSignals()
    ) throws -> PersonalisedLadder {
        personaliser.personalise(
            policy: policy,
            profile: try P.profile(daysLate: daysLate, paidInParts: paidInParts),
            invoice: try invoice ?? F.invoice(),
            signals: signals,
            today: try F.day("2025-04-05")
        )
    }

    // MARK: Segments

    @Test("segments from payment behaviour", arguments: [
        ([Int](), PayerSegment.new),
        ([0, 30], .new),
        ([0, 1, 0, 2, 0], .reliable),
        ([0, 0, 0, 0, 9], .reliable),
        ([20, 25, 30, 18], .chronicLate),
        ([30, 1, 30, 0, 25], .chronicLate),
        ([0, 1, 2, 8, 4], .ordinary),
        ([0, 1, 0, 0, 25, 30, 20], .deteriorating),
    ] as [([Int], PayerSegment)])
    func segments(daysLate: [Int], expected: PayerSegment) throws {
        let assessment = personaliser.assess(try P.profile(daysLate: daysLate))
        #expect(assessment.segment == expected, "\(assessment.reason)")
    }

    @Test("each assessment says why, with the figures")
    func assessmentReasons() throws {
        #expect(personaliser.assess(try P.profile(daysLate: [0, 1, 0, 2, 0])).reason
            == "reliable payer: 5 of 5 invoices paid on time, 0.6 days late on average")
        #expect(personaliser.assess(try P.profile(daysLate: [20, 25, 30, 18])).reason
            == "chronic late payer: 0 of 4 invoices paid on time, 23.3 days late on average")
        #expect(personaliser.assess(try P.profile(daysLate: [0])).reason
            == "new debtor: 1 settled invoice, fewer than the 3 needed to judge; neutral defaults (the policy as written)")
        #expect(personaliser.assess(try P.profile(daysLate: [0, 1, 0, 0, 25, 30, 20])).reason
            == "deteriorating payer: 4 of 4 earlier invoices paid on time (0.3 days late on average), but the last 3 25.0 days late on average")
    }

    // MARK: Decisions

    @Test("a new debtor gets the policy as written")
    func newDebtor() throws {
        let ladder = try personalise(daysLate: [])
        #expect(ladder.policy == policy)
        #expect(ladder.channelAdjustments.isEmpty)
        #expect(ladder.toneDecisions.map(\.tone) == policy.steps.map(\.tone))
        #expect(ladder.toneDecisions.allSatisfy { $0.reason.contains("neutral defaults") })
        #expect(ladder.paymentPlanOffer == nil)
        #expect(ladder.explanation.count == 1)
    }

    @Test("a reliable payer gets an early courteous call instead of a firm warning")
    func reliablePayer() throws {
        let ladder = try personalise(daysLate: [0, 1, 0, 2, 0])
        let steps = ladder.policy.steps
        #expect(steps.map(\.offsetDays) == [-3, 3, 5, 10, 25, 35, 50])
        #expect(steps.map(\.channel) == [.email, .email, .call, .email, .letter, .registeredLetter, .legal])
        #expect(steps.map(\.tone) == [.courteous, .courteous, .courteous, .neutral, .neutral, .firm, .firm])
        #expect(ladder.channelAdjustments.map(\.change) == [.callMoved(fromOffsetDays: 15, toOffsetDays: 5)])
        #expect(ladder.channelAdjustments[0].reason.hasPrefix("call moved from day 15 to day 5 after the due date — reliable payer: 5 of 5 invoices paid on time"))
        let firmEmail = ladder.toneDecisions[3]
        #expect(firmEmail.templateKey == "reminder.firm")
        #expect(firmEmail.policyTone == .firm)
        #expect(firmEmail.tone == .neutral)
        #expect(firmEmail.reason.hasPrefix("softened from firm to neutral — reliable payer"))
        #expect(ladder.toneDecisions[5].reason == "policy tone kept: a formal notice or legal step keeps its register")
        // Same identity as the policy it came from, and still a valid policy.
        #expect(ladder.policy.id == policy.id && ladder.policy.version == policy.version)
        #expect(throws: Never.self) { try policy.replacingSteps(steps) }
    }

    @Test("a deteriorating payer is called early too")
    func deterioratingPayer() throws {
        let ladder = try personalise(daysLate: [0, 1, 0, 0, 25, 30, 20])
        #expect(ladder.assessment.segment == .deteriorating)
        #expect(ladder.channelAdjustments.map(\.change) == [.callMoved(fromOffsetDays: 15, toOffsetDays: 5)])
    }

    @Test("a policy without a call gets one added; a taken day moves it to the next free one")
    func callInserted() throws {
        let emailsOnly = try DunningPolicy(name: "Emails", steps: [
            DunningStep(offsetDays: 2, channel: .email, templateKey: "reminder.courteous", tone: .courteous),
            DunningStep(offsetDays: 5, channel: .email, templateKey: "reminder.firm", tone: .firm),
            DunningStep(offsetDays: 6, channel: .email, templateKey: "reminder.firm", tone: .firm),
        ])
        let ladder = try personalise(daysLate: [0, 0, 0], policy: emailsOnly)
        #expect(ladder.channelAdjustments.map(\.change) == [.callInserted(offsetDays: 7)])
        #expect(ladder.policy.steps.map(\.offsetDays) == [2, 5, 6, 7])
        #expect(ladder.policy.steps[3] == DunningStep(offsetDays: 7, channel: .call, templateKey: "call.first", tone: .courteous))
        #expect(ladder.toneDecisions.count == 4)
    }

    @Test("a call already early enough stays where it is")
    func callAlreadyEarly() throws {
        let early = try DunningPolicy(name: "Early call", steps: [
            DunningStep(offsetDays: 2, channel: .call, templateKey: "call.first", tone: .neutral),
            DunningStep(offsetDays: 9, channel: .email, templateKey: "reminder.firm", tone: .firm),
        ])
        let ladder = try personalise(daysLate: [0, 0, 0], policy: early)
        #expect(ladder.channelAdjustments.isEmpty)
        #expect(ladder.policy.steps.map(\.tone) == [.courteous, .neutral])
    }

    @Test("a chronic late payer gets firmer wording sooner")
    func chronicLatePayer() throws {
        let ladder = try personalise(daysLate: [20, 25, 30, 18])
        #expect(ladder.policy.steps.map(\.tone) == [.neutral, .neutral, .firm, .firm, .firm, .firm, .firm])
        #expect(ladder.policy.steps.map(\.offsetDays) == policy.steps.map(\.offsetDays))
        #expect(ladder.channelAdjustments.isEmpty)
        #expect(ladder.toneDecisions[0].reason.hasPrefix("raised from courteous to neutral — chronic late payer: 0 of 4 invoices paid on time"))
        #expect(ladder.toneDecisions[2].reason == "policy tone kept: already firm")
    }

    @Test("an ordinary payer gets the policy as written")
    func ordinaryPayer() throws {
        let ladder = try personalise(daysLate: [0, 1, 2, 8, 4])
        #expect(ladder.policy == policy)
        #expect(ladder.toneDecisions.allSatisfy { $0.reason.hasPrefix("policy tone kept — ordinary payer") })
    }

    // MARK: Payment plans

    @Test("a debtor who says it is short of cash is offered three monthly installments")
    func statedCashShortage() throws {
        let ladder = try personalise(daysLate: [], invoice: F.invoice(amount: "1000.01"), signals: DebtorSignals(statedCashFlowDifficulty: true))
        let offer = try #require(ladder.paymentPlanOffer)
        #expect(offer.installments.map(\.amount.decimalString) == ["333.34", "333.34", "333.33"])
        #expect(offer.installments.map(\.dueDate.iso) == ["2025-04-19", "2025-05-19", "2025-06-19"])
        #expect(offer.reason == "short of cash (the debtor said it is short of cash): propose 3 monthly installments — 333.34 EUR on 2025-04-19, 333.34 EUR on 2025-05-19, 333.33 EUR on 2025-06-19")
        #expect(ladder.explanation.last == offer.reason)
        // Accepting it puts the invoice on a plan.
        let invoice = try F.invoice(amount: "1000.01")
        let onPlan = try invoice.agreeingPaymentPlan(offer.plan(agreedOn: F.day("2025-04-05")))
        #expect(onPlan.skipReason(on: try F.day("2025-04-20")) == .plan)
    }

    @Test("part payments are a sign of short cash")
    func partPaymentSignals() throws {
        let recentParts = try personalise(daysLate: [0, 3, 5, 4], paidInParts: [2, 3])
        #expect(recentParts.paymentPlanOffer?.reason.hasPrefix("short of cash (2 of its last 3 invoices were paid in parts)") == true)
        let thisInvoice = try personalise(daysLate: [], invoice: F.invoice(outstanding: "900.00", state: .partiallyPaid))
        #expect(thisInvoice.paymentPlanOffer?.installments.map(\.amount.decimalString) == ["300.00", "300.00", "300.00"])
        #expect(thisInvoice.paymentPlanDecision?.contains("300.00 EUR of this invoice's 1200.00 EUR has been paid so far") == true)
        #expect(try personalise(daysLate: [0, 3, 5, 4], paidInParts: [0]).paymentPlanOffer == nil)
    }

    @Test("small amounts get fewer installments, and none below two of the minimum")
    func smallAmounts() throws {
        let cashShort = DebtorSignals(statedCashFlowDifficulty: true)
        let small = try personalise(daysLate: [], invoice: F.invoice(amount: "120.00"), signals: cashShort)
        #expect(small.paymentPlanOffer?.installments.map(\.amount.decimalString) == ["60.00", "60.00"])
        let tiny = try personalise(daysLate: [], invoice: F.invoice(amount: "80.00"), signals: cashShort)
        #expect(tiny.paymentPlanOffer == nil)
        #expect(tiny.paymentPlanDecision == "short of cash (the debtor said it is short of cash), but 80.00 EUR is too small to split into installments of at least 50.00 EUR")
    }

    @Test("no plan is offered while disputed or already on a plan, nor without a sign of short cash")
    func noOffer() throws {
        let cashShort = DebtorSignals(statedCashFlowDifficulty: true)
        let disputed = try F.invoice().disputing(reason: "price", on: F.day("2025-04-01"))
        let ladder = try personalise(daysLate: [], invoice: disputed, signals: cashShort)
        #expect(ladder.paymentPlanOffer == nil)
        #expect(ladder.paymentPlanDecision == "short of cash (the debtor said it is short of cash), but the invoice is disputed")
        let plain = try personalise(daysLate: [0, 1, 0])
        #expect(plain.paymentPlanOffer == nil)
        #expect(plain.paymentPlanDecision == nil)
    }

    @Test("a tenant's rules JSON names only what it changes, and the decisions follow")
    func customRules() throws {
        let rules = try JSONDecoder().decode(PersonalisationRules.self, from: Data(#"{"earlyCallOffsetDays": 7, "preferredInstallments": 4}"#.utf8))
        #expect(rules.minimumHistory == PersonalisationRules().minimumHistory)
        let custom = Personaliser(rules: rules)
        let ladder = custom.personalise(
            policy: policy, profile: try P.profile(daysLate: [0, 0, 0]), invoice: try F.invoice(),
            signals: DebtorSignals(statedCashFlowDifficulty: true), today: try F.day("2025-04-05")
        )
        #expect(ladder.channelAdjustments.map(\.change) == [.callMoved(fromOffsetDays: 15, toOffsetDays: 7)])
        #expect(ladder.paymentPlanOffer?.installments.count == 4)
    }

    // MARK: Properties

    @Test("any history gives a valid ladder with one tone decision per step, the same every time")
    func alwaysValid() async {
        await propertyCheck(input: Gen.int(in: -10...90).array(of: 0...12), Gen.bool()) { daysLate, cashShort in
            let profile = try P.profile(daysLate: daysLate)
            let invoice = try F.invoice()
            let signals = DebtorSignals(statedCashFlowDifficulty: cashShort)
            let today = try F.day("2025-04-05")
            let ladder = personaliser.personalise(policy: policy, profile: profile, invoice: invoice, signals: signals, today: today)
            #expect(throws: Never.self) { try policy.replacingSteps(ladder.policy.steps) }
            #expect(ladder.toneDecisions.count == ladder.policy.steps.count)
            #expect(ladder.toneDecisions.map(\.tone) == ladder.policy.steps.map(\.tone))
            #expect(ladder.toneDecisions.allSatisfy { !$0.reason.isEmpty })
            // Formal steps never change, whatever the debtor.
            #expect(ladder.policy.steps.filter { $0.channel == .registeredLetter || $0.channel == .legal } == policy.steps.suffix(2))
            #expect(personaliser.personalise(policy: policy, profile: profile, invoice: invoice, signals: signals, today: today) == ladder)
            #expect((ladder.paymentPlanOffer != nil) == cashShort)
        }
    }
}
