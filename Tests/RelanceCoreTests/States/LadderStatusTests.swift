import RelanceCore
import Testing

private typealias F = LadderFixtures

@Suite("Ladder status and skip reasons")
struct LadderStatusTests {
    @Test("outcome names are skipped_<reason>")
    func outcomes() {
        #expect(SkipReason.allCases.map(\.outcome) == [
            "skipped_paid", "skipped_disputed", "skipped_promise", "skipped_plan", "skipped_paused", "skipped_written_off",
        ])
    }

    /// Each state on 2025-04-15, with what the guards must answer.
    private static func states() throws -> [(Invoice, SkipReason?, String)] {
        let invoice = try F.invoice()
        let plan = try PaymentPlan(agreedOn: F.day("2025-04-10"), installments: [
            Installment(number: 1, dueDate: try F.day("2025-05-01"), amount: try F.eur("1200")),
        ])
        return [
            (invoice, nil, "active"),
            (try invoice.recordingPayment(F.payment("100", on: "2025-04-01", to: invoice)), nil, "active"),
            (try invoice.promisingPayment(by: F.day("2025-04-30"), on: F.day("2025-04-10")), .promise, "paused (promise to pay by 2025-04-30) until 2025-05-01"),
            (try invoice.agreeingPaymentPlan(plan), .plan, "paused (payment plan, next installment 1200.00 EUR due 2025-05-01) until 2025-05-07"),
            (try invoice.disputing(reason: "wrong quantity", on: F.day("2025-04-10")), .disputed, "stopped: disputed (wrong quantity)"),
            (try invoice.pausing(reason: "credit note", by: "Claire", on: F.day("2025-04-10")), .paused, "paused (paused by Claire: credit note) until resumed by a person"),
            (try invoice.recordingPayment(F.payment("1200", on: "2025-04-01", to: invoice)), .paid, "stopped: paid on 2025-04-01"),
            (try invoice.writingOff(reason: "liquidation", on: F.day("2025-04-10")), .writtenOff, "stopped: written off (liquidation)"),
        ]
    }

    @Test("every state gives the guards a clear answer")
    func everyState() throws {
        let today = try F.day("2025-04-15")
        let cases = try Self.states()
        #expect(Set(cases.map { $0.0.state.status }) == Set(InvoiceStatus.allCases))
        for (invoice, expected, description) in cases {
            let status = invoice.ladderStatus(on: today)
            #expect(invoice.skipReason(on: today) == expected, "\(invoice.state.status)")
            #expect(status.isActive == (expected == nil))
            #expect(status.description == description)
            #expect(invoice.state.skipReason(on: today) == status.skipReason)
        }
    }

    @Test("resumed ladders say why")
    func resumedDescriptions() throws {
        let promised = try F.invoice().promisingPayment(by: F.day("2025-04-30"), on: F.day("2025-04-10"))
        #expect(promised.ladderStatus(on: try F.day("2025-05-01")).description == "active: the promise to pay by 2025-04-30 was broken")
        let paused = try F.invoice().pausing(reason: "x", by: "Claire", on: F.day("2025-04-10"), resumesOn: F.day("2025-04-20"))
        #expect(paused.ladderStatus(on: try F.day("2025-04-25")).description == "active: the pause ended on 2025-04-20")
    }
}
