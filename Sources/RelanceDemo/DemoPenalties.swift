import RelanceCore

/// The late-payment penalty owed on an invoice on a given day, under the invoice's law, from
/// the payments received by then and the formal notice (which starts consumer interest).
struct DemoPenalties: Sendable {
    let engine: PenaltyEngine

    func owed(
        on date: CalendarDate,
        invoice: Invoice,
        jurisdiction: Jurisdiction,
        payments: [Payment],
        noticeDate: CalendarDate?
    ) throws(PenaltyError) -> PenaltyResult {
        let received = payments.filter { $0.date <= date }.sorted { $0.date < $1.date }
        let total = received.reduce(Int64(0)) { $0 + $1.amount.minorUnits }
        var partials = received.map { PartialPayment(date: $0.date, amount: $0.amount) }
        let settlement: PenaltyRequest.Settlement
        if total >= invoice.amount.minorUnits, let last = partials.popLast() {
            settlement = .paidInFull(on: last.date)
        } else {
            settlement = .unpaid(asOf: date)
        }
        return try engine.compute(PenaltyRequest(
            jurisdiction: jurisdiction,
            principal: invoice.amount,
            dueDate: invoice.dueDate,
            settlement: settlement,
            payments: partials,
            contractRate: jurisdiction == .frB2B ? invoice.contractRate : nil,
            // Only consumer interest runs from the notice; a notice sent after `date` had not
            // started it yet.
            noticeDate: jurisdiction == .frB2C ? noticeDate.flatMap { $0 <= date ? $0 : nil } : nil,
            creditor: .business
        ))
    }
}
