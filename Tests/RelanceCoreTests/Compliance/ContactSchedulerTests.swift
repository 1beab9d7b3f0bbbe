import Foundation
import Testing
import RelanceCore

@Suite("Contact windows, holidays and deferral")
struct ContactSchedulerTests {
    private let scheduler = ContactScheduler(rules: SampleMessages.rules)
    private let business = try! ContactRecipient(timeZoneIdentifier: "Europe/Paris", debtorKind: .business)
    private let consumer = try! ContactRecipient(timeZoneIdentifier: "Europe/Paris", debtorKind: .consumer)

    private func decide(_ moment: String, _ channel: Channel, _ recipient: ContactRecipient? = nil, past: [ContactAttempt] = []) throws -> ContactDecision {
        try scheduler.decide(proposed: Moments.at(moment), channel: channel, recipient: recipient ?? business, pastContacts: past)
    }

    @Test("A call inside the window on a working day goes ahead at the proposed moment")
    func callAllowed() throws {
        let decision = try decide("2025-06-03T10:15:00+02:00", .call)
        #expect(decision.isAllowed)
        #expect(decision.moment.iso8601 == "2025-06-03T10:15+02:00")
        #expect(decision.reasons.isEmpty)
    }

    @Test("Quiet hours: a call proposed at 07:30 is deferred to 09:00 the same day")
    func quietHoursMorning() throws {
        let decision = try decide("2025-06-03T07:30:00+02:00", .call)
        #expect(decision == .deferred(
            to: ZonedMoment(date: Moments.at("2025-06-03T09:00:00+02:00"), timeZone: Moments.paris),
            reasons: [.outsideWindow(channel: .call, hours: "09:00–12:00/14:00–19:00", timeZoneIdentifier: "Europe/Paris")]
        ))
        #expect(decision.reasons.map(\.description) == ["outside call window 09:00–12:00/14:00–19:00 Europe/Paris"])
    }

    @Test("The lunch gap moves a call to 14:00; the window end is exclusive")
    func lunchGap() throws {
        #expect(try decide("2025-06-03T12:30:00+02:00", .call).moment.iso8601 == "2025-06-03T14:00+02:00")
        #expect(try decide("2025-06-03T12:00:00+02:00", .call).moment.iso8601 == "2025-06-03T14:00+02:00")
        #expect(try decide("2025-06-03T11:59:00+02:00", .call).isAllowed)
    }

    @Test("A call after 19:00 on a Friday waits for Monday 09:00, past the weekend")
    func fridayEvening() throws {
        let decision = try decide("2025-06-13T19:30:00+02:00", .call)
        #expect(decision.moment.iso8601 == "2025-06-16T09:00+02:00")
        #expect(decision.reasons.map(\.description) == [
            "outside call window 09:00–12:00/14:00–19:00 Europe/Paris", "weekend",
        ])
    }

    @Test("No call at the weekend")
    func weekend() throws {
        let decision = try decide("2025-06-14T10:00:00+02:00", .call)
        #expect(decision.moment.iso8601 == "2025-06-16T09:00+02:00")
        #expect(decision.reasons == [.weekend])
    }

    @Test("Public holiday: a call on Ascension Thursday is deferred to Friday 09:00")
    func ascension() throws {
        let decision = try decide("2025-05-29T10:00:00+02:00", .call)
        #expect(decision.moment.iso8601 == "2025-05-30T09:00+02:00")
        #expect(decision.reasons.map(\.description) == ["public holiday: Ascension (2025-05-29)"])
    }

    @Test("A weekend followed by Whit Monday pushes a call to Tuesday")
    func whitMonday() throws {
        let decision = try decide("2025-06-07T11:00:00+02:00", .call)
        #expect(decision.moment.iso8601 == "2025-06-10T09:00+02:00")
        #expect(decision.reasons.map(\.description) == ["weekend", "public holiday: Whit Monday (2025-06-09)"])
    }

    @Test("Alsace-Moselle debtors keep Good Friday; others do not")
    func regionalHoliday() throws {
        let alsace = try ContactRecipient(timeZoneIdentifier: "Europe/Paris", debtorKind: .business, holidayRegion: "alsace_moselle")
        #expect(try decide("2025-04-18T10:00:00+02:00", .call).isAllowed)
        let decision = try decide("2025-04-18T10:00:00+02:00", .call, alsace)
        // Good Friday, the weekend, then Easter Monday (national).
        #expect(decision.moment.iso8601 == "2025-04-22T09:00+02:00")
        #expect(decision.reasons.map(\.description) == [
            "public holiday: Good Friday (2025-04-18)", "weekend", "public holiday: Easter Monday (2025-04-21)",
        ])
    }

    @Test("Consumers are called 10:00–13:00 and 14:00–20:00")
    func consumerWindow() throws {
        #expect(try decide("2025-06-03T19:30:00+02:00", .call, consumer).isAllowed)
        #expect(try !decide("2025-06-03T19:30:00+02:00", .call).isAllowed)
        #expect(try decide("2025-06-03T09:30:00+02:00", .call, consumer).moment.iso8601 == "2025-06-03T10:00+02:00")
    }

    @Test("Emails go any day 08:00–20:00, holidays included")
    func emails() throws {
        #expect(try decide("2025-06-08T10:00:00+02:00", .email).isAllowed)       // Sunday
        #expect(try decide("2025-05-29T10:00:00+02:00", .email).isAllowed)       // Ascension
        let late = try decide("2025-06-08T21:00:00+02:00", .email)
        #expect(late.moment.iso8601 == "2025-06-09T08:00+02:00")
        #expect(late.reasons.map(\.description) == ["outside email window 08:00–20:00 Europe/Paris"])
    }

    @Test("Letters are dated on working days only, at any hour")
    func letters() throws {
        #expect(try decide("2025-06-03T23:30:00+02:00", .letter).isAllowed)
        let sunday = try decide("2025-06-08T10:00:00+02:00", .registeredLetter)
        #expect(sunday.moment.iso8601 == "2025-06-10T00:00+02:00")   // Monday 9 June is Whit Monday
        #expect(sunday.reasons.map(\.description) == ["weekend", "public holiday: Whit Monday (2025-06-09)"])
        #expect(try decide("2025-12-25T09:00:00+01:00", .legal).moment.iso8601 == "2025-12-26T00:00+01:00")
    }

    @Test("Spring-forward Sunday: the email window opens at 08:00 summer time (06:00 UTC)")
    func dstSpring() throws {
        // 30 March 2025: clocks go from 02:00 CET to 03:00 CEST.
        let early = try decide("2025-03-30T05:30:00Z", .email)            // 07:30 CEST
        #expect(early.moment.date == Moments.at("2025-03-30T06:00:00Z"))
        #expect(early.moment.iso8601 == "2025-03-30T08:00+02:00")
        #expect(try decide("2025-03-30T06:30:00Z", .email).isAllowed)    // 08:30 CEST
        // Saturday 19:30 CET is inside; 20:00 CET is outside and moves to Sunday 08:00 CEST.
        let saturday = try decide("2025-03-29T19:00:00Z", .email)
        #expect(saturday.moment.iso8601 == "2025-03-30T08:00+02:00")
        // Monday after the change: 09:30 CEST is 07:30 UTC.
        #expect(try decide("2025-03-31T07:30:00Z", .call).isAllowed)
        #expect(try decide("2025-03-31T06:30:00Z", .call).moment.date == Moments.at("2025-03-31T07:00:00Z"))
    }

    @Test("Fall-back Sunday: the email window opens at 08:00 winter time (07:00 UTC)")
    func dstAutumn() throws {
        // 26 October 2025: clocks go from 03:00 CEST back to 02:00 CET.
        let early = try decide("2025-10-26T06:30:00Z", .email)            // 07:30 CET
        #expect(early.moment.iso8601 == "2025-10-26T08:00+01:00")
        #expect(early.moment.date == Moments.at("2025-10-26T07:00:00Z"))
        #expect(try decide("2025-10-26T18:59:00Z", .email).isAllowed)    // 19:59 CET
        #expect(try !decide("2025-10-26T19:00:00Z", .email).isAllowed)   // 20:00 CET
    }

    @Test("The window is read on the debtor's own clock")
    func otherZone() throws {
        let newYork = try ContactRecipient(timeZoneIdentifier: "America/New_York", debtorKind: .business)
        // 15:30 in Paris is 09:30 in New York: inside the call window there.
        #expect(try decide("2025-06-03T15:30:00+02:00", .call, newYork).isAllowed)
        // 10:00 in Paris is 04:00 in New York: wait for 09:00 EDT.
        let decision = try decide("2025-06-03T10:00:00+02:00", .call, newYork)
        #expect(decision.moment.iso8601 == "2025-06-03T09:00-04:00")
        #expect(decision.reasons.map(\.description) == ["outside call window 09:00–12:00/14:00–19:00 America/New_York"])
    }

    @Test("An unknown IANA zone is refused")
    func unknownZone() {
        let error = #expect(throws: ComplianceError.self) {
            try ContactRecipient(timeZoneIdentifier: "Europe/Atlantis", debtorKind: .business)
        }
        #expect(error?.code == .unknownTimeZone)
    }

    @Test("isInsideWindow answers without deferring")
    func insideWindow() throws {
        #expect(try scheduler.isInsideWindow(Moments.at("2025-06-03T10:00:00+02:00"), channel: .call, recipient: business))
        #expect(try !scheduler.isInsideWindow(Moments.at("2025-06-03T13:00:00+02:00"), channel: .call, recipient: business))
        #expect(try !scheduler.isInsideWindow(Moments.at("2025-05-29T10:00:00+02:00"), channel: .call, recipient: business))
    }
}
