import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelanceStore
import Testing

/// Recording a sent registered letter marks the invoice's formal notice, in the outcome's
/// transaction.
@Suite("Formal notice date")
struct FormalNoticeTests {
    @Test("Sent registered letter → formal notice date in the debtor's zone; other outcomes and channels leave it unset")
    func formalNoticeDate() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let parties = try await f.parties()
            // Imported on 25 April: for invoices due 20 March the registered letter (24 April) is due.
            let noticed = try StoreFixture.invoice(parties.debtor, number: "N-1")
            let skipped = try StoreFixture.invoice(parties.debtor, number: "N-2")
            try await f.intake.add([noticed, skipped], today: StoreFixture.day("2025-04-25"))
            // And one whose due step is the recap letter.
            let lettered = try StoreFixture.invoice(parties.debtor, number: "L-1", issued: "2025-03-01", due: "2025-03-31")
            try await f.intake.add([lettered], today: StoreFixture.day("2025-04-25"))

            let dispatched = try await Self.dispatchAndRecord(on: client) { step in
                (step.invoiceId == skipped.id.uuid ? .skippedPaid : .sent, nil)
            }
            #expect(dispatched.map(\.channel).sorted { $0.rawValue < $1.rawValue } == [.letter, .registeredLetter, .registeredLetter])
            #expect(try await f.invoices.record(noticed.id)?.formalNoticeDate == (try StoreFixture.day("2025-04-26")))
            #expect(try await f.invoices.record(skipped.id)?.formalNoticeDate == nil)
            #expect(try await f.invoices.record(lettered.id)?.formalNoticeDate == nil)
            let timeline = try await f.invoices.timeline(of: noticed.id)
            let notice = try #require(timeline.first { $0.channel == .registeredLetter })
            let completedAt = try Self.completedAt
            #expect(notice.status == .done && notice.outcome == .sent && notice.completedAt == completedAt)
        }
    }

    @Test("A day given with the outcome is the notice date as given; without one, the database dates it in the debtor's zone")
    func givenCompletionDay() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let parties = try await f.parties()
            let given = try StoreFixture.invoice(parties.debtor, number: "G-1")
            let derived = try StoreFixture.invoice(parties.debtor, number: "G-2")
            try await f.intake.add([given, derived], today: StoreFixture.day("2025-04-25"))
            let dispatched = try await Self.dispatchAndRecord(on: client) { step in
                (.sent, step.invoiceId == given.id.uuid ? try! StoreFixture.day("2025-04-25") : nil)
            }
            #expect(dispatched.count == 2)
            #expect(try await f.invoices.record(given.id)?.formalNoticeDate == (try StoreFixture.day("2025-04-25")))
            #expect(try await f.invoices.record(derived.id)?.formalNoticeDate == (try StoreFixture.day("2025-04-26")))
        }
    }

    /// 22:30 UTC on 25 April 2025: 00:30 on 26 April in Paris.
    static var completedAt: Date { get throws { try InvoicePlanningTests.utc("2025-04-25T22:30:00Z") } }

    /// Dispatches what is due at 09:00 UTC on 25 April 2025 and records each job's outcome,
    /// completed at `completedAt`, with the kind and the completion day `outcome` gives its step.
    static func dispatchAndRecord(
        on client: PostgresClient,
        outcome: (DueStep) -> (kind: OutcomeKind, day: CalendarDate?)
    ) async throws -> [DueStep] {
        let driver = PipelineDriver(client: client)
        let dispatched = try await driver.dispatchDue(at: InvoicePlanningTests.utc("2025-04-25T09:00:00Z"))
        let completedAt = try Self.completedAt
        try await driver.outcomes.record(dispatched.map { step, job in
            let (kind, day) = outcome(step)
            return JobOutcome(
                jobId: job, stepIds: [step.stepId], tenantId: step.tenantId, debtorId: step.debtorId, channel: step.channel,
                kind: kind, completedAt: completedAt, completionDay: day
            )
        })
        return dispatched.map(\.step)
    }
}
