/// A policy fitted to one debtor, with every decision and its reason.
///
/// Plan the invoice with `policy` (its steps carry the chosen tones and channels) and store
/// that ladder with the schedule: step indices in the history refer to it, and the debtor's
/// profile — hence the fitting — changes as other invoices are paid.
public struct PersonalisedLadder: Sendable, Hashable {
    /// The fitted ladder (same id, name and version as the policy it came from).
    public let policy: DunningPolicy
    public let profile: BehaviourProfile
    public let assessment: PayerAssessment
    /// One per step of `policy`, in order.
    public let toneDecisions: [ToneDecision]
    public let channelAdjustments: [ChannelAdjustment]
    /// A plan to propose, when the debtor seems short of cash and the amount can be split.
    public let paymentPlanOffer: PaymentPlanProposal?
    /// Why a plan is or is not offered; nil when nothing suggests short cash.
    public let paymentPlanDecision: String?

    public init(
        policy: DunningPolicy,
        profile: BehaviourProfile,
        assessment: PayerAssessment,
        toneDecisions: [ToneDecision],
        channelAdjustments: [ChannelAdjustment],
        paymentPlanOffer: PaymentPlanProposal?,
        paymentPlanDecision: String?
    ) {
        self.policy = policy
        self.profile = profile
        self.assessment = assessment
        self.toneDecisions = toneDecisions
        self.channelAdjustments = channelAdjustments
        self.paymentPlanOffer = paymentPlanOffer
        self.paymentPlanDecision = paymentPlanDecision
    }

    /// The decisions in words, for the operator's screen and the audit trail: the assessment,
    /// channel changes, tone changes, and the payment-plan decision.
    public var explanation: [String] {
        var lines = [assessment.reason]
        lines += channelAdjustments.map(\.reason)
        lines += toneDecisions.filter { $0.tone != $0.policyTone }.map { "step \($0.stepIndex + 1) (\($0.templateKey)): \($0.reason)" }
        if let paymentPlanDecision { lines.append(paymentPlanDecision) }
        return lines
    }
}
