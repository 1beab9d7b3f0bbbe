import Foundation

/// How a call went, as the agent records it. Results that change the invoices go through the
/// invoice transitions (a promise, a dispute, a payment plan, a payment); the others only move
/// the task (called again later, or closed so that the ladder goes on).
public enum CallResult: Sendable, Hashable {
    /// The debtor promised to pay `amount` by `date`.
    case promiseToPay(date: CalendarDate, amount: Money)
    /// The debtor contests the debt.
    case dispute(reason: String)
    /// The debtor agreed to pay the outstanding amount in `installments` monthly installments,
    /// the first on `firstDueDate` (split exactly by `InstallmentSchedule.monthly`).
    case paymentPlan(installments: Int, firstDueDate: CalendarDate)
    /// The debtor says it paid `amount` on `date` (value date).
    case paid(amount: Money, date: CalendarDate)
    /// Nobody answered: called again later within the debtor's call hours, up to a few tries.
    case noAnswer
    /// The number is not the debtor's: it is marked unusable and the ladder goes on.
    case wrongNumber
    /// The debtor asked to be called back at `at`.
    case callback(at: Date)

    /// The result's name, as stored (`call_tasks.result`) and typed on the command line.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case promiseToPay = "promise_to_pay"
        case dispute
        case paymentPlan = "payment_plan"
        case paid
        case noAnswer = "no_answer"
        case wrongNumber = "wrong_number"
        case callback
    }

    /// The most installments a plan agreed on the phone may have.
    public static let maximumInstallments = 36
    /// How far ahead a promise or a callback may be set.
    public static let maximumHorizonDays = 366

    public var kind: Kind {
        switch self {
        case .promiseToPay: .promiseToPay
        case .dispute: .dispute
        case .paymentPlan: .paymentPlan
        case .paid: .paid
        case .noAnswer: .noAnswer
        case .wrongNumber: .wrongNumber
        case .callback: .callback
        }
    }

    /// Checks the result's values against the debtor's `today` and the moment `now`: amounts
    /// positive, a promise and a plan not in the past, a payment not in the future, a reason
    /// given, a callback ahead. Returns the result with the reason trimmed.
    public func validated(today: CalendarDate, now: Date) throws(CallResultError) -> CallResult {
        func invalid(_ message: String) -> CallResultError { CallResultError(.invalidResult, message) }
        let horizon = today.adding(days: Self.maximumHorizonDays)
        switch self {
        case .promiseToPay(let date, let amount):
            guard amount.isPositive else { throw invalid("a promise to pay needs a positive amount, not \(amount)") }
            guard date >= today else { throw invalid("a promise to pay by \(date) is in the past (today is \(today))") }
            guard date <= horizon else { throw invalid("a promise to pay by \(date) is more than \(Self.maximumHorizonDays) days ahead") }
            return self
        case .dispute(let reason):
            let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw invalid("a dispute needs a reason") }
            return .dispute(reason: trimmed)
        case .paymentPlan(let count, let first):
            guard (2...Self.maximumInstallments).contains(count) else {
                throw invalid("a payment plan needs 2 to \(Self.maximumInstallments) installments, not \(count)")
            }
            guard first >= today else { throw invalid("a payment plan's first installment on \(first) is in the past (today is \(today))") }
            guard first <= horizon else { throw invalid("a payment plan's first installment on \(first) is more than \(Self.maximumHorizonDays) days ahead") }
            return self
        case .paid(let amount, let date):
            guard amount.isPositive else { throw invalid("a payment needs a positive amount, not \(amount)") }
            guard date <= today else { throw invalid("a payment on \(date) is in the future (today is \(today))") }
            return self
        case .callback(let at):
            guard at > now else { throw invalid("a callback must be later than now") }
            guard at.timeIntervalSince(now) <= Double(Self.maximumHorizonDays) * 86_400 else {
                throw invalid("a callback more than \(Self.maximumHorizonDays) days ahead")
            }
            return self
        case .noAnswer, .wrongNumber:
            return self
        }
    }

    /// What the result said, as text fields for the task's `result_detail` and the timeline.
    public var detail: [String: String] {
        switch self {
        case .promiseToPay(let date, let amount):
            ["pay_by": date.iso, "amount": amount.decimalString, "currency": amount.currency.code]
        case .dispute(let reason):
            ["reason": reason]
        case .paymentPlan(let count, let first):
            ["installments": String(count), "first_due": first.iso]
        case .paid(let amount, let date):
            ["amount": amount.decimalString, "currency": amount.currency.code, "paid_on": date.iso]
        case .noAnswer, .wrongNumber:
            [:]
        case .callback(let at):
            ["at": Self.iso8601(at)]
        }
    }

    static func iso8601(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
