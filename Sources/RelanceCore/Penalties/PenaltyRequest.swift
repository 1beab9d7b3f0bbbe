/// One invoice to compute a late-payment penalty for.
public struct PenaltyRequest: Sendable, Hashable {
    /// Where the invoice stands at the end of the computation.
    public enum Settlement: Sendable, Hashable {
        /// The balance was paid in full on this day; the day itself counts as late.
        case paidInFull(on: CalendarDate)
        /// Still unpaid; interest is computed up to and including this day.
        case unpaid(asOf: CalendarDate)

        /// The last day the computation looks at.
        public var date: CalendarDate {
            switch self {
            case .paidInFull(let date), .unpaid(let date): date
            }
        }
    }

    public var jurisdiction: Jurisdiction
    /// The amount due on the invoice (VAT included unless the terms say otherwise).
    public var principal: Money
    /// The payment date the invoice states; interest runs from the day after it.
    public var dueDate: CalendarDate
    public var settlement: Settlement
    /// Amounts received before settlement; each reduces the base from the day after it arrived.
    public var payments: [PartialPayment]
    /// A rate agreed in the contract (`fr-b2b` only); raised to 3 × the legal rate when lower.
    public var contractRate: Rate?
    /// The date of the formal notice (mise en demeure); `fr-b2c` interest runs only from it.
    public var noticeDate: CalendarDate?
    /// Selects the French legal-rate column for `fr-b2c`.
    public var creditor: CreditorKind

    public init(
        jurisdiction: Jurisdiction = .frB2B,
        principal: Money,
        dueDate: CalendarDate,
        settlement: Settlement,
        payments: [PartialPayment] = [],
        contractRate: Rate? = nil,
        noticeDate: CalendarDate? = nil,
        creditor: CreditorKind = .business
    ) {
        self.jurisdiction = jurisdiction
        self.principal = principal
        self.dueDate = dueDate
        self.settlement = settlement
        self.payments = payments
        self.contractRate = contractRate
        self.noticeDate = noticeDate
        self.creditor = creditor
    }
}
