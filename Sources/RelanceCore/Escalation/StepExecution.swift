/// What became of one step of an invoice's ladder: the planner's memory.
///
/// Record `.done` when the step's action was carried out (message sent, call task created,
/// dossier prepared) and `.skipped` when the step was passed over for good (superseded by a
/// later step, or cancelled by a person). Do not record a job that a guard skipped
/// (`skipped_paid`, `skipped_promise`, …) as a skipped step: the step must stay eligible in
/// case the ladder resumes.
public struct StepExecution: Sendable, Hashable, Codable {
    public enum Outcome: String, Sendable, Hashable, Codable {
        case done
        case skipped
    }

    /// Index of the step in the ladder the schedule was planned from.
    public let stepIndex: Int
    public let date: CalendarDate
    public let outcome: Outcome

    public init(stepIndex: Int, date: CalendarDate, outcome: Outcome) {
        self.stepIndex = stepIndex
        self.date = date
        self.outcome = outcome
    }
}
