/// What one claim did: steps claimed, jobs written, and what became of the steps.
public struct DispatchSummary: Sendable, Equatable {
    public var claimed = 0
    public var jobs = 0
    public var dispatched = 0
    public var cancelled = 0
    public var deferred = 0

    public init() {}

    /// The summary of `plan` for `claimed` steps.
    public init(claimed: Int, plan: DispatchPlan) {
        self.claimed = claimed
        jobs = plan.jobs.count
        dispatched = plan.dispatched.count
        cancelled = plan.cancelled.count
        deferred = plan.deferred.count
    }

    /// Adds another claim's counts.
    public static func += (total: inout DispatchSummary, other: DispatchSummary) {
        total.claimed += other.claimed
        total.jobs += other.jobs
        total.dispatched += other.dispatched
        total.cancelled += other.cancelled
        total.deferred += other.deferred
    }
}
