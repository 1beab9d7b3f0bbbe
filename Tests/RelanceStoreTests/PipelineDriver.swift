import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelanceStore
import Synchronization

/// Moves steps through the pipeline's stores as a dispatcher and a worker would: claim what is
/// due, put each step in its own job, record the worker's outcome.
struct PipelineDriver: Sendable {
    let client: PostgresClient
    var logger: Logger { TestDatabase.logger }
    var dispatch: DispatchStore { DispatchStore(client: client, logger: logger) }
    var outcomes: WorkerStore { WorkerStore(client: client, logger: logger) }

    /// Claims the steps due at `now` (up to `batchSize`) and dispatches each in a job of its own.
    func dispatchDue(at now: Date, batchSize: Int = 1_000) async throws -> [(step: DueStep, job: UUID)] {
        let claimed = Mutex<[(step: DueStep, job: UUID)]>([])
        _ = try await dispatch.claimAndDispatch(now: now, batchSize: batchSize) { steps in
            var plan = DispatchPlan()
            var pairs: [(step: DueStep, job: UUID)] = []
            for step in steps {
                let job = ReminderJob(
                    jobId: UUID(), tenantId: step.tenantId, debtorId: step.debtorId, channel: step.channel,
                    steps: [ReminderJob.Step(stepId: step.stepId, invoiceId: step.invoiceId, position: step.position, templateKey: step.templateKey)],
                    createdAt: now
                )
                plan.jobs.append(OutboxJob(id: job.jobId, tenantId: step.tenantId, debtorId: step.debtorId, channel: step.channel, payload: job.encoded()))
                plan.dispatched.append((step.stepId, job.jobId))
                pairs.append((step, job.jobId))
            }
            claimed.withLock { $0 = pairs }
            return plan
        }
        return claimed.withLock { $0 }
    }

    /// Dispatches what is due at `now` and records `outcome` for every job.
    @discardableResult
    func carryOut(
        at now: Date, outcome: OutcomeKind = .sent, completedAt: Date? = nil, unusable: ContactPoint? = nil
    ) async throws -> [DueStep] {
        let dispatched = try await dispatchDue(at: now)
        try await outcomes.record(dispatched.map { step, job in
            JobOutcome(
                jobId: job, stepIds: [step.stepId], tenantId: step.tenantId, debtorId: step.debtorId, channel: step.channel, kind: outcome,
                detail: unusable == nil ? "{}" : #"{"reason":"550 5.1.1 mailbox unavailable"}"#,
                completedAt: completedAt ?? now, unusableContact: unusable
            )
        })
        return dispatched.map(\.step)
    }
}
