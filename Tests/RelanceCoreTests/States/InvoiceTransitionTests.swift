import Foundation
import RelanceCore
import Testing

private typealias F = LadderFixtures

@Suite("Invoice state transitions")
struct InvoiceTransitionTests {
    @Test("status raw values are the ones the database stores")
    func rawValues() {
        #expect(InvoiceStatus.allCases.map(\.rawValue) == [
            "open", "partially_paid", "promise_to_pay", "payment_plan", "disputed", "paused", "paid", "written_off",
        ])
    }

    // MARK: Payments

    @Test("a payment of the whole outstanding makes the invoice paid and stops the ladder")
    func fullPayment() throws {
        let invoice = try F.invoice()
        let paid = try invoice.recordingPayment(F.payment("1200.00", on: "2025-04-02", to: invoice))
        #expect(paid.state == .paid(on: try F.day("2025-04-02")))
        #expect(paid.outstanding.isZero)
        #expect(paid.ladderStatus(on: try F.day("2025-04-03")) == .stopped(.paid(on: try F.day("2025-04-02"))))
        #expect(paid.skipReason(on: try F.day("2025-04-03"))?.outcome == "skipped_paid")
    }

    @Test("a part payment lowers the outstanding and the ladder goes on for the rest")
    func partPayment() throws {
        let invoice = try F.invoice()
        let part = try invoice.recordingPayment(F.payment("200.00", on: "2025-04-02", to: invoice))
        #expect(part.state.status == .partiallyPaid)
        #expect(part.outstanding == (try F.eur("1000.00")))
        #expect(part.paid == (try F.eur("200.00")))
        #expect(part.ladderStatus(on: try F.day("2025-04-03")).isActive)
        #expect(part.skipReason(on: try F.day("2025-04-03")) == nil)
        let rest = try part.recordingPayment(F.payment("1000.00", on: "2025-04-20", to: part))
        #expect(rest.state.status == .paid)
    }

    @Test("paying more than is owed is an error, not a credit")
    func overpayment() throws {
        let invoice = try F.invoice(outstanding: "300.00", state: .partiallyPaid)
        let error = #expect(throws: InvoiceStateError.self) {
            try invoice.recordingPayment(F.payment("300.01", on: "2025-04-02", to: invoice))
        }
        #expect(error?.code == .overpayment)
        #expect(error?.description.contains("300.00 EUR outstanding") == true)
    }

    @Test("payments in another currency, for another invoice, not positive or before issue are refused")
    func badPayments() throws {
        let invoice = try F.invoice()
        let inPounds = Payment(invoiceId: invoice.id, date: try F.day("2025-04-01"), amount: try Money(decimal: "10", currency: .gbp))
        #expect(throws: InvoiceStateError.self) { try invoice.recordingPayment(inPounds) }
        #expect((try? invoice.recordingPayment(inPounds)) == nil)

        func code(_ payment: Payment) -> InvoiceStateError.Code? {
            do { _ = try invoice.recordingPayment(payment); return nil } catch { return error.code }
        }
        #expect(code(inPounds) == .currencyMismatch)
        #expect(code(Payment(invoiceId: InvoiceID(), date: try F.day("2025-04-01"), amount: try F.eur("10"))) == .wrongInvoice)
        #expect(code(try F.payment("0", on: "2025-04-01", to: invoice)) == .nonPositiveAmount)
        #expect(code(try F.payment("-5", on: "2025-04-01", to: invoice)) == .nonPositiveAmount)
        #expect(code(try F.payment("10", on: "2025-02-27", to: invoice)) == .dateBeforeIssue)
    }

    @Test("a paid or written-off invoice takes no payment")
    func paymentOnTerminal() throws {
        let invoice = try F.invoice()
        let paid = try invoice.recordingPayment(F.payment("1200.00", on: "2025-04-02", to: invoice))
        let writtenOff = try invoice.writingOff(reason: "debtor liquidated", on: F.day("2025-06-01"))
        for terminal in [paid, writtenOff] {
            let error = #expect(throws: InvoiceStateError.self) {
                try terminal.recordingPayment(F.payment("1.00", on: "2025-06-02", to: terminal))
            }
            #expect(error?.code == .illegalTransition)
        }
    }

    @Test("a part payment keeps a promise, plan, dispute or pause in place")
    func partPaymentKeepsWaitingStates() throws {
        let invoice = try F.invoice()
        let promised = try invoice.promisingPayment(by: F.day("2025-04-30"), on: F.day("2025-04-10"))
        #expect(try promised.recordingPayment(F.payment("100", on: "2025-04-12", to: promised)).state.status == .promiseToPay)
        let disputed = try invoice.disputing(reason: "one item missing", on: F.day("2025-04-10"))
        #expect(try disputed.recordingPayment(F.payment("100", on: "2025-04-12", to: disputed)).state.status == .disputed)
        let paused = try invoice.pausing(reason: "credit note pending", by: "Claire", on: F.day("2025-04-10"))
        #expect(try paused.recordingPayment(F.payment("100", on: "2025-04-12", to: paused)).state.status == .paused)
        // A full payment ends any of them.
        #expect(try disputed.recordingPayment(F.payment("1200", on: "2025-04-12", to: disputed)).state.status == .paid)
    }

    // MARK: Disputes

    @Test("a dispute stops the ladder until it is resolved")
    func dispute() throws {
        let invoice = try F.invoice()
        let disputed = try invoice.disputing(reason: "goods damaged", on: F.day("2025-04-05"))
        #expect(disputed.state == .disputed(Dispute(openedOn: try F.day("2025-04-05"), reason: "goods damaged")))
        #expect(disputed.ladderStatus(on: try F.day("2025-09-01")) == .stopped(.disputed(reason: "goods damaged")))
        #expect(disputed.skipReason(on: try F.day("2025-09-01")) == .disputed)
        #expect(disputed.advanced(to: try F.day("2026-01-01")) == disputed)
    }

    @Test("resolving a dispute resumes the ladder or writes the invoice off")
    func resolveDispute() throws {
        let invoice = try F.invoice()
        let disputed = try invoice.disputing(reason: "goods damaged", on: F.day("2025-04-05"))
        #expect(try disputed.resolvingDispute(.resume, on: F.day("2025-05-01")).state == .open)

        let partPaid = try invoice.recordingPayment(F.payment("200", on: "2025-04-01", to: invoice))
        let partDisputed = try partPaid.disputing(reason: "price", on: F.day("2025-04-05"))
        #expect(try partDisputed.resolvingDispute(.resume, on: F.day("2025-05-01")).state == .partiallyPaid)

        let gaveUp = try disputed.resolvingDispute(.writeOff(reason: "debtor was right"), on: F.day("2025-05-01"))
        #expect(gaveUp.state == .writtenOff(WriteOff(on: try F.day("2025-05-01"), reason: "debtor was right")))
        #expect(gaveUp.skipReason(on: try F.day("2025-05-02")) == .writtenOff)
    }

    @Test("illegal dispute transitions are refused")
    func illegalDisputes() throws {
        let invoice = try F.invoice()
        let disputed = try invoice.disputing(reason: "price", on: F.day("2025-04-05"))
        #expect(Self.code { try disputed.disputing(reason: "again", on: F.day("2025-04-06")) } == .illegalTransition)
        #expect(Self.code { try invoice.resolvingDispute(.resume, on: F.day("2025-04-06")) } == .illegalTransition)
        #expect(Self.code { try invoice.disputing(reason: "  ", on: F.day("2025-04-06")) } == .emptyReason)
        let paid = try invoice.recordingPayment(F.payment("1200", on: "2025-04-02", to: invoice))
        #expect(Self.code { try paid.disputing(reason: "late complaint", on: F.day("2025-04-06")) } == .illegalTransition)
        #expect(Self.code { try disputed.promisingPayment(by: F.day("2025-05-01"), on: F.day("2025-04-06")) } == .illegalTransition)
        #expect(Self.code { try disputed.pausing(reason: "x", by: "Claire", on: F.day("2025-04-06")) } == .illegalTransition)
    }

    // MARK: Promises to pay

    @Test("a promise pauses the ladder through its date plus grace")
    func promise() throws {
        let invoice = try F.invoice()
        let promised = try invoice.promisingPayment(by: F.day("2025-04-20"), on: F.day("2025-04-10"), graceDays: 2)
        let status = promised.ladderStatus(on: try F.day("2025-04-22"))
        #expect(status == .paused(resumesOn: try F.day("2025-04-23"), reason: .promiseToPay(payBy: try F.day("2025-04-20"))))
        #expect(promised.skipReason(on: try F.day("2025-04-22")) == .promise)
        #expect(promised.advanced(to: try F.day("2025-04-22")) == promised)
    }

    @Test("a promise past its date without full payment is broken and the ladder resumes")
    func brokenPromise() throws {
        let invoice = try F.invoice()
        let promised = try invoice.promisingPayment(by: F.day("2025-04-20"), on: F.day("2025-04-10"))
        let dayAfter = try F.day("2025-04-21")
        #expect(promised.ladderStatus(on: dayAfter) == .active(resumed: .brokenPromise(payBy: try F.day("2025-04-20"))))
        #expect(promised.skipReason(on: dayAfter) == nil)
        #expect(try promised.breakingPromise(on: dayAfter).state == .open)
        #expect(promised.advanced(to: dayAfter).state == .open)
        #expect(Self.code { try promised.breakingPromise(on: F.day("2025-04-20")) } == .notYetDue)
        #expect(Self.code { try invoice.breakingPromise(on: dayAfter) } == .illegalTransition)

        let partPromised = try promised.recordingPayment(F.payment("500", on: "2025-04-15", to: promised))
        #expect(partPromised.advanced(to: dayAfter).state == .partiallyPaid)
    }

    @Test("a kept promise ends in paid")
    func keptPromise() throws {
        let promised = try F.invoice().promisingPayment(by: F.day("2025-04-20"), on: F.day("2025-04-10"))
        let paid = try promised.recordingPayment(F.payment("1200", on: "2025-04-19", to: promised))
        #expect(paid.ladderStatus(on: try F.day("2025-04-21")) == .stopped(.paid(on: try F.day("2025-04-19"))))
    }

    @Test("promises: a new one replaces the old, none during a plan, none for a past day")
    func promiseRules() throws {
        let promised = try F.invoice().promisingPayment(by: F.day("2025-04-20"), on: F.day("2025-04-10"))
        let renewed = try promised.promisingPayment(by: F.day("2025-05-05"), on: F.day("2025-04-18"))
        #expect(renewed.ladderStatus(on: try F.day("2025-04-25")).skipReason == .promise)
        #expect(Self.code { try promised.promisingPayment(by: F.day("2025-04-09"), on: F.day("2025-04-10")) } == .invalidDate)
        let plan = try PaymentPlan(agreedOn: F.day("2025-04-10"), installments: [
            Installment(number: 1, dueDate: try F.day("2025-05-01"), amount: try F.eur("600")),
            Installment(number: 2, dueDate: try F.day("2025-06-01"), amount: try F.eur("600")),
        ])
        let onPlan = try F.invoice().agreeingPaymentPlan(plan)
        #expect(Self.code { try onPlan.promisingPayment(by: F.day("2025-05-05"), on: F.day("2025-04-18")) } == .illegalTransition)
    }

    // MARK: Payment plans

    private func twoInstallmentPlan() throws -> PaymentPlan {
        try PaymentPlan(agreedOn: F.day("2025-04-10"), installments: [
            Installment(number: 1, dueDate: try F.day("2025-05-01"), amount: try F.eur("700")),
            Installment(number: 2, dueDate: try F.day("2025-06-01"), amount: try F.eur("500")),
        ], graceDays: 5)
    }

    @Test("a payment plan pauses the ladder while installments are kept")
    func planPauses() throws {
        let onPlan = try F.invoice().agreeingPaymentPlan(twoInstallmentPlan())
        #expect(onPlan.state.status == .paymentPlan)
        let status = onPlan.ladderStatus(on: try F.day("2025-05-06"))
        #expect(status == .paused(
            resumesOn: try F.day("2025-05-07"),
            reason: .paymentPlan(nextInstallment: Installment(number: 1, dueDate: try F.day("2025-05-01"), amount: try F.eur("700")))
        ))
        #expect(onPlan.skipReason(on: try F.day("2025-05-06")) == .plan)

        let firstPaid = try onPlan.recordingPayment(F.payment("700", on: "2025-04-30", to: onPlan))
        guard case .paymentPlan(let plan) = firstPaid.state else {
            Issue.record("expected a running plan, got \(firstPaid.state.status)")
            return
        }
        #expect(plan.paidSoFar == (try F.eur("700")))
        #expect(plan.firstUnpaidInstallment?.number == 2)
        // Well past installment 1's date, the ladder still waits: it was paid.
        #expect(firstPaid.skipReason(on: try F.day("2025-05-20")) == .plan)
    }

    @Test("a missed installment (past its date plus grace, unpaid) resumes the ladder")
    func missedInstallment() throws {
        let onPlan = try F.invoice().agreeingPaymentPlan(twoInstallmentPlan())
        let lastGraceDay = try F.day("2025-05-06")
        let missedDay = try F.day("2025-05-07")
        #expect(!onPlan.ladderStatus(on: lastGraceDay).isActive)
        #expect(Self.code { try onPlan.missingInstallment(on: lastGraceDay) } == .notYetDue)
        let missed = Installment(number: 1, dueDate: try F.day("2025-05-01"), amount: try F.eur("700"))
        #expect(onPlan.ladderStatus(on: missedDay) == .active(resumed: .missedInstallment(missed)))
        #expect(try onPlan.missingInstallment(on: missedDay).state == .open)
        #expect(onPlan.advanced(to: missedDay).state == .open)

        // Half of installment 1 paid is still a missed installment; the rest stays owed.
        let half = try onPlan.recordingPayment(F.payment("350", on: "2025-04-30", to: onPlan))
        #expect(half.ladderStatus(on: missedDay).isActive)
        let resumed = try half.missingInstallment(on: missedDay)
        #expect(resumed.state == .partiallyPaid)
        #expect(resumed.outstanding == (try F.eur("850")))
        #expect(Self.code { try F.invoice().missingInstallment(on: missedDay) } == .illegalTransition)
    }

    @Test("paying every installment makes the invoice paid")
    func planCompleted() throws {
        let onPlan = try F.invoice().agreeingPaymentPlan(twoInstallmentPlan())
        let first = try onPlan.recordingPayment(F.payment("700", on: "2025-05-01", to: onPlan))
        let second = try first.recordingPayment(F.payment("500", on: "2025-06-01", to: first))
        #expect(second.state == .paid(on: try F.day("2025-06-01")))
    }

    @Test("a plan must add up to the outstanding and cannot start during a dispute")
    func planRules() throws {
        let invoice = try F.invoice(outstanding: "1000.00", state: .partiallyPaid)
        #expect(Self.code { try invoice.agreeingPaymentPlan(twoInstallmentPlan()) } == .planDoesNotMatchOutstanding)
        let disputed = try F.invoice().disputing(reason: "price", on: F.day("2025-04-05"))
        #expect(Self.code { try disputed.agreeingPaymentPlan(twoInstallmentPlan()) } == .illegalTransition)
        // Renegotiating a running plan is allowed.
        let onPlan = try F.invoice().agreeingPaymentPlan(twoInstallmentPlan())
        let longer = try PaymentPlan(agreedOn: F.day("2025-04-20"), installments: [
            Installment(number: 1, dueDate: try F.day("2025-05-15"), amount: try F.eur("400")),
            Installment(number: 2, dueDate: try F.day("2025-06-15"), amount: try F.eur("400")),
            Installment(number: 3, dueDate: try F.day("2025-07-15"), amount: try F.eur("400")),
        ])
        #expect(try onPlan.agreeingPaymentPlan(longer).state == .paymentPlan(longer))
    }

    @Test("a plan with no installments, out of order, or not positive is invalid")
    func invalidPlans() throws {
        let agreed = try F.day("2025-04-10")
        #expect(Self.code { try PaymentPlan(agreedOn: agreed, installments: []) } == .invalidPlan)
        #expect(Self.code {
            try PaymentPlan(agreedOn: agreed, installments: [
                Installment(number: 1, dueDate: try F.day("2025-06-01"), amount: try F.eur("1")),
                Installment(number: 2, dueDate: try F.day("2025-05-01"), amount: try F.eur("1")),
            ])
        } == .invalidPlan)
        #expect(Self.code {
            try PaymentPlan(agreedOn: agreed, installments: [Installment(number: 1, dueDate: try F.day("2025-05-01"), amount: try F.eur("0"))])
        } == .invalidPlan)
        #expect(Self.code {
            try PaymentPlan(agreedOn: agreed, installments: [Installment(number: 1, dueDate: try F.day("2025-04-01"), amount: try F.eur("5"))])
        } == .invalidPlan)
    }

    // MARK: Manual pauses

    @Test("a person pauses the ladder until a date, then it resumes by itself")
    func datedPause() throws {
        let invoice = try F.invoice()
        let paused = try invoice.pausing(reason: "negotiating a credit note", by: "Claire", on: F.day("2025-04-05"), resumesOn: F.day("2025-04-20"))
        #expect(paused.ladderStatus(on: try F.day("2025-04-19")) == .paused(
            resumesOn: try F.day("2025-04-20"), reason: .manual(reason: "negotiating a credit note", by: "Claire")
        ))
        #expect(paused.skipReason(on: try F.day("2025-04-19")) == .paused)
        #expect(paused.ladderStatus(on: try F.day("2025-04-20")) == .active(resumed: .pauseEnded(on: try F.day("2025-04-20"))))
        #expect(Self.code { try paused.endingPause(on: F.day("2025-04-19")) } == .notYetDue)
        #expect(try paused.endingPause(on: F.day("2025-04-20")).state == .open)
        #expect(paused.advanced(to: try F.day("2025-04-20")).state == .open)
    }

    @Test("an indefinite pause lasts until a person resumes it")
    func indefinitePause() throws {
        let paused = try F.invoice().pausing(reason: "debtor in hospital", by: "Marc", on: F.day("2025-04-05"))
        #expect(paused.skipReason(on: try F.day("2026-04-05")) == .paused)
        #expect(Self.code { try paused.endingPause(on: F.day("2026-04-05")) } == .notYetDue)
        #expect(try paused.resuming(on: F.day("2025-05-01")).state == .open)
        #expect(paused.advanced(to: try F.day("2030-01-01")) == paused)
    }

    @Test("illegal pause transitions are refused")
    func illegalPauses() throws {
        let invoice = try F.invoice()
        #expect(Self.code { try invoice.resuming(on: F.day("2025-04-05")) } == .illegalTransition)
        #expect(Self.code { try invoice.pausing(reason: "", by: "Claire", on: F.day("2025-04-05")) } == .emptyReason)
        #expect(Self.code { try invoice.pausing(reason: "x", by: " ", on: F.day("2025-04-05")) } == .emptyReason)
        #expect(Self.code { try invoice.pausing(reason: "x", by: "Claire", on: F.day("2025-04-05"), resumesOn: F.day("2025-04-05")) } == .invalidDate)
        let promised = try invoice.promisingPayment(by: F.day("2025-04-20"), on: F.day("2025-04-10"))
        #expect(Self.code { try promised.pausing(reason: "x", by: "Claire", on: F.day("2025-04-11")) } == .illegalTransition)
    }

    // MARK: Write-off

    @Test("writing off is terminal")
    func writeOff() throws {
        let invoice = try F.invoice()
        let gone = try invoice.writingOff(reason: "debtor liquidated", on: F.day("2025-07-01"))
        #expect(gone.state.status == .writtenOff)
        #expect(gone.state.status.isTerminal)
        #expect(gone.ladderStatus(on: try F.day("2025-07-02")) == .stopped(.writtenOff(reason: "debtor liquidated")))
        #expect(Self.code { try gone.writingOff(reason: "again", on: F.day("2025-07-02")) } == .illegalTransition)
        #expect(Self.code { try gone.disputing(reason: "x", on: F.day("2025-07-02")) } == .illegalTransition)
        #expect(Self.code { try gone.promisingPayment(by: F.day("2025-08-01"), on: F.day("2025-07-02")) } == .illegalTransition)
        #expect(Self.code { try gone.pausing(reason: "x", by: "Claire", on: F.day("2025-07-02")) } == .illegalTransition)
        let paid = try invoice.recordingPayment(F.payment("1200", on: "2025-04-01", to: invoice))
        #expect(Self.code { try paid.writingOff(reason: "x", on: F.day("2025-07-02")) } == .illegalTransition)
        #expect(Self.code { try invoice.writingOff(reason: "", on: F.day("2025-07-02")) } == .emptyReason)
    }

    // MARK: Storage form

    @Test("the state's JSON carries the status column value and its details")
    func stateJSON() throws {
        let promised = try F.invoice().promisingPayment(by: F.day("2025-04-20"), on: F.day("2025-04-10"), graceDays: 1)
        let data = try JSONEncoder().encode(promised.state)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(object?["status"] as? String == "promise_to_pay")
        #expect(try JSONDecoder().decode(InvoiceState.self, from: data) == promised.state)

        let onPlan = try F.invoice().agreeingPaymentPlan(twoInstallmentPlan())
        let paidOnce = try onPlan.recordingPayment(F.payment("700", on: "2025-05-01", to: onPlan))
        let roundTrip = try JSONDecoder().decode(Invoice.self, from: JSONEncoder().encode(paidOnce))
        #expect(roundTrip == paidOnce)
    }

    @Test("an invoice whose figures do not hold together is refused")
    func invoiceValidation() throws {
        #expect(throws: ModelValidationError.self) { try F.invoice(issued: "2025-04-01", due: "2025-03-31") }
        #expect(throws: ModelValidationError.self) { try F.invoice(outstanding: "1300.00") }
        #expect(throws: ModelValidationError.self) { try F.invoice(outstanding: "100.00", state: .paid(on: try F.day("2025-04-01"))) }
        #expect(throws: ModelValidationError.self) { try F.invoice(outstanding: "0", state: .open) }
        #expect(throws: ModelValidationError.self) { try F.invoice(amount: "0") }
    }

    /// The code of the `InvoiceStateError` `body` throws, or nil when it succeeds.
    static func code<T>(_ body: () throws -> T) -> InvoiceStateError.Code? {
        do {
            _ = try body()
            return nil
        } catch let error as InvoiceStateError {
            return error.code
        } catch {
            return nil
        }
    }
}
