import Foundation
import RelanceCore
import Testing

/// The scheduler reads wall clocks without asking Foundation's calendar on ordinary days; on
/// and around the days the clocks change it must still give exactly the calendar's answers.
@Suite("Contact windows on the days the clocks change, against Foundation's calendar")
struct ContactSchedulerDSTTests {
    private let scheduler = ContactScheduler(rules: SampleMessages.rules)

    /// Zones with their change days: Paris (last Sundays of March and October), Martinique (no
    /// DST at all), Santiago (midnight skipped and repeated), Lord Howe (half-hour shift).
    static let cases: [(zone: String, days: [String])] = [
        ("Europe/Paris", ["2025-03-30", "2025-10-26", "2026-03-29", "2026-10-25"]),
        ("America/Martinique", ["2025-03-30", "2025-10-26", "2026-03-08", "2026-11-01"]),
        ("America/Santiago", ["2025-04-06", "2025-09-07"]),
        ("Australia/Lord_Howe", ["2025-04-06", "2025-10-05"]),
        ("America/New_York", ["2025-03-09", "2025-11-02"]),
    ]

    /// The email window (08:00–20:00 every day, holidays included) worked out with the
    /// calendar alone: the proposed moment when inside, else the next 08:00.
    private func expectedEmailMoment(_ proposed: Date, calendar: Calendar) -> Date {
        let parts = calendar.dateComponents([.year, .month, .day], from: proposed)
        func at(_ dayOffset: Int, _ hour: Int) -> Date {
            let day = calendar.date(from: DateComponents(year: parts.year, month: parts.month, day: parts.day! + dayOffset))!
            let shifted = calendar.dateComponents([.year, .month, .day], from: day)
            return calendar.date(from: DateComponents(year: shifted.year, month: shifted.month, day: shifted.day, hour: hour, minute: 0))!
        }
        let opens = at(0, 8)
        if proposed < opens { return opens }
        if proposed < at(0, 20) { return proposed }
        return at(1, 8)
    }

    @Test("Every 10 minutes from three days before to three days after each change", arguments: cases)
    func emailWindowAroundChanges(_ zoneName: String, _ days: [String]) throws {
        let zone = try #require(TimeZone(identifier: zoneName))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let recipient = ContactRecipient(timeZone: zone, debtorKind: .business)
        for iso in days {
            let day = try CalendarDate(iso: iso)
            let from = day.adding(days: -3).moment(hour: 0, in: zone)
            // Odd seconds too: a moment is rarely on the minute.
            for step in 0..<(6 * 24 * 6) {
                let proposed = from.addingTimeInterval(TimeInterval(step * 600 + (step % 7) * 13) + 0.25)
                let decision = try scheduler.decide(proposed: proposed, channel: .email, recipient: recipient, pastContacts: [])
                let expected = expectedEmailMoment(proposed, calendar: calendar)
                #expect(decision.moment.date == expected, "\(zoneName) \(ZonedMoment(date: proposed, timeZone: zone))")
                #expect(decision.isAllowed == (expected == proposed))
            }
        }
    }

    @Test("Martinique keeps UTC−4 all year: the email window opens at 12:00 UTC on both sides of Paris's changes")
    func martinique() throws {
        let martinique = try ContactRecipient(timeZoneIdentifier: "America/Martinique", debtorKind: .business)
        for day in ["2025-03-29", "2025-03-30", "2025-03-31", "2025-10-25", "2025-10-26", "2025-10-27"] {
            let early = try scheduler.decide(proposed: Moments.at("\(day)T10:00:00Z"), channel: .email, recipient: martinique, pastContacts: [])
            #expect(early.moment.date == Moments.at("\(day)T12:00:00Z"))
            #expect(early.moment.iso8601 == "\(day)T08:00-04:00")
            let late = try scheduler.decide(proposed: Moments.at("\(day)T23:59:00Z"), channel: .email, recipient: martinique, pastContacts: [])
            #expect(late.isAllowed)
        }
    }

    @Test("Letters on the working days around a change are dated at the debtor's midnight")
    func lettersAroundChanges() throws {
        let paris = ContactRecipient(timeZone: Moments.paris, debtorKind: .business)
        // Saturday 25 October 2025 (before the change) moves to Monday 27 October, 00:00 CET.
        let saturday = try scheduler.decide(proposed: Moments.at("2025-10-25T10:00:00+02:00"), channel: .letter, recipient: paris, pastContacts: [])
        #expect(saturday.moment.date == Moments.at("2025-10-27T00:00:00+01:00"))
        // Saturday 29 March 2025 moves to Monday 31 March, 00:00 CEST.
        let spring = try scheduler.decide(proposed: Moments.at("2025-03-29T10:00:00+01:00"), channel: .letter, recipient: paris, pastContacts: [])
        #expect(spring.moment.date == Moments.at("2025-03-31T00:00:00+02:00"))
    }
}
