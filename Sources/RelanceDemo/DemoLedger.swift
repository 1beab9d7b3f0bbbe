import Foundation
import RelanceCore
import Synchronization

/// What the demo's loop knows about its invoices for the report and the checks: the payments
/// received and the formal-notice dates (set when a notice is posted).
final class DemoLedger: Sendable {
    private struct State {
        var payments: [InvoiceID: [Payment]] = [:]
        var noticeDates: [InvoiceID: CalendarDate] = [:]
    }

    private let state = Mutex(State())

    init() {}

    func addPayment(_ payment: Payment) {
        state.withLock { $0.payments[payment.invoiceId, default: []].append(payment) }
    }

    func payments(of id: InvoiceID) -> [Payment] {
        state.withLock { $0.payments[id] ?? [] }
    }

    func setNoticeDate(_ date: CalendarDate?, of id: InvoiceID) {
        state.withLock { $0.noticeDates[id] = date }
    }

    func noticeDate(of id: InvoiceID) -> CalendarDate? {
        state.withLock { $0.noticeDates[id] }
    }
}
