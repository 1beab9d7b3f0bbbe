import Foundation

/// What an agent has in front of them for a call: who to call, what is owed with the
/// penalties, what was done so far, what comes next, and the solution to suggest. Built from
/// the message context the worker composed for the call job; stored as the task's
/// `talking_points` (snake_case JSON).
public struct CallTalkingPoints: Sendable, Hashable, Codable {
    public struct InvoiceLine: Sendable, Hashable, Codable {
        public var number: String
        public var issueDate: CalendarDate
        public var dueDate: CalendarDate
        public var amount: Money
        public var outstanding: Money
        public var daysLate: Int
    }

    public struct Contact: Sendable, Hashable, Codable {
        public var date: CalendarDate
        public var channel: Channel
        public var summary: String
    }

    /// The solution to suggest: a payment plan when the domain proposes one for a debtor short
    /// of cash, otherwise payment in full by the deadline.
    public struct Solution: Sendable, Hashable, Codable {
        public enum Kind: String, Sendable, Hashable, Codable {
            case paymentPlan = "payment_plan"
            case payInFull = "pay_in_full"
        }
        public var kind: Kind
        public var summary: String
        public var installments: [Installment]
        public var graceDays: Int?
    }

    public var debtorName: String
    public var contactName: String?
    public var phone: String
    public var debtorKind: DebtorKind
    public var language: Language
    public var creditorName: String
    public var invoices: [InvoiceLine]
    /// Principal still owed, penalties (interest and fixed indemnity) and their sum.
    public var outstanding: Money
    public var interest: Money
    public var fixedIndemnity: Money
    public var penalties: Money
    public var due: Money
    public var rateDescription: String?
    /// Actions already taken, oldest first.
    public var history: [Contact]
    public var nextStep: MessageNextStep?
    public var paymentDeadline: CalendarDate
    public var solution: Solution
    /// The points to make, in order, as sentences.
    public var points: [String]

    /// The days late of the oldest invoice.
    public var daysLate: Int { invoices.map(\.daysLate).max() ?? 0 }

    /// The talking points of a call about `context`, to `phone`, suggesting `proposal` when
    /// the domain offers a payment plan. Throws when the context's amounts do not add up.
    public static func make(context: MessageContext, phone: String, proposal: PaymentPlanProposal?) throws(TemplateError) -> CallTalkingPoints {
        let totals = try context.totals()
        let invoices = context.invoices.map {
            InvoiceLine(
                number: $0.number, issueDate: $0.issueDate, dueDate: $0.dueDate, amount: $0.amount,
                outstanding: $0.outstanding, daysLate: context.daysLate($0)
            )
        }
        let solution: Solution
        if let proposal {
            let listed = proposal.installments.map { "\($0.amount) on \($0.dueDate)" }.joined(separator: ", ")
            solution = Solution(
                kind: .paymentPlan,
                summary: "offer \(proposal.installments.count) monthly installments: \(listed) (\(proposal.graceDays) days' grace each)",
                installments: proposal.installments, graceDays: proposal.graceDays
            )
        } else {
            solution = Solution(
                kind: .payInFull, summary: "ask for payment of \(totals.due) in full by \(context.paymentDeadline)",
                installments: [], graceDays: nil
            )
        }
        var points: [String] = []
        let numbers = invoices.map(\.number).joined(separator: ", ")
        let oldest = invoices.map(\.daysLate).max() ?? 0
        points.append("\(invoices.count == 1 ? "Invoice" : "Invoices") \(numbers): \(totals.outstanding) outstanding, \(oldest) days late.")
        if !totals.penalties.isZero {
            var text = "Late-payment penalties: \(totals.penalties) (interest \(context.penalties.interest), fixed indemnity \(context.penalties.fixedIndemnity))"
            if let rate = context.penalties.rateDescription { text += ", \(rate)" }
            points.append(text + "; \(totals.due) due in all.")
        }
        if context.history.isEmpty {
            points.append("No earlier reminder: this is the first contact.")
        } else {
            let recalled = context.history.map { "\($0.date) \($0.channel.rawValue): \($0.summary)" }.joined(separator: "; ")
            points.append("Already done: \(recalled).")
        }
        points.append("Suggest: \(solution.summary).")
        if let next = context.nextStep {
            points.append("Otherwise the next step is a \(next.channel.rawValue.replacingOccurrences(of: "_", with: " ")) on \(next.date).")
        }
        return CallTalkingPoints(
            debtorName: context.debtor.name, contactName: context.debtor.contactName, phone: phone,
            debtorKind: context.debtorKind, language: context.language, creditorName: context.creditor.name,
            invoices: invoices, outstanding: totals.outstanding, interest: context.penalties.interest,
            fixedIndemnity: context.penalties.fixedIndemnity, penalties: totals.penalties, due: totals.due,
            rateDescription: context.penalties.rateDescription,
            history: context.history.map { Contact(date: $0.date, channel: $0.channel, summary: $0.summary) },
            nextStep: context.nextStep, paymentDeadline: context.paymentDeadline, solution: solution, points: points
        )
    }

    /// The payment plan the personaliser proposes for the call's outstanding amount, taken as
    /// one debt, when the debtor is short of cash (it said so, or the invoices are part paid);
    /// nil otherwise or when the amount is too small to split.
    public static func suggestedPlan(
        context: MessageContext,
        statedCashFlowDifficulty: Bool,
        today: CalendarDate,
        rules: PersonalisationRules = PersonalisationRules()
    ) -> PaymentPlanProposal? {
        guard let totals = try? context.totals(), totals.outstanding.isPositive,
              let issued = context.invoices.map(\.issueDate).min(), let due = context.invoices.map(\.dueDate).min(),
              let debt = try? Invoice(
                  tenantId: TenantID(), creditorId: CreditorID(), debtorId: DebtorID(), number: "call",
                  issueDate: issued, dueDate: max(due, issued), amount: totals.invoiced, outstanding: totals.outstanding,
                  state: totals.outstanding == totals.invoiced ? .open : .partiallyPaid
              )
        else { return nil }
        let ladder = Personaliser(rules: rules).personalise(
            policy: .defaultFrench, profile: BehaviourProfile(history: [], today: today), invoice: debt,
            signals: DebtorSignals(statedCashFlowDifficulty: statedCashFlowDifficulty), today: today
        )
        return ladder.paymentPlanOffer
    }
}
