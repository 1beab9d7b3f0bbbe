/// One invoice a message is about. Days late are computed from the message's date.
public struct MessageInvoice: Sendable, Hashable, Codable {
    public var number: String
    public var issueDate: CalendarDate
    public var dueDate: CalendarDate
    public var amount: Money
    /// What remains to be paid on it.
    public var outstanding: Money

    public init(number: String, issueDate: CalendarDate, dueDate: CalendarDate, amount: Money, outstanding: Money) {
        self.number = number
        self.issueDate = issueDate
        self.dueDate = dueDate
        self.amount = amount
        self.outstanding = outstanding
    }
}
