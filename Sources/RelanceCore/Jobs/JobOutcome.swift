import Foundation

/// One outcome to record.
public struct JobOutcome: Sendable, Hashable {
    public var jobId: UUID
    /// The schedule steps the job carried (its message names them): they move to done or
    /// skipped with the outcome.
    public var stepIds: [UUID]
    public var tenantId: UUID
    public var debtorId: UUID
    public var channel: Channel
    public var kind: OutcomeKind
    /// Details for operators and the timeline, as a JSON object.
    public var detail: String
    /// Where the artefact is (a PDF, a stored email), when there is one.
    public var artefactURI: String?
    public var attempts: Int
    /// When the worker finished; nil means the moment it is recorded (the database's clock).
    /// The demo passes its simulated clock.
    public var completedAt: Date?
    /// The debtor's contact point the channel found unusable for good (the relay refused the
    /// address): it is marked so, the debtor's later steps on that channel are skipped, and the
    /// ladder goes on at once by the next step on another channel.
    public var unusableContact: ContactPoint?

    public init(
        jobId: UUID, stepIds: [UUID], tenantId: UUID, debtorId: UUID, channel: Channel, kind: OutcomeKind,
        detail: String = "{}", artefactURI: String? = nil, attempts: Int = 1, completedAt: Date? = nil,
        unusableContact: ContactPoint? = nil
    ) {
        self.jobId = jobId
        self.stepIds = stepIds
        self.tenantId = tenantId
        self.debtorId = debtorId
        self.channel = channel
        self.kind = kind
        self.detail = detail
        self.artefactURI = artefactURI
        self.attempts = attempts
        self.completedAt = completedAt
        self.unusableContact = unusableContact
    }
}
