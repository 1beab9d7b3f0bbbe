/// The tone chosen for one step of a personalised ladder, and why.
public struct ToneDecision: Sendable, Hashable {
    /// Index of the step in the personalised ladder.
    public let stepIndex: Int
    public let templateKey: String
    /// The tone the policy gives the step.
    public let policyTone: Tone
    /// The tone the message will use.
    public let tone: Tone
    public let reason: String

    public init(stepIndex: Int, templateKey: String, policyTone: Tone, tone: Tone, reason: String) {
        self.stepIndex = stepIndex
        self.templateKey = templateKey
        self.policyTone = policyTone
        self.tone = tone
        self.reason = reason
    }
}
