/// The debtor contests the invoice (wrong amount, goods not delivered, …).
public struct Dispute: Sendable, Hashable, Codable {
    public let openedOn: CalendarDate
    public let reason: String

    public init(openedOn: CalendarDate, reason: String) {
        self.openedOn = openedOn
        self.reason = reason
    }
}
