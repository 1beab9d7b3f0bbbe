/// An action already taken to collect the debt, as a letter recalls it.
public struct MessageAction: Sendable, Hashable, Codable {
    public var date: CalendarDate
    public var channel: Channel
    /// What was done, in the message's language (`Relance par courriel`).
    public var summary: String

    public init(date: CalendarDate, channel: Channel, summary: String) {
        self.date = date
        self.channel = channel
        self.summary = summary
    }
}
