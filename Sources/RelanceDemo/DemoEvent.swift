import RelanceCore

/// Something a debtor does on a simulated day, applied through `InvoiceTransitions` as the API
/// or an agent's call notes would.
struct DemoEvent: Sendable {
    /// When in the tick the event is applied.
    enum Phase: Sendable {
        /// Before the dispatcher looks at what is due.
        case beforeDispatch
        /// After the dispatcher wrote its jobs and before the relay publishes them: the job is
        /// in flight when the event happens, so the worker's stale-job guard must catch it.
        case whileQueued
    }

    enum Action: Sendable {
        /// Money received, dated the event's day.
        case payment(InvoiceID, Money)
        case dispute(InvoiceID, reason: String)
        case promise(InvoiceID, payBy: CalendarDate, graceDays: Int)
        /// A plan of monthly installments splitting what is outstanding on the day.
        case paymentPlan(InvoiceID, installments: Int, firstDue: CalendarDate, graceDays: Int)

        var invoiceId: InvoiceID {
            switch self {
            case .payment(let id, _), .dispute(let id, _), .promise(let id, _, _), .paymentPlan(let id, _, _, _): id
            }
        }
    }

    let date: CalendarDate
    /// The local hour of the tick it belongs to (08, 10 or 14).
    let hour: Int
    var phase: Phase = .beforeDispatch
    let action: Action
}
