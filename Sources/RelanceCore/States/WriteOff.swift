/// The creditor gave up the remaining debt (recorded as a loss).
public struct WriteOff: Sendable, Hashable, Codable {
    public let on: CalendarDate
    public let reason: String

    public init(on: CalendarDate, reason: String) {
        self.on = on
        self.reason = reason
    }
}
