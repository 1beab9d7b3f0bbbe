import Foundation

/// An invoice as the worker's stale-job guard and the channels see it when a job is taken: its
/// state now (a payment, a dispute or a promise since dispatch means nobody is contacted), its
/// outstanding amount and where its debtor is.
public struct InvoiceSnapshot: Sendable, Hashable {
    public var id: UUID
    public var tenantId: UUID
    public var debtorId: UUID
    /// The stored state; nil when this version cannot read it.
    public var state: InvoiceState?
    public var outstanding: Money
    /// The guard's "today" is the debtor's: a promise to pay by a date holds until that date
    /// ends where the debtor is.
    public var debtorTimeZone: TimeZoneID

    public init(id: UUID, tenantId: UUID, debtorId: UUID, state: InvoiceState?, outstanding: Money, debtorTimeZone: TimeZoneID) {
        self.id = id
        self.tenantId = tenantId
        self.debtorId = debtorId
        self.state = state
        self.outstanding = outstanding
        self.debtorTimeZone = debtorTimeZone
    }

    /// Why the invoice must not be acted on on `today` (the debtor's day). A state this version
    /// cannot read counts as paused: nobody is contacted on its account.
    public func skipReason(on today: CalendarDate) -> SkipReason? {
        guard let state else { return .paused }
        return state.skipReason(on: today)
    }
}

extension BatchSnapshot {
    /// The guard's view of the invoices read. An invoice whose debtor was not read (it is not
    /// the debtor of any job of the batch) is left out, so a job naming it is refused as naming
    /// an unknown invoice.
    public var invoiceSnapshots: [UUID: InvoiceSnapshot] {
        var result: [UUID: InvoiceSnapshot] = [:]
        result.reserveCapacity(invoices.count)
        for (id, invoice) in invoices {
            guard let debtor = debtors[invoice.debtorId] else { continue }
            result[id.uuid] = InvoiceSnapshot(
                id: id.uuid, tenantId: invoice.tenantId.uuid, debtorId: invoice.debtorId.uuid, state: invoice.state,
                outstanding: invoice.outstanding, debtorTimeZone: debtor.timeZone
            )
        }
        return result
    }

    /// Whether the snapshot shows `job` awaiting its outcome: its tenant exists, and each of
    /// its steps is in the schedule of an invoice of that tenant, dispatched under the job's id
    /// (a step leaves that status in the transaction that records the outcome).
    public func awaitsOutcome(_ job: ReminderJob) -> Bool {
        guard !job.steps.isEmpty, tenants[TenantID(job.tenantId)] != nil else { return false }
        return job.steps.allSatisfy { step in
            invoices[InvoiceID(step.invoiceId)]?.tenantId.uuid == job.tenantId
                && steps[InvoiceID(step.invoiceId)]?.contains {
                    $0.position == step.position && $0.jobId == job.jobId && $0.status == .dispatched
                } == true
        }
    }
}
