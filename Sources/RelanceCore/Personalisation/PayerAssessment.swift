/// A debtor's segment and the sentence that explains it, with the figures behind it.
public struct PayerAssessment: Sendable, Hashable {
    public let segment: PayerSegment
    public let reason: String

    public init(segment: PayerSegment, reason: String) {
        self.segment = segment
        self.reason = reason
    }
}
