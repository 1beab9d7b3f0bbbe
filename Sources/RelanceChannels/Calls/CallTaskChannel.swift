import Foundation
import Logging
// PostgresNIO (through NIO) has its own `Channel` and `ChannelError`: this file names
// Relance's with their module.
import PostgresNIO
import RelanceCore
import RelancePipeline
import RelanceStore

/// The call channel: a `call` job becomes a task an agent takes with `relance calls next`. The
/// task carries the talking points (contact history, amounts with penalties, the solution to
/// suggest — a payment plan for a debtor short of cash), a priority (amount due and days late)
/// and a window inside the debtor's call hours. Outcome `task_created`, no artefact.
///
/// A redelivered job finds its task and creates no second one (the task is keyed on the job
/// id). A database error is transient; a job without its message, an unknown debtor, or a
/// debtor without a usable phone is refused for good (the phone is then marked unusable, and
/// the ladder goes on by its next step).
public struct CallTaskChannel: ReminderChannel {
    public let channels: Set<RelanceCore.Channel> = [.call]
    public let store: CallTaskStore
    public let personalisation: PersonalisationRules
    public let logger: Logger

    /// - Parameters:
    ///   - client: the database the tasks are written to.
    ///   - complianceRules: the call windows, holidays and contact budget (`ReferenceData`'s).
    ///   - personalisation: the rules of the payment plan suggested to a debtor short of cash.
    public init(
        client: PostgresClient, complianceRules: ComplianceRules,
        personalisation: PersonalisationRules = PersonalisationRules(), logger: Logger
    ) {
        self.store = CallTaskStore(client: client, rules: complianceRules, logger: logger)
        self.personalisation = personalisation
        self.logger = logger
    }

    /// The channel with the worker's reference data (its compliance rules).
    public init(client: PostgresClient, reference: ReferenceData, logger: Logger) {
        self.init(client: client, complianceRules: reference.complianceRules, logger: logger)
    }

    public func perform(_ job: ChannelJob) async throws(RelancePipeline.ChannelError) -> ChannelDelivery {
        let reminder = job.job
        guard reminder.channel == .call else {
            throw .permanent("the call channel cannot carry a \(reminder.channel.rawValue) job")
        }
        guard let context = job.message else {
            throw .permanent("call job \(reminder.jobId) has no message context: nothing to brief the agent with")
        }
        guard !job.steps.isEmpty else {
            throw .permanent("call job \(reminder.jobId) has no step left to call about")
        }
        let callee: Callee
        do {
            guard let found = try await store.callee(tenant: reminder.tenantId, debtor: reminder.debtorId) else {
                throw RelancePipeline.ChannelError.permanent("debtor \(reminder.debtorId) of call job \(reminder.jobId) is unknown")
            }
            callee = found
        } catch let error as RelancePipeline.ChannelError {
            throw error
        } catch {
            throw .transient("cannot read the debtor of call job \(reminder.jobId): \(error)")
        }
        guard let phone = callee.usablePhone else {
            let why = callee.phoneUnusableReason.map { "its phone is known wrong (\($0))" } ?? "it has no phone number"
            throw .unusable(.phone, "debtor \(callee.name) cannot be called: \(why)")
        }

        let recipient = ContactRecipient(timeZone: callee.timeZone.zone, debtorKind: callee.kind)
        let today = CalendarDate(job.now, in: callee.timeZone.zone)
        let task: NewCallTask
        do {
            let proposal = CallTalkingPoints.suggestedPlan(
                context: context, statedCashFlowDifficulty: callee.statedCashFlowDifficulty, today: today, rules: personalisation
            )
            let points = try CallTalkingPoints.make(context: context, phone: phone, proposal: proposal)
            task = NewCallTask(
                tenantId: reminder.tenantId, jobId: reminder.jobId, debtorId: reminder.debtorId,
                invoiceIds: Self.unique(job.steps.map(\.invoiceId)), stepIds: job.steps.map(\.stepId),
                priority: CallPriority.score(amountDue: points.due, daysLate: points.daysLate),
                window: try CallWindow.first(from: job.now, recipient: recipient, rules: store.rules),
                talkingPoints: points
            )
        } catch {
            throw .permanent("cannot prepare the call of job \(reminder.jobId): \(error)")
        }

        let saved: (id: UUID, created: Bool)
        do {
            saved = try await store.create(task)
        } catch {
            throw .transient("cannot save the call task of job \(reminder.jobId): \(error)")
        }
        logger.debug("Call task ready", metadata: [
            "job.id": "\(reminder.jobId)", "task.id": "\(saved.id)", "task.created": "\(saved.created)",
        ])
        // A redelivered job reports the task made the first time, as it stands.
        var priority = task.priority, window = task.window
        if !saved.created, let existing = try? await store.task(saved.id) {
            priority = existing.priority
            window = existing.window
        }
        return ChannelDelivery(outcome: .taskCreated, detail: Self.detail(id: saved.id, priority: priority, window: window))
    }

    /// `{"earliest": …, "latest": …, "priority": 420, "task_id": "…"}` (moments with the
    /// debtor's offset).
    static func detail(id: UUID, priority: Int, window: CallWindow) -> String {
        struct Detail: Encodable {
            var taskId: String
            var priority: Int
            var earliest: String
            var latest: String
            var timeZone: String
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let detail = Detail(
            taskId: id.uuidString.lowercased(), priority: priority, earliest: window.earliest.iso8601,
            latest: window.latest.iso8601, timeZone: window.earliest.timeZone.identifier
        )
        return (try? encoder.encode(detail)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    private static func unique(_ ids: [UUID]) -> [UUID] {
        var seen = Set<UUID>()
        return ids.filter { seen.insert($0).inserted }
    }
}
