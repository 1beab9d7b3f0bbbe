/// One rung of a dunning ladder: on which day, through which channel, with which message.
///
/// JSON form (what tenants edit):
/// `{"offsetDays": 15, "channel": "call", "templateKey": "call.first", "tone": "neutral",
///   "conditions": {"minimumOutstanding": {"minorUnits": 15000, "currency": "EUR"},
///                  "debtorKinds": ["business"]}}` — `tone` defaults to `neutral`,
/// `conditions` to none.
public struct DunningStep: Sendable, Hashable, Codable {
    /// Days from the invoice's due date; negative is before it (a courtesy reminder).
    public var offsetDays: Int
    public var channel: Channel
    /// Names the message to send; the templates are looked up by this key and the debtor's
    /// language. See `StandardStepKey` for the keys of the default ladder.
    public var templateKey: String
    /// The register the message is written in. Personalisation may change it per debtor.
    public var tone: Tone
    public var conditions: StepConditions

    public init(offsetDays: Int, channel: Channel, templateKey: String, tone: Tone = .neutral, conditions: StepConditions = .always) {
        self.offsetDays = offsetDays
        self.channel = channel
        self.templateKey = templateKey
        self.tone = tone
        self.conditions = conditions
    }

    private enum CodingKeys: String, CodingKey { case offsetDays, channel, templateKey, tone, conditions }

    /// Decodes a step; an unknown channel, tone or debtor kind throws `DunningPolicyError`
    /// naming the step.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let index = StepConditions.stepIndex(in: decoder.codingPath)
        offsetDays = try c.decode(Int.self, forKey: .offsetDays)
        let channelName = try c.decode(String.self, forKey: .channel)
        guard let channel = Channel(rawValue: channelName) else {
            throw DunningPolicyError(
                .unknownChannel, step: index,
                "unknown channel '\(channelName)'; expected one of \(Channel.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        self.channel = channel
        templateKey = try c.decode(String.self, forKey: .templateKey)
        if let toneName = try c.decodeIfPresent(String.self, forKey: .tone) {
            guard let tone = Tone(rawValue: toneName) else {
                throw DunningPolicyError(
                    .unknownTone, step: index,
                    "unknown tone '\(toneName)'; expected one of \(Tone.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            self.tone = tone
        } else {
            tone = .neutral
        }
        conditions = try c.decodeIfPresent(StepConditions.self, forKey: .conditions) ?? .always
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(offsetDays, forKey: .offsetDays)
        try c.encode(channel, forKey: .channel)
        try c.encode(templateKey, forKey: .templateKey)
        try c.encode(tone, forKey: .tone)
        if !conditions.isEmpty { try c.encode(conditions, forKey: .conditions) }
    }
}
