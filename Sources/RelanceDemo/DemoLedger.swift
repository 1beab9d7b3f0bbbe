import Foundation
import RelanceCore
import Synchronization

/// What the demo's loop knows about its invoices that the message composer also needs: the
/// payments received, the formal notices sent, the contacts made so far, each invoice's next
/// planned step, and the agency's first letter per debtor. The loop writes it between ticks;
/// workers read it while they process a tick's jobs.
final class DemoLedger: Sendable {
    struct NextStep: Sendable, Hashable {
        var position: Int
        var channel: Channel
        var date: CalendarDate
    }

    private struct State {
        var payments: [InvoiceID: [Payment]] = [:]
        var noticeDates: [InvoiceID: CalendarDate] = [:]
        var contacts: [DebtorID: [MessageAction]] = [:]
        var planned: [InvoiceID: [NextStep]] = [:]
        var firstLetters: [DebtorID: LetterReference] = [:]
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

    func addContact(_ action: MessageAction, debtor: DebtorID) {
        state.withLock { $0.contacts[debtor, default: []].append(action) }
    }

    func contacts(of debtor: DebtorID) -> [MessageAction] {
        state.withLock { $0.contacts[debtor] ?? [] }
    }

    func setPlanned(_ steps: [NextStep], of id: InvoiceID) {
        state.withLock { $0.planned[id] = steps.sorted { $0.position < $1.position } }
    }

    /// The first step still planned after `position`.
    func nextStep(of id: InvoiceID, after position: Int) -> NextStep? {
        state.withLock { $0.planned[id]?.first { $0.position > position } }
    }

    /// Remembers the agency's first written contact with `debtor`, unless one is known.
    func recordFirstLetter(_ reference: LetterReference, debtor: DebtorID) {
        state.withLock { state in
            if state.firstLetters[debtor] == nil { state.firstLetters[debtor] = reference }
        }
    }

    func firstLetter(of debtor: DebtorID) -> LetterReference? {
        state.withLock { $0.firstLetters[debtor] }
    }
}
