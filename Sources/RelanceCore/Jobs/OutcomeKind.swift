/// What a worker did with one job. The raw values are stored in `job_outcomes.outcome`.
public enum OutcomeKind: String, Sendable, Hashable, CaseIterable {
    /// An email or a letter went out.
    case sent
    /// A call task was created for an agent.
    case taskCreated = "task_created"
    /// A legal filing was prepared.
    case prepared
    case skippedPaid = "skipped_paid"
    case skippedDisputed = "skipped_disputed"
    case skippedPromise = "skipped_promise"
    case skippedPlan = "skipped_plan"
    case skippedPaused = "skipped_paused"
    case skippedWrittenOff = "skipped_written_off"
    /// The channel failed for good (or after its retries): nobody was contacted.
    case failed
    /// The message could not be handled at all and went to the dead-letter queue.
    case deadLettered = "dead_lettered"

    /// Whether the debtor was contacted.
    public var contacted: Bool { self == .sent || self == .taskCreated || self == .prepared }

    /// The status the job's steps take.
    public var stepStatus: ScheduleStepStatus {
        switch self {
        case .sent, .taskCreated, .prepared: .done
        default: .skipped
        }
    }
}

extension OutcomeKind {
    /// The outcome of a job the stale-job guard stopped for `reason`.
    public init(skipped reason: SkipReason) {
        self = switch reason {
        case .paid: .skippedPaid
        case .disputed: .skippedDisputed
        case .promise: .skippedPromise
        case .plan: .skippedPlan
        case .paused: .skippedPaused
        case .writtenOff: .skippedWrittenOff
        }
    }
}
