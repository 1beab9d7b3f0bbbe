import Foundation

/// What a worker reads for one batch of jobs, in a fixed number of statements whatever the
/// batch's size: the tenants, debtors and creditors the jobs name, their invoices with their
/// payments and stored states, each invoice's steps carried out and its next planned one, and
/// the first written contact of each debtor of a collection agency. One snapshot serves the
/// job standings (a step dispatched under the job's id awaits its outcome), the stale-job
/// guard (the invoices' states) and the messages (`MessageComposer`).
public struct BatchSnapshot: Sendable {
    /// The channels whose sent messages are written contacts: the first one a collection
    /// agency sends a debtor is the "first letter" every later contact must recall (R124-4).
    public static let writtenChannels: [Channel] = [.email, .letter, .registeredLetter]

    public var tenants: [TenantID: TenantRecord] = [:]
    public var debtors: [DebtorID: Debtor] = [:]
    /// The debtors' creditors.
    public var creditors: [CreditorID: Creditor] = [:]
    public var invoices: [InvoiceID: InvoiceFacts] = [:]
    /// Each invoice's steps done or dispatched, then its first planned step dated after the
    /// load's day in the debtor's time zone; by position.
    public var steps: [InvoiceID: [StepFacts]] = [:]
    /// The first written contact (`writtenChannels`, outcome `sent`) of each debtor whose
    /// tenant is a collection agency, when there was one.
    public var firstWrittenContacts: [DebtorID: WrittenContact] = [:]
    /// What operators have paused when the batch was read: its jobs for those are held.
    public var paused = PausedWork()
    /// How many statements the load ran.
    public var statements = 0

    public init() {}

    /// An invoice as a message presents it and the penalty engine needs it.
    public struct InvoiceFacts: Sendable, Hashable {
        public var id: InvoiceID
        public var tenantId: TenantID
        public var creditorId: CreditorID
        public var debtorId: DebtorID
        public var number: String
        public var issueDate: CalendarDate
        public var dueDate: CalendarDate
        public var amount: Money
        public var outstanding: Money
        /// The contract's late-payment rate, when it sets one.
        public var contractRate: Rate?
        public var jurisdiction: Jurisdiction
        /// The day the formal notice was sent (consumer interest runs from it).
        public var formalNoticeDate: CalendarDate?
        /// Money received, by value date (`payments` rows).
        public var payments: [PartialPayment]
        /// The invoice's state as stored; nil when this version cannot read it (the stale-job
        /// guard then contacts nobody on its account).
        public var state: InvoiceState?

        public init(
            id: InvoiceID, tenantId: TenantID, creditorId: CreditorID, debtorId: DebtorID, number: String,
            issueDate: CalendarDate, dueDate: CalendarDate, amount: Money, outstanding: Money, contractRate: Rate?,
            jurisdiction: Jurisdiction, formalNoticeDate: CalendarDate?, payments: [PartialPayment], state: InvoiceState?
        ) {
            self.id = id
            self.tenantId = tenantId
            self.creditorId = creditorId
            self.debtorId = debtorId
            self.number = number
            self.issueDate = issueDate
            self.dueDate = dueDate
            self.amount = amount
            self.outstanding = outstanding
            self.contractRate = contractRate
            self.jurisdiction = jurisdiction
            self.formalNoticeDate = formalNoticeDate
            self.payments = payments
            self.state = state
        }
    }

    /// A schedule row: done or dispatched (history), or planned (what comes next).
    public struct StepFacts: Sendable, Hashable {
        public var invoiceId: InvoiceID
        public var position: Int
        public var channel: Channel
        public var templateKey: String
        public var status: ScheduleStepStatus
        /// The step's calendar date.
        public var dueDate: CalendarDate
        /// The job that carried it (done and dispatched steps).
        public var jobId: UUID?
        /// When the worker recorded the job's outcome, once it did.
        public var completedAt: Date?

        public init(
            invoiceId: InvoiceID, position: Int, channel: Channel, templateKey: String, status: ScheduleStepStatus,
            dueDate: CalendarDate, jobId: UUID?, completedAt: Date?
        ) {
            self.invoiceId = invoiceId
            self.position = position
            self.channel = channel
            self.templateKey = templateKey
            self.status = status
            self.dueDate = dueDate
            self.jobId = jobId
            self.completedAt = completedAt
        }
    }

    /// A message sent to a debtor in writing: its job and when the worker sent it.
    public struct WrittenContact: Sendable, Hashable {
        public var jobId: UUID
        public var channel: Channel
        public var completedAt: Date

        public init(jobId: UUID, channel: Channel, completedAt: Date) {
            self.jobId = jobId
            self.channel = channel
            self.completedAt = completedAt
        }
    }
}
