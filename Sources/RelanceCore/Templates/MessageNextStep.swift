/// The step that follows if the debtor does not pay: what a letter announces.
public struct MessageNextStep: Sendable, Hashable, Codable {
    public var channel: Channel
    public var date: CalendarDate

    public init(channel: Channel, date: CalendarDate) {
        self.channel = channel
        self.date = date
    }
}
