import Foundation
import RelanceCore

/// One step of an invoice's schedule as an operator sees it, with what the worker did.
public struct TimelineEntry: Sendable, Hashable {
    public var stepId: UUID
    /// Index of the step in the invoice's ladder.
    public var position: Int
    public var dueDate: CalendarDate
    /// When it falls due (08:00 in the debtor's time zone, or later when deferred).
    public var dueAt: Date
    public var channel: Channel
    public var templateKey: String
    public var tone: Tone
    public var status: ScheduleStepStatus
    public var statusReason: String?
    public var jobId: UUID?
    /// The worker's outcome for the step's job, once recorded.
    public var outcome: OutcomeKind?
    public var completedAt: Date?
    public var artefactURI: String?
    /// The outcome's detail (a JSON object), once recorded.
    public var outcomeDetail: String?

    public init(
        stepId: UUID, position: Int, dueDate: CalendarDate, dueAt: Date, channel: Channel, templateKey: String,
        tone: Tone, status: ScheduleStepStatus, statusReason: String? = nil, jobId: UUID? = nil,
        outcome: OutcomeKind? = nil, completedAt: Date? = nil, artefactURI: String? = nil, outcomeDetail: String? = nil
    ) {
        self.stepId = stepId
        self.position = position
        self.dueDate = dueDate
        self.dueAt = dueAt
        self.channel = channel
        self.templateKey = templateKey
        self.tone = tone
        self.status = status
        self.statusReason = statusReason
        self.jobId = jobId
        self.outcome = outcome
        self.completedAt = completedAt
        self.artefactURI = artefactURI
        self.outcomeDetail = outcomeDetail
    }
}
