/// The invoice of a row, its figures checked against each other.
public struct ImportInvoice: Sendable, Hashable {
    /// The creditor's invoice number, as printed (at most 100 characters).
    public var number: String
    public var issueDate: CalendarDate
    /// On or after `issueDate`.
    public var dueDate: CalendarDate
    /// Positive.
    public var amount: Money
    /// Between zero and `amount`, in its currency; nil when the row leaves it to default to the amount.
    public var outstanding: Money?
    /// The late-payment rate the contract stipulates, in basis points (0...100 000).
    public var contractRateBasisPoints: Int?
    public var jurisdiction: Jurisdiction?
    /// The name of a dunning policy, looked up by the store.
    public var policyName: String?

    public init(
        number: String,
        issueDate: CalendarDate,
        dueDate: CalendarDate,
        amount: Money,
        outstanding: Money? = nil,
        contractRateBasisPoints: Int? = nil,
        jurisdiction: Jurisdiction? = nil,
        policyName: String? = nil
    ) {
        self.number = number
        self.issueDate = issueDate
        self.dueDate = dueDate
        self.amount = amount
        self.outstanding = outstanding
        self.contractRateBasisPoints = contractRateBasisPoints
        self.jurisdiction = jurisdiction
        self.policyName = policyName
    }
}
