/// Where a row of the schedule stands (`schedule_steps.status`).
public enum ScheduleStepStatus: String, Sendable, Hashable, CaseIterable {
    /// Waiting for its due moment; the dispatcher claims it then.
    case planned
    /// Carried by a job in the outbox or in a worker's hands.
    case dispatched
    /// The job contacted the debtor (sent, call task created, dossier prepared).
    case done
    /// The job did not contact the debtor (a guard skipped it, or it failed).
    case skipped
    /// Will not run: superseded, not applicable, or the ladder stopped (see the reason).
    case cancelled

    /// The `status_reason` of a step passed over because a later one is due at the same
    /// time or was already done (the planner's catch-up and no-stepping-back rules).
    public static let supersededReason = "superseded"

    /// The `status_reason` of a planned step brought forward to go at once, before its date in
    /// the ladder, because the contact before it could not be made (an address refused for
    /// good, a call nobody answered): `moved_up: <why>`. The dispatcher sends it when claimed,
    /// where it would otherwise hold a step claimed before its date until that date.
    public static func movedUpReason(_ why: String) -> String { "\(movedUpPrefix)\(why)" }
    public static let movedUpPrefix = "moved_up: "

    /// The `status_reason` of a step whose conditions exclude the invoice or debtor.
    public static func notApplicableReason(_ why: String) -> String { "not_applicable: \(why)" }

    /// The `status_reason` of a step cancelled because the ladder stopped: `paid`,
    /// `disputed` or `written_off` (the `SkipReason` raw value).
    public static func stoppedReason(_ reason: SkipReason) -> String { reason.rawValue }

    /// The row status and reason the store writes for a step as the planner sees it. Done
    /// steps come from the history and are never rewritten; everything the planner will not
    /// carry out is `cancelled` with its reason.
    public static func row(for status: ScheduledStep.Status) -> (status: ScheduleStepStatus, reason: String?) {
        switch status {
        case .planned: (.planned, nil)
        case .done: (.done, nil)
        case .skipped(.superseded): (.cancelled, supersededReason)
        case .skipped(.recorded): (.cancelled, "skipped")
        case .skipped(.ladderStopped(let reason)): (.cancelled, stoppedReason(reason))
        case .notApplicable(let why): (.cancelled, notApplicableReason(why))
        }
    }
}
