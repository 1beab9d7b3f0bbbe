import Foundation

/// Applies the contact rules to a proposed contact: contact windows on the debtor's wall clock,
/// weekends and public holidays, and the rolling contact budget. It either allows the moment or
/// defers it to the first moment that satisfies every rule, saying why.
public struct ContactScheduler: Sendable {
    public let rules: ComplianceRules

    /// How far ahead the search goes before giving up (a misconfigured rule set could otherwise
    /// loop forever).
    private static let horizonDays = 400

    public init(rules: ComplianceRules) {
        self.rules = rules
    }

    /// Decides when a contact proposed at `proposed` may happen.
    ///
    /// - Parameters:
    ///   - proposed: the moment the planner would like to contact the debtor.
    ///   - channel: the channel of the contact.
    ///   - recipient: the debtor's time zone, kind and holiday region.
    ///   - pastContacts: contacts already made (any channel); those after the moment tested are ignored.
    public func decide(
        proposed: Date,
        channel: Channel,
        recipient: ContactRecipient,
        pastContacts: [ContactAttempt]
    ) throws(ComplianceError) -> ContactDecision {
        let window = rules.window(for: channel, debtorKind: recipient.debtorKind)
        let holidays = try rules.holidayCalendar(region: recipient.holidayRegion)
        let clock = ZoneClock.of(recipient.timeZone)
        let calendar = clock.calendar

        var reasons: [ContactDeferralReason] = []
        var budgetHits: [(limit: Int, channel: Channel?)] = []
        // Budget reasons name the final slot, known only at the end; they go where first met.
        var budgetReasonIndex: Int?
        var candidate = proposed
        // Needed only once the search moves on: `proposed` is always before it.
        var horizon: Date?

        while candidate <= horizon ?? proposed {
            // After a budget deferral the budget reason explains the move; only weekends and
            // holidays skipped on the way are added.
            guard let slot = firstOpenMoment(
                from: candidate, window: window, channel: channel, holidays: holidays,
                clock: clock, notesOutsideWindow: candidate == proposed, reasons: &reasons
            ) else { break }
            if let freed = budgetFreeMoment(at: slot, channel: channel, pastContacts: pastContacts, calendar: calendar, hits: &budgetHits) {
                budgetReasonIndex = budgetReasonIndex ?? reasons.count
                horizon = horizon ?? calendar.date(byAdding: .day, value: Self.horizonDays, to: proposed)!
                candidate = freed
                continue
            }
            let moment = ZonedMoment(date: slot, timeZone: recipient.timeZone)
            if slot == proposed { return .allowed(moment) }
            let budgetReasons = budgetHits.map { hit in
                ContactDeferralReason.contactBudgetReached(
                    limit: hit.limit, rollingDays: rules.budget.rollingDays, channel: hit.channel, nextSlot: moment
                )
            }
            reasons.insert(contentsOf: budgetReasons, at: budgetReasonIndex ?? reasons.count)
            return .deferred(to: moment, reasons: reasons)
        }
        throw ComplianceError(
            .noAllowedMoment,
            "no allowed \(channel.rawValue) moment within \(Self.horizonDays) days of \(ZonedMoment(date: proposed, timeZone: recipient.timeZone))"
        )
    }

    /// True when `moment` is inside the channel's window (ignoring the budget).
    public func isInsideWindow(_ moment: Date, channel: Channel, recipient: ContactRecipient) throws(ComplianceError) -> Bool {
        let window = rules.window(for: channel, debtorKind: recipient.debtorKind)
        let holidays = try rules.holidayCalendar(region: recipient.holidayRegion)
        var reasons: [ContactDeferralReason] = []
        return firstOpenMoment(
            from: moment, window: window, channel: channel, holidays: holidays,
            clock: ZoneClock.of(recipient.timeZone), notesOutsideWindow: false, reasons: &reasons
        ) == moment
    }

    /// The contacts that count against the global budget within the rolling window ending at
    /// `moment` (inclusive), oldest first.
    public func contactsInRollingWindow(endingAt moment: Date, recipient: ContactRecipient, pastContacts: [ContactAttempt]) -> [ContactAttempt] {
        let calendar = ZoneClock.of(recipient.timeZone).calendar
        var windowStart: Date?
        return counted(pastContacts, at: moment, calendar: calendar, windowStart: &windowStart) { rules.budget.countedChannels.contains($0) }
    }

    // MARK: - Window search

    /// The first moment at or after `start` that the window allows, appending the reasons for
    /// every closed stretch it skips.
    private func firstOpenMoment(
        from start: Date,
        window: ContactWindow,
        channel: Channel,
        holidays: HolidayCalendar,
        clock: ZoneClock,
        notesOutsideWindow: Bool,
        reasons: inout [ContactDeferralReason]
    ) -> Date? {
        func note(_ reason: ContactDeferralReason) {
            if !reasons.contains(reason) { reasons.append(reason) }
        }
        var day = clock.localDate(of: start)
        for offset in 0...Self.horizonDays {
            defer { day = day.adding(days: 1) }
            let weekday = ContactWeekday(day)
            guard window.days.contains(weekday) else {
                note(weekday.isWeekend ? .weekend : .closedDay(channel: channel, weekday: weekday))
                continue
            }
            if window.excludesPublicHolidays, let holiday = holidays.holiday(on: day) {
                note(.publicHoliday(holiday))
                continue
            }
            for range in window.hours {
                let opens = Self.moment(day, range.start, clock: clock)
                let closes = Self.moment(day, range.end, clock: clock)
                let earliest = offset == 0 ? max(start, opens) : opens
                if earliest < closes {
                    if earliest > start, offset == 0, notesOutsideWindow {
                        note(.outsideWindow(channel: channel, hours: window.hoursDescription, timeZoneIdentifier: clock.calendar.timeZone.identifier))
                    }
                    return earliest
                }
            }
            if offset == 0, notesOutsideWindow {
                // Past the last range of the first day.
                note(.outsideWindow(channel: channel, hours: window.hoursDescription, timeZoneIdentifier: clock.calendar.timeZone.identifier))
            }
        }
        return nil
    }

    // MARK: - Budget

    /// When a contact at `moment` would exceed the budget, the earliest moment at which enough
    /// past contacts have left the rolling window; nil when the budget allows `moment`.
    private func budgetFreeMoment(
        at moment: Date,
        channel: Channel,
        pastContacts: [ContactAttempt],
        calendar: Calendar,
        hits: inout [(limit: Int, channel: Channel?)]
    ) -> Date? {
        let budget = rules.budget
        var freeAt: Date?
        // The window's start, asked of the calendar once for both checks, and only if needed.
        var windowStart: Date?
        func check(limit: Int, subject: Channel?, counts: (Channel) -> Bool) {
            let inWindow = counted(pastContacts, at: moment, calendar: calendar, windowStart: &windowStart, counts: counts)
            guard inWindow.count >= limit else { return }
            // The contact that must leave the window for one slot to open.
            let leaving = inWindow[inWindow.count - limit]
            let freed = calendar.date(byAdding: .day, value: budget.rollingDays, to: leaving.at)!
            freeAt = max(freeAt ?? freed, freed)
            if !hits.contains(where: { $0.limit == limit && $0.channel == subject }) { hits.append((limit, subject)) }
        }
        if budget.countedChannels.contains(channel) {
            check(limit: budget.maxContacts, subject: nil) { budget.countedChannels.contains($0) }
        }
        if let cap = budget.maxPerChannel[channel] {
            check(limit: cap, subject: channel) { $0 == channel }
        }
        return freeAt
    }

    /// Contacts on channels selected by `counts` in the rolling window `(moment − N days, moment]`.
    /// `windowStart` is the window's start if already known, else computed here and kept.
    private func counted(
        _ contacts: [ContactAttempt], at moment: Date, calendar: Calendar, windowStart: inout Date?, counts: (Channel) -> Bool
    ) -> [ContactAttempt] {
        let candidates = contacts.filter { counts($0.channel) && $0.at <= moment }
        // The calendar is asked only when some contact may count (most debtors have none).
        guard !candidates.isEmpty else { return [] }
        // Days are the debtor's calendar days: across a DST change a week is 167 or 169 hours.
        let start = windowStart ?? calendar.date(byAdding: .day, value: -rules.budget.rollingDays, to: moment)!
        windowStart = start
        return candidates
            .filter { $0.at > start }
            .sorted { $0.at < $1.at }
    }

    // MARK: - Calendar helpers

    /// The instant a local wall-clock time occurs on `day`. `24:00` is the next midnight; a time
    /// skipped by a spring-forward change resolves to the same distance after the change.
    static func moment(_ day: CalendarDate, _ time: WallClockTime, clock: ZoneClock) -> Date {
        if time.minutesSinceMidnight == 1440 {
            return clock.moment(day.adding(days: 1), hour: 0, minute: 0)
        }
        return clock.moment(day, hour: time.hour, minute: time.minute)
    }
}
