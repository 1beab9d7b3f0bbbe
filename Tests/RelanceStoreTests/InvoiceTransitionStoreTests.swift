import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelanceStore
import Testing

/// Transitions stored: the state saved, a payment row and an event written, the schedule
/// adjusted — or, when refused, nothing written at all.
@Suite("Invoice transitions with persistence")
struct InvoiceTransitionStoreTests {
    /// A business debtor's 1 200 € invoice due 2025-03-20, planned on 2025-02-20, whose first
    /// step (the courtesy email of 2025-03-17) was sent.
    struct Scenario: Sendable {
        let f: StoreFixture
        let parties: StoreFixture.Parties
        let invoice: Invoice

        static func make(_ client: PostgresClient) async throws -> Scenario {
            let f = StoreFixture(client: client)
            let parties = try await f.parties()
            let invoice = try StoreFixture.invoice(parties.debtor, issued: "2025-02-20", due: "2025-03-20")
            try await f.intake.add([invoice], today: StoreFixture.day("2025-02-20"))
            let sent = try await PipelineDriver(client: client).carryOut(at: InvoicePlanningTests.utc("2025-03-17T09:00:00Z"))
            #expect(sent.map(\.position) == [0])
            return Scenario(f: f, parties: parties, invoice: invoice)
        }

        func rows() async throws -> [String] {
            try await f.invoices.timeline(of: invoice.id).map {
                "\($0.position) \($0.dueDate) \($0.status.rawValue) \($0.statusReason ?? "-")"
            }
        }

        func eventKinds() async throws -> [String] {
            try await f.invoices.events(of: invoice.id).map(\.kind)
        }
    }

    @Test("Full payment: paid, a payment row and an event, the remaining planned steps cancelled")
    func fullPayment() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let s = try await Scenario.make(client)
            let payment = Payment(invoiceId: s.invoice.id, date: try StoreFixture.day("2025-03-21"), amount: try StoreFixture.eur("1200.00"))
            let result = try await s.f.transitions.recordPayment(payment, reference: "VIR 2025-03-21", today: StoreFixture.day("2025-03-22"))
            #expect(result.from == .open && result.to == .paid)
            #expect(result.cancelledSteps == 6)
            #expect(try await s.f.invoices.invoice(s.invoice.id)?.state == .paid(on: try StoreFixture.day("2025-03-21")))
            #expect(try await s.f.invoices.payments(of: s.invoice.id) == [payment])
            #expect(try await s.rows() == [
                "0 2025-03-17 done sent",
                "1 2025-03-23 cancelled paid",
                "2 2025-03-30 cancelled paid",
                "3 2025-04-04 cancelled paid",
                "4 2025-04-14 cancelled paid",
                "5 2025-04-24 cancelled paid",
                "6 2025-05-09 cancelled paid",
            ])
            let event = try #require(try await s.f.invoices.events(of: s.invoice.id).last)
            #expect(event.kind == "payment" && event.fromStatus == .open && event.toStatus == .paid)
            #expect(event.effectiveDate == (try StoreFixture.day("2025-03-21")))
            let detail = StoreFixture.object(event.detail)
            #expect(detail["cancelled_steps"] as? Int == 6 && detail["reference"] as? String == "VIR 2025-03-21")
            #expect(detail["amount"] as? String == "1200.00" && detail["outstanding"] as? String == "0.00")
        }
    }

    @Test("Part payment: the ladder continues; a step the smaller outstanding no longer reaches is cancelled")
    func partialPayment() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let s = try await Scenario.make(client)
            let result = try await s.f.transitions.recordPayment(
                Payment(invoiceId: s.invoice.id, date: try StoreFixture.day("2025-03-21"), amount: try StoreFixture.eur("1100.00")),
                today: StoreFixture.day("2025-03-21")
            )
            #expect(try result.to == .partiallyPaid && result.invoice.outstanding == StoreFixture.eur("100.00"))
            #expect(result.cancelledSteps == 1 && result.replannedSteps == 0)
            #expect(try await s.rows() == [
                "0 2025-03-17 done sent",
                "1 2025-03-23 planned -",
                "2 2025-03-30 planned -",
                "3 2025-04-04 planned -",
                "4 2025-04-14 planned -",
                "5 2025-04-24 planned -",
                "6 2025-05-09 cancelled not_applicable: only from 150.00 EUR outstanding; 100.00 EUR is outstanding",
            ])
        }
    }

    @Test("Dispute stops the ladder; resolving it resumes with the catch-up rule")
    func disputeAndResume() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let s = try await Scenario.make(client)
            let disputed = try await s.f.transitions.dispute(s.invoice.id, reason: "goods not delivered", on: StoreFixture.day("2025-03-21"))
            #expect(disputed.to == .disputed && disputed.cancelledSteps == 6)
            #expect(try await s.rows().dropFirst().allSatisfy { $0.hasSuffix("cancelled disputed") })

            let resumed = try await s.f.transitions.resolveDispute(s.invoice.id, .resume, on: StoreFixture.day("2025-04-20"))
            #expect(resumed.to == .open && resumed.replannedSteps == 3)
            #expect(try await s.rows() == [
                "0 2025-03-17 done sent",
                "1 2025-03-23 cancelled superseded",
                "2 2025-03-30 cancelled superseded",
                "3 2025-04-04 cancelled superseded",
                "4 2025-04-14 planned -",
                "5 2025-04-30 planned -",
                "6 2025-05-15 planned -",
            ])
            #expect(try await s.eventKinds() == ["planned", "dispute", "dispute_resolved"])
            // The resumed step is due at once: the dispatcher claims it with the invoice's history.
            let due = try await PipelineDriver(client: client).dispatchDue(at: InvoicePlanningTests.utc("2025-04-20T09:00:00Z"))
            #expect(due.map(\.step.position) == [4])
            #expect(due.first?.step.history == [StepExecution(stepIndex: 0, date: try StoreFixture.day("2025-03-17"), outcome: .done)])
        }
    }

    @Test("A promise pauses: planned steps stay planned, an event is written; when it is broken the ladder resumes")
    func promiseThenBroken() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let s = try await Scenario.make(client)
            let before = try await s.rows()
            let promised = try await s.f.transitions.promise(s.invoice.id, payBy: StoreFixture.day("2025-04-10"), on: StoreFixture.day("2025-03-21"))
            #expect(promised.to == .promiseToPay && promised.cancelledSteps == 0 && promised.replannedSteps == 0)
            #expect(try await s.rows() == before)
            let event = try #require(try await s.f.invoices.events(of: s.invoice.id).last)
            #expect(event.kind == "promise" && event.toStatus == .promiseToPay)
            #expect(StoreFixture.object(event.detail)["pay_by"] as? String == "2025-04-10")

            // Breaking it early is refused, and changes nothing.
            await #expect { try await s.f.transitions.breakPromise(s.invoice.id, on: StoreFixture.day("2025-04-10")) } throws: { error in
                (error as? InvoiceStateError)?.code == .notYetDue
            }
            #expect(try await s.f.transitions.applyTimeTransitions(today: StoreFixture.day("2025-04-10")).isEmpty)

            let advanced = try await s.f.transitions.applyTimeTransitions(today: StoreFixture.day("2025-04-11"))
            #expect(advanced.map(\.eventKind) == ["promise_broken"])
            #expect(advanced.first?.to == .open)
            #expect(try await s.rows() == [
                "0 2025-03-17 done sent",
                "1 2025-03-23 cancelled superseded",
                "2 2025-03-30 cancelled superseded",
                "3 2025-04-04 planned -",
                "4 2025-04-21 planned -",
                "5 2025-05-01 planned -",
                "6 2025-05-16 planned -",
            ])
            #expect(try await s.eventKinds() == ["planned", "promise", "promise_broken"])
        }
    }

    @Test("A step a guard skipped during a promise is planned again, for a new job, when the promise is broken")
    func guardSkippedStepComesBack() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let s = try await Scenario.make(client)
            try await s.f.transitions.promise(s.invoice.id, payBy: StoreFixture.day("2025-03-25"), on: StoreFixture.day("2025-03-21"))
            // The dispatcher sent the 23 March reminder anyway; the worker's guard skipped it.
            let driver = PipelineDriver(client: client)
            let skipped = try await driver.carryOut(at: InvoicePlanningTests.utc("2025-03-23T09:00:00Z"), outcome: .skippedPromise)
            #expect(skipped.map(\.position) == [1])
            #expect(try await s.rows()[1] == "1 2025-03-23 skipped skipped_promise")

            let broken = try await s.f.transitions.breakPromise(s.invoice.id, on: StoreFixture.day("2025-03-26"))
            #expect(broken.to == .open)
            // The skipped reminder is due again on the 26th; the later ones keep their spacing from that day.
            #expect(try await s.rows() == [
                "0 2025-03-17 done sent",
                "1 2025-03-23 planned -",
                "2 2025-04-02 planned -",
                "3 2025-04-07 planned -",
                "4 2025-04-17 planned -",
                "5 2025-04-27 planned -",
                "6 2025-05-12 planned -",
            ])
            #expect(broken.replannedSteps == 6)
            let step = try #require(try await s.f.invoices.timeline(of: s.invoice.id).first { $0.position == 1 })
            #expect(step.status == .planned && step.jobId == nil && step.outcome == nil)
            let again = try await driver.dispatchDue(at: InvoicePlanningTests.utc("2025-03-26T09:00:00Z"))
            #expect(again.map(\.step.position) == [1])
        }
    }

    @Test("A manual pause leaves the schedule; resuming re-plans it as of that day")
    func pauseAndResume() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let s = try await Scenario.make(client)
            let before = try await s.rows()
            let paused = try await s.f.transitions.pause(s.invoice.id, reason: "credit note pending", by: "alice", on: StoreFixture.day("2025-03-21"))
            #expect(paused.to == .paused)
            #expect(try await s.rows() == before)
            let resumed = try await s.f.transitions.resume(s.invoice.id, on: StoreFixture.day("2025-04-02"))
            #expect(resumed.to == .open)
            #expect(try await s.rows() == [
                "0 2025-03-17 done sent",
                "1 2025-03-23 cancelled superseded",
                "2 2025-03-30 planned -",
                "3 2025-04-07 planned -",
                "4 2025-04-17 planned -",
                "5 2025-04-27 planned -",
                "6 2025-05-12 planned -",
            ])
            let call = try #require(try await s.f.invoices.timeline(of: s.invoice.id).first { $0.position == 3 })
            #expect(call.dueAt == (try InvoicePlanningTests.utc("2025-04-07T06:00:00Z")))
        }
    }

    @Test("A payment plan pauses; a missed installment resumes the ladder")
    func paymentPlan() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let s = try await Scenario.make(client)
            let plan = try PaymentPlan(
                agreedOn: StoreFixture.day("2025-04-01"),
                installments: [
                    Installment(number: 1, dueDate: try StoreFixture.day("2025-04-15"), amount: try StoreFixture.eur("600.00")),
                    Installment(number: 2, dueDate: try StoreFixture.day("2025-05-15"), amount: try StoreFixture.eur("600.00")),
                ],
                graceDays: 5
            )
            let agreed = try await s.f.transitions.agreePaymentPlan(s.invoice.id, plan)
            #expect(agreed.to == .paymentPlan && agreed.cancelledSteps == 0)
            #expect(try await s.f.transitions.applyTimeTransitions(today: StoreFixture.day("2025-04-20")).isEmpty)
            let missed = try await s.f.transitions.applyTimeTransitions([s.invoice.id], today: StoreFixture.day("2025-04-21"))
            #expect(missed.map(\.eventKind) == ["installment_missed"])
            #expect(try await s.f.invoices.invoice(s.invoice.id)?.state == .open)
            #expect(try await s.rows().contains("4 2025-04-14 planned -"))
        }
    }

    @Test("Write-off stops the ladder for good")
    func writeOff() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let s = try await Scenario.make(client)
            let result = try await s.f.transitions.writeOff(s.invoice.id, reason: "debtor in liquidation", on: StoreFixture.day("2025-03-25"))
            #expect(result.to == .writtenOff && result.cancelledSteps == 6)
            #expect(try await s.rows().dropFirst().allSatisfy { $0.hasSuffix("cancelled written_off") })
            let counts = try await s.f.invoices.statusCounts()
            #expect(counts.invoices == [.writtenOff: 1])
            #expect(counts.steps == [.done: 1, .cancelled: 6])
        }
    }

    @Test("A payment for an unknown invoice, or a refused transition, writes nothing")
    func refusalsWriteNothing() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let s = try await Scenario.make(client)
            let before = try await s.rows()
            let unknown = Payment(invoiceId: InvoiceID(), date: try StoreFixture.day("2025-03-21"), amount: try StoreFixture.eur("10.00"))
            await #expect { try await s.f.transitions.recordPayment(unknown, today: StoreFixture.day("2025-03-21")) } throws: { error in
                (error as? StoreError)?.code == .notFound
            }
            let tooMuch = Payment(invoiceId: s.invoice.id, date: try StoreFixture.day("2025-03-21"), amount: try StoreFixture.eur("1500.00"))
            await #expect { try await s.f.transitions.recordPayment(tooMuch, today: StoreFixture.day("2025-03-21")) } throws: { error in
                (error as? InvoiceStateError)?.code == .overpayment
            }
            try await s.f.transitions.dispute(s.invoice.id, reason: "wrong amount", on: StoreFixture.day("2025-03-21"))
            let disputedRows = try await s.rows()
            await #expect { try await s.f.transitions.promise(s.invoice.id, payBy: StoreFixture.day("2025-04-10"), on: StoreFixture.day("2025-03-22")) } throws: { error in
                (error as? InvoiceStateError)?.code == .illegalTransition
            }
            await #expect { try await s.f.transitions.resume(s.invoice.id, on: StoreFixture.day("2025-03-22")) } throws: { error in
                (error as? InvoiceStateError)?.code == .illegalTransition
            }
            #expect(try await s.f.count("SELECT count(*) FROM payments") == 0)
            #expect(try await s.eventKinds() == ["planned", "dispute"])
            #expect(try await s.f.invoices.invoice(s.invoice.id)?.state.status == .disputed)
            #expect(try await s.rows() == disputedRows)
            #expect(before != disputedRows)
        }
    }

    @Test("A transition wakes the dispatchers: a notification on relance_invoices carries the tenant id")
    func notifies() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let s = try await Scenario.make(client)
            let payload = try await client.withConnection { connection in
                try await connection.listen(on: "relance_invoices") { notifications in
                    try await s.f.transitions.dispute(s.invoice.id, reason: "wrong amount", on: StoreFixture.day("2025-03-21"))
                    for try await notification in notifications { return notification.payload }
                    return ""
                }
            }
            #expect(payload == s.parties.tenant.id.description)
        }
    }
}
