import Foundation
import Testing
import RelanceCore

@Suite("Contact budget over a rolling 7 days")
struct ContactBudgetTests {
    private let scheduler = ContactScheduler(rules: SampleMessages.rules)
    private let debtor = try! ContactRecipient(timeZoneIdentifier: "Europe/Paris", debtorKind: .business)

    private func contact(_ moment: String, _ channel: Channel) -> ContactAttempt {
        ContactAttempt(at: Moments.at(moment), channel: channel)
    }

    private func decide(_ moment: String, _ channel: Channel, past: [ContactAttempt]) throws -> ContactDecision {
        try scheduler.decide(proposed: Moments.at(moment), channel: channel, recipient: debtor, pastContacts: past)
    }

    @Test("Three contacts in the last 7 days defer the fourth until the oldest leaves the window")
    func budgetReached() throws {
        let past = [
            contact("2025-05-27T08:30:00+02:00", .email),
            contact("2025-05-28T10:00:00+02:00", .email),
            contact("2025-05-30T00:00:00+02:00", .letter),
        ]
        let decision = try decide("2025-06-02T10:00:00+02:00", .call, past: past)
        // The 27 May email leaves the window on 3 June 08:30; calls open at 09:00.
        #expect(decision.moment.iso8601 == "2025-06-03T09:00+02:00")
        #expect(decision.reasons.map(\.description) == ["contact budget 3 per 7 days reached; next slot 2025-06-03T09:00+02:00"])
    }

    @Test("Two contacts leave room for a third")
    func underBudget() throws {
        let past = [contact("2025-05-28T10:00:00+02:00", .email), contact("2025-05-30T00:00:00+02:00", .letter)]
        #expect(try decide("2025-06-02T10:00:00+02:00", .call, past: past).isAllowed)
    }

    @Test("A contact exactly 7 days old no longer counts")
    func windowBoundary() throws {
        let past = [
            contact("2025-05-27T10:00:00+02:00", .email),
            contact("2025-05-28T10:00:00+02:00", .email),
            contact("2025-05-29T10:00:00+02:00", .email),
        ]
        #expect(try decide("2025-06-03T10:00:00+02:00", .email, past: past).isAllowed)
        #expect(try decide("2025-06-03T09:59:00+02:00", .email, past: past).moment.iso8601 == "2025-06-03T10:00+02:00")
        let counted = scheduler.contactsInRollingWindow(endingAt: Moments.at("2025-06-03T10:00:00+02:00"), recipient: debtor, pastContacts: past)
        #expect(counted.count == 2)
    }

    @Test("Court filings neither count nor are limited")
    func legalNotCounted() throws {
        let past = [
            contact("2025-06-02T10:00:00+02:00", .email),
            contact("2025-06-02T11:00:00+02:00", .legal),
            contact("2025-06-02T12:00:00+02:00", .legal),
            contact("2025-06-03T09:00:00+02:00", .letter),
        ]
        #expect(try decide("2025-06-03T10:00:00+02:00", .email, past: past).isAllowed)
        let filings = past + [contact("2025-06-03T09:30:00+02:00", .email)]
        #expect(try decide("2025-06-03T10:00:00+02:00", .legal, past: filings).isAllowed)
        #expect(try !decide("2025-06-03T10:00:00+02:00", .email, past: filings).isAllowed)
    }

    @Test("At most two calls per 7 days, whatever the other channels")
    func callCap() throws {
        let past = [contact("2025-06-16T10:00:00+02:00", .call), contact("2025-06-17T15:00:00+02:00", .call)]
        let decision = try decide("2025-06-18T10:00:00+02:00", .call, past: past)
        #expect(decision.moment.iso8601 == "2025-06-23T10:00+02:00")
        #expect(decision.reasons.map(\.description) == ["call budget 2 per 7 days reached; next slot 2025-06-23T10:00+02:00"])
        // An email is still within the global budget.
        #expect(try decide("2025-06-18T10:00:00+02:00", .email, past: past).isAllowed)
    }

    @Test("When the budget frees up on a holiday, the holiday is named too")
    func budgetThenHoliday() throws {
        let past = [
            contact("2025-06-02T09:00:00+02:00", .email),
            contact("2025-06-03T09:00:00+02:00", .email),
            contact("2025-06-04T09:00:00+02:00", .email),
        ]
        // Frees on Monday 9 June 09:00, which is Whit Monday: the call moves to Tuesday.
        let decision = try decide("2025-06-05T10:00:00+02:00", .call, past: past)
        #expect(decision.moment.iso8601 == "2025-06-10T09:00+02:00")
        #expect(decision.reasons.map(\.description) == [
            "contact budget 3 per 7 days reached; next slot 2025-06-10T09:00+02:00",
            "public holiday: Whit Monday (2025-06-09)",
        ])
    }

    @Test("The rolling week is 7 calendar days on the debtor's clock, even across a clock change")
    func rollingAcrossDST() throws {
        // 27 March 2025 09:00 CET; 7 days later is 3 April 09:00 CEST, only 167 hours later.
        let past = [
            contact("2025-03-27T09:00:00+01:00", .email),
            contact("2025-03-28T09:00:00+01:00", .email),
            contact("2025-03-31T09:00:00+02:00", .email),
        ]
        let decision = try decide("2025-04-02T12:00:00+02:00", .email, past: past)
        #expect(decision.moment.date == Moments.at("2025-04-03T07:00:00Z"))
        #expect(decision.moment.iso8601 == "2025-04-03T09:00+02:00")
    }

    @Test("Contacts after the proposed moment do not count against it")
    func futureIgnored() throws {
        let past = [
            contact("2025-06-05T10:00:00+02:00", .email),
            contact("2025-06-05T11:00:00+02:00", .email),
            contact("2025-06-05T12:00:00+02:00", .email),
        ]
        #expect(try decide("2025-06-03T10:00:00+02:00", .email, past: past).isAllowed)
    }
}
