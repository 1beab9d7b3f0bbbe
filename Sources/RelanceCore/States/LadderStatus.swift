/// Whether an invoice's dunning ladder runs on a given day — what the dispatcher's state
/// guard and the worker's stale-job guard ask.
public enum LadderStatus: Sendable, Hashable, CustomStringConvertible {
    /// Steps fall due. `resumed` says why a ladder that was waiting runs again, if it was.
    case active(resumed: ResumeReason?)
    /// Steps wait. `resumesOn` is the first day the ladder may run again (nil: until a person
    /// resumes it); for a payment plan it runs again only if the next installment is missed.
    case paused(resumesOn: CalendarDate?, reason: PauseReason)
    /// No step runs until a person acts (a dispute), or ever again (paid, written off).
    case stopped(StopReason)

    /// Why the ladder waits.
    public enum PauseReason: Sendable, Hashable {
        case promiseToPay(payBy: CalendarDate)
        /// `nextInstallment` is nil when every installment is covered and the settling payment
        /// is about to be recorded.
        case paymentPlan(nextInstallment: Installment?)
        case manual(reason: String, by: String)
    }

    /// Why the ladder stopped.
    public enum StopReason: Sendable, Hashable {
        case paid(on: CalendarDate)
        case disputed(reason: String)
        case writtenOff(reason: String)
    }

    /// Why a waiting ladder runs again.
    public enum ResumeReason: Sendable, Hashable {
        case brokenPromise(payBy: CalendarDate)
        case missedInstallment(Installment)
        case pauseEnded(on: CalendarDate)
    }

    public var isActive: Bool {
        if case .active = self { return true }
        return false
    }

    /// The guard's answer: nil when active, otherwise the reason to skip (`skipped_<reason>`).
    public var skipReason: SkipReason? {
        switch self {
        case .active: nil
        case .paused(_, .promiseToPay): .promise
        case .paused(_, .paymentPlan): .plan
        case .paused(_, .manual): .paused
        case .stopped(.paid): .paid
        case .stopped(.disputed): .disputed
        case .stopped(.writtenOff): .writtenOff
        }
    }

    public var description: String {
        switch self {
        case .active(nil):
            "active"
        case .active(.brokenPromise(let payBy)?):
            "active: the promise to pay by \(payBy) was broken"
        case .active(.missedInstallment(let installment)?):
            "active: installment \(installment.number) of \(installment.amount) due \(installment.dueDate) was missed"
        case .active(.pauseEnded(let on)?):
            "active: the pause ended on \(on)"
        case .paused(let resumesOn, let reason):
            "paused (\(reason.text))" + (resumesOn.map { " until \($0)" } ?? " until resumed by a person")
        case .stopped(.paid(let on)):
            "stopped: paid on \(on)"
        case .stopped(.disputed(let reason)):
            "stopped: disputed (\(reason))"
        case .stopped(.writtenOff(let reason)):
            "stopped: written off (\(reason))"
        }
    }
}

extension LadderStatus.PauseReason {
    fileprivate var text: String {
        switch self {
        case .promiseToPay(let payBy): "promise to pay by \(payBy)"
        case .paymentPlan(let next?): "payment plan, next installment \(next.amount) due \(next.dueDate)"
        case .paymentPlan(nil): "payment plan, every installment received"
        case .manual(let reason, let by): "paused by \(by): \(reason)"
        }
    }
}
