import Foundation
import RelanceCore

/// A call task as an agent takes it: whom to call, about what, when, and where it stands.
public struct CallTask: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case open
        case assigned
        case done
        case cancelled
    }

    public var id: UUID
    public var tenantId: UUID
    public var jobId: UUID
    public var debtorId: UUID
    /// The debtor's name and phone as they are now (the talking points keep those of the day
    /// the task was made).
    public var debtorName: String
    public var phone: String?
    public var invoiceIds: [UUID]
    public var priority: Int
    public var window: CallWindow
    public var talkingPoints: CallTalkingPoints
    public var status: Status
    public var agent: String?
    public var assignedAt: Date?
    public var attempts: Int
    public var result: CallResult.Kind?
}

/// A call task to create for a call job (see `CallTaskStore.create`).
public struct NewCallTask: Sendable, Hashable {
    public var tenantId: UUID
    public var jobId: UUID
    public var debtorId: UUID
    public var invoiceIds: [UUID]
    public var stepIds: [UUID]
    public var priority: Int
    public var window: CallWindow
    public var talkingPoints: CallTalkingPoints

    public init(
        tenantId: UUID, jobId: UUID, debtorId: UUID, invoiceIds: [UUID], stepIds: [UUID], priority: Int,
        window: CallWindow, talkingPoints: CallTalkingPoints
    ) {
        self.tenantId = tenantId
        self.jobId = jobId
        self.debtorId = debtorId
        self.invoiceIds = invoiceIds
        self.stepIds = stepIds
        self.priority = priority
        self.window = window
        self.talkingPoints = talkingPoints
    }
}

/// What the call channel needs to know of the debtor to call.
public struct Callee: Sendable, Hashable {
    public var name: String
    public var phone: String?
    /// Set when the phone was found not to be the debtor's (a wrong number).
    public var phoneUnusableReason: String?
    public var kind: DebtorKind
    public var timeZone: TimeZoneID
    /// The debtor said it is short of cash.
    public var statedCashFlowDifficulty: Bool

    /// The phone, when there is one and it is not known to be wrong.
    public var usablePhone: String? {
        guard phoneUnusableReason == nil, let phone = phone?.trimmingCharacters(in: .whitespaces), !phone.isEmpty else { return nil }
        return phone
    }
}

/// What recording a call's result did.
public struct CallRecording: Sendable, Hashable {
    public var taskId: UUID
    public var result: CallResult
    /// The task's status afterwards: done, or open again (no answer, callback).
    public var status: CallTask.Status
    /// Calls made on the task so far, this one included.
    public var attempts: Int
    /// When the task may be taken again, when it was rescheduled.
    public var rescheduledTo: CallWindow?
    /// The invoice transitions the result made (promise, dispute, plan, payment).
    public var transitions: [TransitionResult]
    /// True when the task closed without a settlement and the invoices' ladders go on at once
    /// (no answer after the last try, wrong number).
    public var ladderMovedOn: Bool
}

extension ErrorCode where Domain == StoreError {
    /// The call task is held by another agent, or by nobody (take it with `calls next`).
    public static var callTaskNotHeld: Self { Self(name: "call_task_not_held") }
    /// The call task is done or cancelled: nothing more can be recorded on it.
    public static var callTaskClosed: Self { Self(name: "call_task_closed") }
    /// The result does not fit the task's invoices (another currency, more than is owed, no
    /// invoice still open).
    public static var callResultRefused: Self { Self(name: "call_result_refused") }
}
