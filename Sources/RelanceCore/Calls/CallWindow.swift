import Foundation

/// When an agent may call a debtor: from the first moment the call rules allow (the debtor's
/// call hours on its wall clock, no weekend or public holiday, the contact budget) to the end
/// of that day's call hours.
public struct CallWindow: Sendable, Hashable {
    public let earliest: ZonedMoment
    public let latest: ZonedMoment

    public init(earliest: ZonedMoment, latest: ZonedMoment) {
        self.earliest = earliest
        self.latest = latest
    }

    /// The first window opening at or after `moment` for `recipient`.
    ///
    /// - Parameter pastContacts: the debtor's recent contacts, for the contact budget (empty
    ///   when the dispatcher already spent the budget on this call).
    public static func first(
        from moment: Date,
        recipient: ContactRecipient,
        rules: ComplianceRules,
        pastContacts: [ContactAttempt] = []
    ) throws(ComplianceError) -> CallWindow {
        let decision = try ContactScheduler(rules: rules).decide(
            proposed: moment, channel: .call, recipient: recipient, pastContacts: pastContacts
        )
        let earliest = decision.moment
        let clock = ZoneClock.of(recipient.timeZone)
        let day = clock.localDate(of: earliest.date)
        let window = rules.window(for: .call, debtorKind: recipient.debtorKind)
        // The scheduler only answers moments inside the window, so the day has a range ending
        // after `earliest`: the window runs to the end of that day's last range.
        let closes = window.hours.map { ContactScheduler.moment(day, $0.end, clock: clock) }.max() ?? earliest.date
        let latest = max(closes, earliest.date.addingTimeInterval(60))
        return CallWindow(earliest: earliest, latest: ZonedMoment(date: latest, timeZone: recipient.timeZone))
    }
}
