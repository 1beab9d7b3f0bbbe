import Foundation
import RelanceCore
import Synchronization

/// Reads an invoice's stored state (`invoices.state_detail`, `InvoiceState` as JSON).
///
/// Most invoices share a handful of short states (`{"status": "open"}` above all): each such
/// text is decoded once and remembered, so the dispatcher and the workers — which read the
/// state of every invoice they touch — do not run the JSON decoder for each one. States that
/// carry data (a promise's date, a plan's installments) are longer and decoded every time.
public enum StoredInvoiceState {
    private static let remembered = Mutex<[String: InvoiceState]>([:])
    private static let longestRemembered = 64
    private static let mostRemembered = 256

    /// The state `text` encodes; throws `StoreError(.corruptRecord)` naming `what` if it cannot.
    public static func decode(_ text: String, what: @autoclosure () -> String) throws -> InvoiceState {
        let short = text.utf8.count <= longestRemembered
        if short, let known = remembered.withLock({ $0[text] }) { return known }
        let state = try StoreJSON.decodeDomain(InvoiceState.self, from: text, what: what())
        if short {
            remembered.withLock { cache in
                if cache.count < mostRemembered { cache[text] = state }
            }
        }
        return state
    }
}
