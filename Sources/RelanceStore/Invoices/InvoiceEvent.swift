import Foundation
import RelanceCore

/// Something that happened to an invoice (`invoice_events`): planned, a payment, a dispute …
public struct InvoiceEvent: Sendable, Hashable {
    public var id: Int64
    /// When it was recorded.
    public var occurredAt: Date
    /// The business day it took effect (a payment's value date, the day of a promise).
    public var effectiveDate: CalendarDate
    /// `planned`, `payment`, `dispute`, `dispute_resolved`, `promise`, `promise_broken`,
    /// `payment_plan`, `installment_missed`, `pause`, `resume`, `pause_ended`, `write_off`.
    public var kind: String
    public var fromStatus: InvoiceStatus?
    public var toStatus: InvoiceStatus?
    /// A JSON object: the transition's facts and what it did to the schedule
    /// (`cancelled_steps`, `replanned_steps`).
    public var detail: String

    public init(
        id: Int64, occurredAt: Date, effectiveDate: CalendarDate, kind: String,
        fromStatus: InvoiceStatus?, toStatus: InvoiceStatus?, detail: String
    ) {
        self.id = id
        self.occurredAt = occurredAt
        self.effectiveDate = effectiveDate
        self.kind = kind
        self.fromStatus = fromStatus
        self.toStatus = toStatus
        self.detail = detail
    }
}
