/// Fits a dunning policy to a debtor from its payment behaviour. Deterministic: the same
/// policy, profile, invoice, signals and day give the same ladder, and every decision
/// carries its reason.
///
/// - **New debtor** (too little history) and **ordinary payer**: the policy as written.
/// - **Reliable payer**, and **deteriorating payer** (reliable before, much later lately): a
///   person calls early — the first call after the due date moves to
///   `earlyCallOffsetDays` (one is added if the policy has none) with a courteous tone — and
///   emails, letters and calls after the due date are at most neutral: a good payer who is
///   suddenly late gets a conversation, not a threat. Formal notices and legal steps keep
///   their tone.
/// - **Chronic late payer**: every step one tone firmer (courteous → neutral → firm).
/// - **Short of cash** (the debtor said so, recent invoices paid in parts, or this invoice
///   part paid): a payment plan of monthly installments is proposed when the amount allows.
public struct Personaliser: Sendable {
    public var rules: PersonalisationRules

    public init(rules: PersonalisationRules = PersonalisationRules()) {
        self.rules = rules
    }

    /// The ladder to use for `invoice`, fitted to the debtor's `profile` and `signals`.
    public func personalise(
        policy: DunningPolicy,
        profile: BehaviourProfile,
        invoice: Invoice,
        signals: DebtorSignals = DebtorSignals(),
        today: CalendarDate
    ) -> PersonalisedLadder {
        let assessment = assess(profile)
        var steps = policy.steps
        var adjustments: [ChannelAdjustment] = []
        var earlyCallOffset: Int? = nil

        if assessment.segment == .reliable || assessment.segment == .deteriorating {
            let (moved, adjustment, callOffset) = bringCallForward(steps, because: assessment)
            steps = moved
            earlyCallOffset = callOffset
            if let adjustment { adjustments.append(adjustment) }
        }

        var toneDecisions: [ToneDecision] = []
        for index in steps.indices {
            let step = steps[index]
            let policyTone = policy.steps.first { $0 == step }?.tone ?? step.tone
            let (tone, reason) = chooseTone(for: step, policyTone: policyTone, isEarlyCall: step.channel == .call && step.offsetDays == earlyCallOffset, assessment: assessment)
            steps[index].tone = tone
            toneDecisions.append(ToneDecision(stepIndex: index, templateKey: step.templateKey, policyTone: policyTone, tone: tone, reason: reason))
        }

        let (offer, planDecision) = paymentPlan(for: invoice, profile: profile, signals: signals, today: today)
        return PersonalisedLadder(
            // Moving the call to a free day keeps the offsets strictly increasing and leaves the
            // registered and legal steps as they were, so the policy's rules still hold.
            policy: DunningPolicy(unchecked: policy.id, name: policy.name, version: policy.version, steps: steps),
            profile: profile,
            assessment: assessment,
            toneDecisions: toneDecisions,
            channelAdjustments: adjustments,
            paymentPlanOffer: offer,
            paymentPlanDecision: planDecision
        )
    }

    /// The debtor's segment, with the figures that put it there.
    public func assess(_ profile: BehaviourProfile) -> PayerAssessment {
        let paid = profile.invoicesPaid
        guard paid >= rules.minimumHistory else {
            return PayerAssessment(
                segment: .new,
                reason: "new debtor: \(paid) settled invoice\(paid == 1 ? "" : "s"), fewer than the \(rules.minimumHistory) needed to judge; neutral defaults (the policy as written)"
            )
        }
        let summary = "\(profile.invoicesPaidOnTime) of \(paid) invoices paid on time, \(Self.days(profile.meanDaysLate)) days late on average"

        let earlier = Array(profile.earlierDaysLate)
        let recent = Array(profile.recentDaysLate)
        if earlier.count >= 2, isReliable(earlier, tolerance: profile.onTimeToleranceDays),
           recent.reduce(0, +) * earlier.count - earlier.reduce(0, +) * recent.count
               >= rules.deteriorationDays * recent.count * earlier.count {
            let earlierOnTime = earlier.filter { $0 <= profile.onTimeToleranceDays }.count
            return PayerAssessment(
                segment: .deteriorating,
                reason: "deteriorating payer: \(earlierOnTime) of \(earlier.count) earlier invoices paid on time (\(Self.days(profile.earlierMeanDaysLate)) days late on average), but the last \(recent.count) \(Self.days(profile.recentMeanDaysLate)) days late on average"
            )
        }
        if isReliable(profile.daysLate, tolerance: profile.onTimeToleranceDays) {
            return PayerAssessment(segment: .reliable, reason: "reliable payer: \(summary)")
        }
        if profile.invoicesPaidOnTime * 100 < rules.chronicOnTimePercentBelow * paid
            || profile.totalDaysLate >= rules.chronicMinimumMeanDaysLate * paid {
            return PayerAssessment(segment: .chronicLate, reason: "chronic late payer: \(summary)")
        }
        return PayerAssessment(segment: .ordinary, reason: "ordinary payer: \(summary); the policy as written")
    }

    private func isReliable(_ daysLate: [Int], tolerance: Int) -> Bool {
        let onTime = daysLate.filter { $0 <= tolerance }.count
        return onTime * 100 >= rules.reliableOnTimePercent * daysLate.count
            && daysLate.reduce(0, +) <= rules.reliableMaximumMeanDaysLate * daysLate.count
    }

    /// Moves the first call after the due date to the early-call day (or the first free day
    /// after it), or adds one. Returns the new steps, what changed, and the early call's offset.
    private func bringCallForward(_ steps: [DunningStep], because assessment: PayerAssessment) -> ([DunningStep], ChannelAdjustment?, Int?) {
        let target = max(1, rules.earlyCallOffsetDays)
        var steps = steps
        let why = "\(assessment.reason): if this invoice goes unpaid it is more likely an oversight or a passing difficulty, so a person calls early instead of an automated warning"
        if let callIndex = steps.firstIndex(where: { $0.channel == .call && $0.offsetDays > 0 }) {
            let original = steps[callIndex].offsetDays
            guard original > target else { return (steps, nil, original) }
            var call = steps.remove(at: callIndex)
            let day = Self.freeDay(from: target, in: steps)
            guard day < original else {
                steps.insert(call, at: callIndex)
                return (steps, nil, original)
            }
            call.offsetDays = day
            steps.append(call)
            steps.sort { $0.offsetDays < $1.offsetDays }
            return (steps, ChannelAdjustment(change: .callMoved(fromOffsetDays: original, toOffsetDays: day), reason: "call moved from day \(original) to day \(day) after the due date — \(why)"), day)
        }
        let day = Self.freeDay(from: target, in: steps)
        guard DunningPolicy.offsetRange.contains(day), steps.count < DunningPolicy.maximumSteps else { return (steps, nil, nil) }
        steps.append(DunningStep(offsetDays: day, channel: .call, templateKey: StandardStepKey.firstCall, tone: .courteous))
        steps.sort { $0.offsetDays < $1.offsetDays }
        return (steps, ChannelAdjustment(change: .callInserted(offsetDays: day), reason: "call added on day \(day) after the due date — \(why)"), day)
    }

    private static func freeDay(from day: Int, in steps: [DunningStep]) -> Int {
        let taken = Set(steps.map(\.offsetDays))
        var day = day
        while taken.contains(day) { day += 1 }
        return day
    }

    private func chooseTone(for step: DunningStep, policyTone: Tone, isEarlyCall: Bool, assessment: PayerAssessment) -> (Tone, String) {
        switch assessment.segment {
        case .new, .ordinary:
            return (policyTone, "policy tone kept — \(assessment.reason)")
        case .reliable, .deteriorating:
            if isEarlyCall {
                return (.courteous, "courteous early call — \(assessment.reason)")
            }
            let formal = step.channel == .registeredLetter || step.channel == .legal
            guard step.offsetDays > 0, !formal, policyTone > .neutral else {
                return (policyTone, formal ? "policy tone kept: a formal notice or legal step keeps its register" : "policy tone kept — \(assessment.reason)")
            }
            return (.neutral, "softened from \(policyTone.rawValue) to neutral — \(assessment.reason): a conversation, not a threat")
        case .chronicLate:
            let firmer: Tone = policyTone == .courteous ? .neutral : .firm
            guard firmer != policyTone else { return (policyTone, "policy tone kept: already firm") }
            return (firmer, "raised from \(policyTone.rawValue) to \(firmer.rawValue) — \(assessment.reason): firmer wording sooner")
        }
    }

    private func paymentPlan(for invoice: Invoice, profile: BehaviourProfile, signals: DebtorSignals, today: CalendarDate) -> (PaymentPlanProposal?, String?) {
        var evidence: [String] = []
        if signals.statedCashFlowDifficulty { evidence.append("the debtor said it is short of cash") }
        if profile.recentPaidInParts >= rules.partPaymentsSignal {
            evidence.append("\(profile.recentPaidInParts) of its last \(min(profile.recentWindow, profile.invoicesPaid)) invoices were paid in parts")
        }
        if invoice.outstanding.isPositive, invoice.outstanding != invoice.amount {
            evidence.append("\(invoice.paid) of this invoice's \(invoice.amount) has been paid so far")
        }
        guard !evidence.isEmpty else { return (nil, nil) }
        let because = "short of cash (\(evidence.joined(separator: "; ")))"

        switch invoice.state {
        case .open, .partiallyPaid, .promiseToPay, .paused: break
        case .paymentPlan: return (nil, "\(because), but a payment plan is already running")
        case .disputed, .paid, .writtenOff: return (nil, "\(because), but the invoice is \(invoice.state.status.rawValue)")
        }

        let outstanding = invoice.outstanding
        let (minimum, overflow) = rules.minimumInstallmentMajorUnits.multipliedReportingOverflow(by: outstanding.currency.minorUnitsPerMajor)
        let minimumInstallment = Money(minorUnits: overflow ? .max : max(1, minimum), currency: outstanding.currency)
        var count = max(2, rules.preferredInstallments)
        while count > 2, Int128(outstanding.minorUnits) < Int128(count) * Int128(minimumInstallment.minorUnits) { count -= 1 }
        guard Int128(outstanding.minorUnits) >= 2 * Int128(minimumInstallment.minorUnits) else {
            return (nil, "\(because), but \(outstanding) is too small to split into installments of at least \(minimumInstallment)")
        }
        let first = today.adding(days: rules.firstInstallmentAfterDays)
        guard let installments = try? InstallmentSchedule.monthly(total: outstanding, count: count, firstDueDate: first) else {
            return (nil, "\(because), but \(outstanding) cannot be split")
        }
        let listed = installments.map { "\($0.amount) on \($0.dueDate)" }.joined(separator: ", ")
        let reason = "\(because): propose \(count) monthly installments — \(listed)"
        return (PaymentPlanProposal(installments: installments, graceDays: rules.installmentGraceDays, reason: reason), reason)
    }

    /// Days with one decimal, e.g. `2.5`.
    static func days(_ value: Double?) -> String {
        guard let value else { return "0.0" }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }
}
