/// One step of an invoice's schedule: when it happens (or happened) and what became of it.
public struct ScheduledStep: Sendable, Hashable {
    /// Where a step stands.
    public enum Status: Sendable, Hashable, CustomStringConvertible {
        /// Still to come, or due now when its date is on or before today.
        case planned
        /// Carried out on that day.
        case done(on: CalendarDate)
        /// Will not be carried out.
        case skipped(SkipCause)
        /// Its conditions exclude this invoice or debtor; the reason says which.
        case notApplicable(reason: String)

        /// `planned`, `done`, `skipped` or `not_applicable`: the value for a status column.
        public var name: String {
            switch self {
            case .planned: "planned"
            case .done: "done"
            case .skipped: "skipped"
            case .notApplicable: "not_applicable"
            }
        }

        public var description: String {
            switch self {
            case .planned: "planned"
            case .done(let on): "done on \(on)"
            case .skipped(let cause): "skipped: \(cause)"
            case .notApplicable(let reason): "not applicable: \(reason)"
            }
        }
    }

    /// Why a step is skipped.
    public enum SkipCause: Sendable, Hashable, CustomStringConvertible {
        /// A later step was carried out or falls due at the same time, so this one is passed
        /// over: the debtor never gets several overdue steps at once, and the ladder never
        /// steps back.
        case superseded(byStepIndex: Int)
        /// The history records it as skipped on that day.
        case recorded(on: CalendarDate)
        /// The ladder has stopped (paid, disputed, written off).
        case ladderStopped(SkipReason)

        public var description: String {
            switch self {
            case .superseded(let index): "superseded by step \(index + 1)"
            case .recorded(let on): "skipped on \(on)"
            case .ladderStopped(let reason): "ladder stopped (\(reason.rawValue))"
            }
        }
    }

    /// Index of the step in the policy's `steps`.
    public let stepIndex: Int
    /// The due date plus the step's offset: where the policy puts it.
    public let originalDate: CalendarDate
    /// When it happens: the day it was done, the day it fell due, or the day it is expected
    /// (later than `originalDate` when a pause or a late step pushed the ladder back).
    public let date: CalendarDate
    public let channel: Channel
    public let templateKey: String
    public let tone: Tone
    public let status: Status

    public init(stepIndex: Int, originalDate: CalendarDate, date: CalendarDate, channel: Channel, templateKey: String, tone: Tone, status: Status) {
        self.stepIndex = stepIndex
        self.originalDate = originalDate
        self.date = date
        self.channel = channel
        self.templateKey = templateKey
        self.tone = tone
        self.status = status
    }

    public var isPlanned: Bool {
        if case .planned = status { return true }
        return false
    }
}
