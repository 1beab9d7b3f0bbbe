import Foundation
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
        case promise(InvoiceID, payBy: CalendarDate)
        /// A plan of monthly installments splitting what is outstanding on the day.
        case paymentPlan(InvoiceID, installments: Int, firstDue: CalendarDate)
        /// Answers the call and asks to be called back at `at`.
        case callback(InvoiceID, at: Date)

        var invoiceId: InvoiceID {
            switch self {
            case .payment(let id, _), .dispute(let id, _), .promise(let id, _), .paymentPlan(let id, _, _), .callback(let id, at: _): id
            }
        }
    }

    let date: CalendarDate
    /// The local hour of the tick it belongs to (08, 10 or 14).
    let hour: Int
    var phase: Phase = .beforeDispatch
    let action: Action

    /// A result an agent records on the debtor's call task (`relance calls record`), not an
    /// event applied directly.
    var isCallResult: Bool {
        switch action {
        case .promise, .paymentPlan, .callback: true
        case .payment, .dispute: false
        }
    }
}
