/// A payment plan to offer a debtor short of cash: the installments, and why it is offered.
public struct PaymentPlanProposal: Sendable, Hashable {
    /// Monthly installments adding up exactly to the outstanding amount.
    public let installments: [Installment]
    public let graceDays: Int
    public let reason: String

    public init(installments: [Installment], graceDays: Int, reason: String) {
        self.installments = installments
        self.graceDays = graceDays
        self.reason = reason
    }

    /// The plan to record when the debtor accepts (see `Invoice.agreeingPaymentPlan`).
    public func plan(agreedOn date: CalendarDate) throws(InvoiceStateError) -> PaymentPlan {
        try PaymentPlan(agreedOn: date, installments: installments, graceDays: graceDays)
    }
}
