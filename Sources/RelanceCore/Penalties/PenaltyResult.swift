/// The penalty owed on one invoice, with every step shown: the periods and their rates, the
/// interest rounded once, the fixed indemnity, notes on the choices the law forced, and the
/// sources of the rates used.
public struct PenaltyResult: Sendable, Hashable {
    public let jurisdiction: Jurisdiction
    public let principal: Money
    public let dueDate: CalendarDate
    public let settlement: PenaltyRequest.Settlement
    /// Calendar days from the due date to full payment (or to the as-of date while unpaid);
    /// 0 when paid on or before the due date.
    public let daysLate: Int
    /// The days that bear interest, split where the rate or the base changes.
    public let periods: [PenaltyPeriod]
    /// Σ base × rate × days / 365 over the periods, rounded once, half-up, to the minor unit.
    public let interest: Money
    /// The fixed recovery sum (40 € in France/EU/Germany B2B; £40/£70/£100 in the UK), or zero.
    public let fixedIndemnity: Money
    /// `interest + fixedIndemnity`.
    public let totalPenalty: Money
    /// Principal not yet paid at the end of the computation (zero once paid in full).
    public let outstandingPrincipal: Money
    /// What the debtor owes now: `outstandingPrincipal + totalPenalty`.
    public let totalDue: Money
    /// Plain-language remarks: a contract rate raised to its floor, no notice so no interest, …
    public let notes: [String]
    /// Every table row a rate was taken from.
    public let sources: [CitedRate]

    public init(
        jurisdiction: Jurisdiction,
        principal: Money,
        dueDate: CalendarDate,
        settlement: PenaltyRequest.Settlement,
        daysLate: Int,
        periods: [PenaltyPeriod],
        interest: Money,
        fixedIndemnity: Money,
        totalPenalty: Money,
        outstandingPrincipal: Money,
        totalDue: Money,
        notes: [String],
        sources: [CitedRate]
    ) {
        self.jurisdiction = jurisdiction
        self.principal = principal
        self.dueDate = dueDate
        self.settlement = settlement
        self.daysLate = daysLate
        self.periods = periods
        self.interest = interest
        self.fixedIndemnity = fixedIndemnity
        self.totalPenalty = totalPenalty
        self.outstandingPrincipal = outstandingPrincipal
        self.totalDue = totalDue
        self.notes = notes
        self.sources = sources
    }

    /// The texts the computation follows.
    public var legalBasis: String { jurisdiction.legalBasis }
}

/// The JSON shape used by `relance penalty --json` and the API: snake_case keys, amounts as
/// decimal strings (`"56.44"`), rates as percent strings (`"12.15"`), dates as `YYYY-MM-DD`.
extension PenaltyResult: Encodable {
    private enum CodingKeys: String, CodingKey {
        case jurisdiction, currency, principal
        case dueDate = "due_date", paidOn = "paid_on", asOf = "as_of"
        case daysLate = "days_late", periods, interest
        case fixedIndemnity = "fixed_indemnity", totalPenalty = "total_penalty"
        case outstandingPrincipal = "outstanding_principal", totalDue = "total_due"
        case notes, sources, legalBasis = "legal_basis"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(jurisdiction, forKey: .jurisdiction)
        try container.encode(principal.currency, forKey: .currency)
        try container.encode(principal.decimalString, forKey: .principal)
        try container.encode(dueDate, forKey: .dueDate)
        switch settlement {
        case .paidInFull(let date): try container.encode(date, forKey: .paidOn)
        case .unpaid(let date): try container.encode(date, forKey: .asOf)
        }
        try container.encode(daysLate, forKey: .daysLate)
        try container.encode(periods, forKey: .periods)
        try container.encode(interest.decimalString, forKey: .interest)
        try container.encode(fixedIndemnity.decimalString, forKey: .fixedIndemnity)
        try container.encode(totalPenalty.decimalString, forKey: .totalPenalty)
        try container.encode(outstandingPrincipal.decimalString, forKey: .outstandingPrincipal)
        try container.encode(totalDue.decimalString, forKey: .totalDue)
        try container.encode(notes, forKey: .notes)
        try container.encode(sources, forKey: .sources)
        try container.encode(legalBasis, forKey: .legalBasis)
    }
}
