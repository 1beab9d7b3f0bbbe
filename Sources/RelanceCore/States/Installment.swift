/// One payment of a payment plan: an amount due on a date.
public struct Installment: Sendable, Hashable, Codable {
    /// 1-based position in the plan.
    public let number: Int
    public let dueDate: CalendarDate
    public let amount: Money

    public init(number: Int, dueDate: CalendarDate, amount: Money) {
        self.number = number
        self.dueDate = dueDate
        self.amount = amount
    }
}
