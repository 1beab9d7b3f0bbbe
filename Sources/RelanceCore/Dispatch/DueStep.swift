import Foundation

/// A planned step whose time has come, claimed by a dispatcher, with what the state guards,
/// the compliance rules and the planner need to decide about it — read in the claim's one
/// round trip.
///
/// To ask the planner whether the step is still the one due, run
/// `EscalationPlanner().plan(invoice: invoice, debtorKind: debtorKind, policy: ladder,
/// history: history, today: …)`: `position` indexes `ladder.steps`.
public struct DueStep: Sendable, Hashable {
    public var stepId: UUID
    public var tenantId: UUID
    public var invoiceId: UUID
    public var debtorId: UUID
    /// Index of the step in `ladder.steps`.
    public var position: Int
    public var channel: Channel
    public var templateKey: String
    public var tone: Tone
    /// The step's calendar date (the planner's date for it).
    public var dueDate: CalendarDate
    /// When it became due (08:00 in the debtor's time zone on `dueDate`, or later if deferred).
    public var dueAt: Date
    /// Why it was deferred last, if it was.
    public var statusReason: String?
    /// The invoice as stored now (state, outstanding, dates).
    public var invoice: Invoice
    /// The ladder the invoice was planned with (its personalised policy).
    public var ladder: DunningPolicy
    /// The invoice's steps carried out so far: its `done` and `dispatched` steps (a job in
    /// flight counts as carried out), as done on their due date.
    public var history: [StepExecution]
    public var debtorKind: DebtorKind
    /// Where the debtor is: the day, the due hour and the contact windows are local to it.
    public var debtorTimeZone: TimeZoneID
    public var debtorLanguage: Language
    /// A business, or a collection agency (whose letters carry its legal mentions).
    public var tenantKind: TenantKind
    /// The debtor's contacts of the last days (jobs dispatched and not skipped), for the
    /// rolling contact budget.
    public var recentContacts: [ContactAttempt]

    public var outstanding: Money { invoice.outstanding }

    public init(
        stepId: UUID, tenantId: UUID, invoiceId: UUID, debtorId: UUID, position: Int,
        channel: Channel, templateKey: String, tone: Tone, dueDate: CalendarDate, dueAt: Date,
        statusReason: String? = nil, invoice: Invoice, ladder: DunningPolicy, history: [StepExecution],
        debtorKind: DebtorKind, debtorTimeZone: TimeZoneID, debtorLanguage: Language,
        tenantKind: TenantKind, recentContacts: [ContactAttempt] = []) {
        self.stepId = stepId
        self.tenantId = tenantId
        self.invoiceId = invoiceId
        self.debtorId = debtorId
        self.position = position
        self.channel = channel
        self.templateKey = templateKey
        self.tone = tone
        self.dueDate = dueDate
        self.dueAt = dueAt
        self.statusReason = statusReason
        self.invoice = invoice
        self.ladder = ladder
        self.history = history
        self.debtorKind = debtorKind
        self.debtorTimeZone = debtorTimeZone
        self.debtorLanguage = debtorLanguage
        self.tenantKind = tenantKind
        self.recentContacts = recentContacts
    }
}
