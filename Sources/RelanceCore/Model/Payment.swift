/// Money received against one invoice.
public struct Payment: Sendable, Hashable, Codable, Identifiable {
    public var id: PaymentID
    public var invoiceId: InvoiceID
    /// The value date: when the money reached the creditor.
    public var date: CalendarDate
    public var amount: Money

    public init(id: PaymentID = PaymentID(), invoiceId: InvoiceID, date: CalendarDate, amount: Money) {
        self.id = id
        self.invoiceId = invoiceId
        self.date = date
        self.amount = amount
    }
}
