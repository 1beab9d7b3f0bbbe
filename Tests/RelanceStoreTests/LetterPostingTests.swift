import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelanceStore
import Testing

/// Letters are written (outcome `prepared`), listed in the day's postal manifest, and posted;
/// only a posted registered letter dates its invoices' formal notice.
@Suite("Postal manifests and the formal-notice date")
struct LetterPostingTests {
    static let paris = TimeZone(identifier: "Europe/Paris")!

    @Test("A written registered letter dates nothing; posted with its day's manifest, it dates its invoices' formal notice, once")
    func postingDatesTheNotice() async throws {
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
                step.invoiceId == skipped.id.uuid ? .skippedPaid : .prepared
            }
            #expect(dispatched.map(\.channel).sorted { $0.rawValue < $1.rawValue } == [.letter, .registeredLetter, .registeredLetter])
            for invoice in [noticed, skipped, lettered] {
                #expect(try await f.invoices.record(invoice.id)?.formalNoticeDate == nil, "\(invoice.number) before posting")
            }

            // Written at 00:30 on 26 April in Paris: in the 26 April manifest, not the 25th's.
            let postings = LetterPostings(client: client, timeZone: Self.paris, logger: TestDatabase.logger)
            #expect(try await postings.manifest(day: StoreFixture.day("2025-04-25")).isEmpty)
            let manifest = try await postings.manifest(day: StoreFixture.day("2025-04-26"))
            #expect(manifest.count == 2)
            #expect(manifest.filter(\.registered).count == 1)
            #expect(manifest.allSatisfy { $0.preparedOn == (try! StoreFixture.day("2025-04-26")) && $0.postedOn == nil })
            #expect(manifest.allSatisfy { $0.debtorName == parties.debtor.name })

            let posting = try await postings.markPosted(day: StoreFixture.day("2025-04-26"))
            #expect(posting.letters == 2 && posting.registeredLetters == 1 && posting.invoicesNoticed == 1, "\(posting)")
            #expect(try await f.invoices.record(noticed.id)?.formalNoticeDate == (try StoreFixture.day("2025-04-26")))
            #expect(try await f.invoices.record(skipped.id)?.formalNoticeDate == nil)
            #expect(try await f.invoices.record(lettered.id)?.formalNoticeDate == nil)

            // Marking it again changes nothing; the manifest still shows its letters, posted.
            #expect(try await postings.markPosted(day: StoreFixture.day("2025-04-26")).letters == 0)
            let again = try await postings.manifest(day: StoreFixture.day("2025-04-26"))
            #expect(again.count == 2 && again.allSatisfy { $0.postedOn == (try! StoreFixture.day("2025-04-26")) })
            // A later day's manifest does not list letters posted already.
            #expect(try await postings.manifest(day: StoreFixture.day("2025-04-27")).isEmpty)
        }
    }

    @Test("A day nobody posted is carried over to the next manifest, and dated by the day it is posted")
    func carriedOver() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let parties = try await f.parties()
            let noticed = try StoreFixture.invoice(parties.debtor, number: "C-1")
            try await f.intake.add([noticed], today: StoreFixture.day("2025-04-25"))
            _ = try await Self.dispatchAndRecord(on: client) { _ in .prepared }

            let postings = LetterPostings(client: client, timeZone: Self.paris, logger: TestDatabase.logger)
            let carried = try await postings.manifest(day: StoreFixture.day("2025-04-28"))
            #expect(carried.map(\.preparedOn) == [try StoreFixture.day("2025-04-26")])
            // The manifest of a day before the letter was written does not list it.
            #expect(try await postings.manifest(day: StoreFixture.day("2025-04-25")).isEmpty)
            #expect(try await postings.markPosted(day: StoreFixture.day("2025-04-28")).invoicesNoticed == 1)
            #expect(try await f.invoices.record(noticed.id)?.formalNoticeDate == (try StoreFixture.day("2025-04-28")))
        }
    }

    @Test("A registered letter a record-only channel 'recorded' is in no manifest and dates nothing")
    func recordedIsNotALetter() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let parties = try await f.parties()
            let noticed = try StoreFixture.invoice(parties.debtor, number: "R-1")
            try await f.intake.add([noticed], today: StoreFixture.day("2025-04-25"))
            let dispatched = try await Self.dispatchAndRecord(on: client) { _ in .recorded }
            #expect(dispatched.map(\.channel) == [.registeredLetter])

            let postings = LetterPostings(client: client, timeZone: Self.paris, logger: TestDatabase.logger)
            #expect(try await postings.manifest(day: StoreFixture.day("2025-04-26")).isEmpty)
            #expect(try await postings.markPosted(day: StoreFixture.day("2025-04-26")).letters == 0)
            #expect(try await f.invoices.record(noticed.id)?.formalNoticeDate == nil)
            let timeline = try await f.invoices.timeline(of: noticed.id)
            let step = try #require(timeline.first { $0.channel == .registeredLetter })
            #expect(step.status == .done && step.outcome == .recorded)
        }
    }

    /// 22:30 UTC on 25 April 2025: 00:30 on 26 April in Paris.
    static var completedAt: Date { get throws { try InvoicePlanningTests.utc("2025-04-25T22:30:00Z") } }

    /// Dispatches what is due at 09:00 UTC on 25 April 2025 and records each job's outcome,
    /// completed at `completedAt`, of the kind `outcome` gives its step.
    static func dispatchAndRecord(on client: PostgresClient, outcome: (DueStep) -> OutcomeKind) async throws -> [DueStep] {
        let driver = PipelineDriver(client: client)
        let dispatched = try await driver.dispatchDue(at: InvoicePlanningTests.utc("2025-04-25T09:00:00Z"))
        let completedAt = try Self.completedAt
        try await driver.outcomes.record(dispatched.map { step, job in
            JobOutcome(
                jobId: job, stepIds: [step.stepId], tenantId: step.tenantId, debtorId: step.debtorId, channel: step.channel,
                kind: outcome(step), detail: #"{"pages": 1, "recipient": "1 rue de la Paix, 75002 Paris"}"#,
                artefactURI: "file:///tmp/\(job).pdf", completedAt: completedAt
            )
        })
        return dispatched.map(\.step)
    }
}
