/// The sum a payment-order request claims, broken down per invoice (CPC 1407: "le montant
/// précis de la somme réclamée avec le décompte des différents éléments de la créance"): the
/// principal still outstanding, the late-payment interest to the filing date and the fixed
/// recovery indemnity, each computed by the penalty engine exactly as the messages compute
/// them (`MessageComposer.penalty(of:asOf:)`).
public struct LegalClaim: Sendable, Hashable {
    public struct Line: Sendable, Hashable {
        public var number: String
        public var issueDate: CalendarDate
        public var dueDate: CalendarDate
        public var amount: Money
        /// What remains unpaid: the principal claimed.
        public var principal: Money
        public var interest: Money
        /// 40 € for an invoice a professional pays late; nothing for a consumer.
        public var fixedIndemnity: Money
        public var total: Money
        /// Days late on the filing date.
        public var daysLate: Int
        /// No interest was claimed because the rate of a late half-year is not published yet.
        public var rateNotPublished: Bool
    }

    /// The day interest is computed to.
    public var filingDate: CalendarDate
    /// By due date, then number.
    public var lines: [Line]
    public var principal: Money
    public var interest: Money
    public var fixedIndemnity: Money
    public var total: Money

    /// The claim on `invoices` as of `filingDate`. Throws when an invoice's penalties cannot be
    /// computed, the invoices are in several currencies, or there is none.
    public static func breakdown(
        _ invoices: [BatchSnapshot.InvoiceFacts], filedOn filingDate: CalendarDate, composer: MessageComposer
    ) throws(MessageComposer.CompositionError) -> LegalClaim {
        guard let currency = invoices.first?.amount.currency else {
            throw MessageComposer.CompositionError(.inconsistentData, "a claim needs at least one invoice")
        }
        guard invoices.allSatisfy({ $0.amount.currency == currency }) else {
            throw MessageComposer.CompositionError(.inconsistentData, "the invoices of a claim are in several currencies")
        }
        let sorted = invoices.sorted { ($0.dueDate, $0.number) < ($1.dueDate, $1.number) }
        var penalties: [InvoicePenalty] = []
        for invoice in sorted {
            penalties.append(try composer.penalty(of: invoice, asOf: filingDate))
        }
        var lines: [Line] = []
        do throws(MoneyError) {
            var sums = (principal: Money.zero(currency), interest: Money.zero(currency), indemnity: Money.zero(currency))
            for (invoice, penalty) in zip(sorted, penalties) {
                let total = try invoice.outstanding.adding(penalty.interest).adding(penalty.fixedIndemnity)
                lines.append(Line(
                    number: invoice.number, issueDate: invoice.issueDate, dueDate: invoice.dueDate, amount: invoice.amount,
                    principal: invoice.outstanding, interest: penalty.interest, fixedIndemnity: penalty.fixedIndemnity,
                    total: total, daysLate: max(0, invoice.dueDate.days(until: filingDate)),
                    rateNotPublished: penalty.basis == .rateNotPublished
                ))
                sums.principal = try sums.principal.adding(invoice.outstanding)
                sums.interest = try sums.interest.adding(penalty.interest)
                sums.indemnity = try sums.indemnity.adding(penalty.fixedIndemnity)
            }
            let total = try sums.principal.adding(sums.interest).adding(sums.indemnity)
            return LegalClaim(
                filingDate: filingDate, lines: lines, principal: sums.principal, interest: sums.interest,
                fixedIndemnity: sums.indemnity, total: total
            )
        } catch {
            throw MessageComposer.CompositionError(.inconsistentData, "the claim cannot be added up: \(error.message)")
        }
    }
}
