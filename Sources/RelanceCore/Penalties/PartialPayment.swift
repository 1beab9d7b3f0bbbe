/// Money received towards an invoice before it was settled in full.
///
/// Convention (the same one that makes a full payment on day P count day P as late): an amount
/// received on day P still bears interest for day P, and the interest base drops from day P+1.
public struct PartialPayment: Sendable, Hashable, Codable {
    public let date: CalendarDate
    public let amount: Money

    public init(date: CalendarDate, amount: Money) {
        self.date = date
        self.amount = amount
    }
}
