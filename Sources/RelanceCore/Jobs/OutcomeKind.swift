/// What a worker did with one job. The raw values are stored in `job_outcomes.outcome`.
public enum OutcomeKind: String, Sendable, Hashable, CaseIterable {
    /// An email or a letter went out.
    case sent
    /// A call task was created for an agent.
    case taskCreated = "task_created"
    /// A legal filing was prepared, or a letter written and waiting to be posted.
    case prepared
    /// A record-only channel rendered the message and contacted nobody (the benchmark's): the
    /// step counts as done, but it neither dates a formal notice nor spends the contact budget.
    case recorded
    case skippedPaid = "skipped_paid"
    case skippedDisputed = "skipped_disputed"
    case skippedPromise = "skipped_promise"
    case skippedPlan = "skipped_plan"
    case skippedPaused = "skipped_paused"
    case skippedWrittenOff = "skipped_written_off"
    /// The channel ran out of retries: nobody was contacted, the message was dead-lettered.
    case failed
    /// The channel refused the job for good (a recipient the relay refuses, a message that
    /// cannot be made): nobody was contacted.
    case failedPermanent = "failed_permanent"
    /// The message could not be handled at all and went to the dead-letter queue.
    case deadLettered = "dead_lettered"

    /// Whether the debtor was contacted.
    public var contacted: Bool { self == .sent || self == .taskCreated || self == .prepared }

    /// The status the job's steps take.
    public var stepStatus: ScheduleStepStatus {
        switch self {
        case .sent, .taskCreated, .prepared, .recorded: .done
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

extension OutcomeKind {
    /// What `channel` records once it has done its part: an email is sent; a letter, a formal
    /// notice or a court dossier is prepared (a person still posts or files it); a call becomes
    /// a task for an agent.
    public static func acted(on channel: Channel) -> OutcomeKind {
        switch channel {
        case .email: .sent
        case .letter, .registeredLetter, .legal: .prepared
        case .call: .taskCreated
        }
    }
}
