/// An invoice's whole ladder as of one day: every step with its date and status, what is due
/// now, and whether the ladder runs at all.
public struct EscalationSchedule: Sendable, Hashable {
    public let invoiceId: InvoiceID
    public let policyId: DunningPolicyID
    public let policyVersion: Int
    /// The day the schedule was computed for.
    public let today: CalendarDate
    public let ladder: LadderStatus
    /// One entry per policy step, in policy order.
    public let steps: [ScheduledStep]

    public init(invoiceId: InvoiceID, policyId: DunningPolicyID, policyVersion: Int, today: CalendarDate, ladder: LadderStatus, steps: [ScheduledStep]) {
        self.invoiceId = invoiceId
        self.policyId = policyId
        self.policyVersion = policyVersion
        self.today = today
        self.ladder = ladder
        self.steps = steps
    }

    /// The steps to carry out now: planned, dated on or before today, ladder active. The
    /// planner's catch-up rule makes this at most one step.
    public var dueNow: [ScheduledStep] {
        guard ladder.isActive else { return [] }
        return steps.filter { $0.isPlanned && $0.date <= today }
    }

    /// The next planned step after today, if any.
    public var nextPlanned: ScheduledStep? {
        steps.first { $0.isPlanned && $0.date > today }
    }
}
