/// Why a proposed contact cannot happen at the proposed moment.
public enum ContactDeferralReason: Sendable, Hashable, CustomStringConvertible {
    /// The moment falls outside the channel's hours on the debtor's wall clock.
    case outsideWindow(channel: Channel, hours: String, timeZoneIdentifier: String)
    /// Saturday or Sunday, and the channel is closed at weekends.
    case weekend
    /// A weekday on which the channel is closed.
    case closedDay(channel: Channel, weekday: ContactWeekday)
    /// A public holiday the debtor keeps, and the channel is closed on holidays.
    case publicHoliday(PublicHoliday)
    /// The contact budget (all counted channels, `channel == nil`) or one channel's cap is used
    /// up for the rolling window; `nextSlot` is the first allowed moment found.
    case contactBudgetReached(limit: Int, rollingDays: Int, channel: Channel?, nextSlot: ZonedMoment)

    public var description: String {
        switch self {
        case .outsideWindow(let channel, let hours, let zone):
            return "outside \(channel.windowNoun) window \(hours) \(zone)"
        case .weekend:
            return "weekend"
        case .closedDay(let channel, let weekday):
            return "no \(channel.windowNoun) on \(weekday.englishName)"
        case .publicHoliday(let holiday):
            return "public holiday: \(holiday.holiday.name(in: .en)) (\(holiday.date.iso))"
        case .contactBudgetReached(let limit, let days, let channel, let next):
            let subject = channel.map { "\($0.windowNoun) budget" } ?? "contact budget"
            return "\(subject) \(limit) per \(days) days reached; next slot \(next.iso8601)"
        }
    }
}

extension Channel {
    /// The noun used in reasons: "call window", "registered letter window".
    fileprivate var windowNoun: String {
        switch self {
        case .email: "email"
        case .call: "call"
        case .letter: "letter"
        case .registeredLetter: "registered letter"
        case .legal: "legal filing"
        }
    }
}
