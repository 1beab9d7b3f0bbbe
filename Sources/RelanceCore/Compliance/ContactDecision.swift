/// The answer to "may we contact this debtor on this channel at this moment?".
public enum ContactDecision: Sendable, Hashable, CustomStringConvertible {
    /// Yes, at the proposed moment.
    case allowed(ZonedMoment)
    /// Not then; the first allowed moment is `to`, for the reasons given (in the order met).
    case deferred(to: ZonedMoment, reasons: [ContactDeferralReason])

    /// The moment the contact may happen.
    public var moment: ZonedMoment {
        switch self {
        case .allowed(let moment), .deferred(to: let moment, reasons: _): moment
        }
    }

    public var isAllowed: Bool {
        if case .allowed = self { return true }
        return false
    }

    public var reasons: [ContactDeferralReason] {
        if case .deferred(_, let reasons) = self { return reasons }
        return []
    }

    public var description: String {
        switch self {
        case .allowed(let moment): "allowed at \(moment.iso8601)"
        case .deferred(let moment, let reasons):
            "deferred to \(moment.iso8601): " + reasons.map(\.description).joined(separator: "; ")
        }
    }
}
