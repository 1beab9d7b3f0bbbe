import Foundation
import Metrics
import RelanceCore

/// The pipeline's figures, written through the swift-metrics facade: a process that has
/// bootstrapped a backend (every `relance` role does: Prometheus, served at `/metrics`) exports
/// them; without one they cost next to nothing.
///
/// Labels are bounded: channels and outcomes are closed sets, queues are the topology's.
/// Per-tenant figures are gauges of the top tenants only (`BacklogGauges`).
public enum PipelineMetrics {
    // Workers
    /// Jobs settled with an outcome, by `channel` and `outcome` (`OutcomeKind` raw values).
    public static let jobsProcessed = "relance_jobs_processed_total"
    /// Jobs sent back for a later try, by `channel` and `reason`: `failure` (the channel failed;
    /// the attempt counts), or `held` (under the same attempt: a copy of a job another worker
    /// holds, or work an operator paused).
    public static let jobsRetried = "relance_jobs_retried_total"
    /// Messages sent to the dead-letter queue, by `channel`.
    public static let jobsDeadLettered = "relance_jobs_dead_lettered_total"
    /// From the batch's arrival to its outcomes committed, per job, by `channel`.
    public static let handlingSeconds = "relance_job_handling_seconds"
    /// From a step's due moment (its date at the step hour, in the debtor's zone) to its job's
    /// committed outcome, by `channel`.
    public static let latenessSeconds = "relance_job_lateness_seconds"
    // Dispatcher and relay
    /// Steps the dispatcher's claims took, by `result`: `dispatched` (in a job), `cancelled`
    /// (the invoice was settled), `deferred` (outside the debtor's contact window or budget).
    public static let stepsClaimed = "relance_steps_claimed_total"
    /// Jobs written to the outbox by the dispatcher's claims.
    public static let jobsDispatched = "relance_jobs_dispatched_total"
    /// Jobs the broker confirmed to the relay.
    public static let jobsPublished = "relance_jobs_published_total"
    /// Publications the broker did not confirm (the job stays in the outbox).
    public static let publishFailures = "relance_publish_failures_total"
    // Gauges (sampled by `BacklogGauges` in the dispatcher's process)
    /// Jobs in the outbox not yet confirmed by the broker.
    public static let outboxBacklog = "relance_outbox_backlog"
    /// Age of the oldest step due and not yet claimed (0 when none).
    public static let oldestDueStepSeconds = "relance_oldest_due_step_age_seconds"
    /// Steps due and not yet claimed, by `tenant` (the top tenants; the rest as `other`).
    public static let tenantBacklog = "relance_tenant_backlog"
    /// Messages ready in a queue, by `queue`.
    public static let queueReady = "relance_queue_messages_ready"
    /// Consumers of a queue, by `queue`.
    public static let queueConsumers = "relance_queue_consumers"
    /// Things an operator has paused, by `scope` (channel, tenant, creditor).
    public static let paused = "relance_paused"

    /// Histogram buckets for the lateness: seconds to a week.
    public static let latenessBuckets: [Duration] = [
        .seconds(1), .seconds(10), .seconds(60), .seconds(300), .seconds(900), .seconds(3600),
        .seconds(6 * 3600), .seconds(86_400), .seconds(3 * 86_400), .seconds(7 * 86_400),
    ]
    /// Histogram buckets for the handling time: 5 ms to 2 minutes.
    public static let handlingBuckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
        .seconds(30), .seconds(120),
    ]

    /// Records a worker's settled batch of `channel`'s queue (`attempts`: each message's attempt
    /// as delivered): its outcomes, retries and dead letters, how long it took since
    /// `received`, and how late each job was.
    static func recordBatch(
        _ batch: ProcessedBatch, attempts: [Int], channel: Channel, received: ContinuousClock.Instant, committedAt: Date
    ) {
        let handling = ContinuousClock.now - received
        var processed: [String: [String: Int]] = [:]
        for (_, outcome) in batch.outcomes {
            processed[outcome.channel.rawValue, default: [:]][outcome.kind.rawValue, default: 0] += 1
        }
        for (channelName, byOutcome) in processed {
            for (outcome, count) in byOutcome {
                Counter(label: jobsProcessed, dimensions: [("channel", channelName), ("outcome", outcome)]).increment(by: count)
            }
            let timer = Timer(label: handlingSeconds, dimensions: [("channel", channelName)])
            let jobs = byOutcome.values.reduce(0, +)
            for _ in 0..<jobs { timer.recordNanoseconds(handling.nanoseconds) }
        }
        var lateness: [String: Timer] = [:]
        for (message, outcome) in batch.outcomes {
            guard let due = batch.dueMoments[message] else { continue }
            let timer = lateness[outcome.channel.rawValue] ?? Timer(label: latenessSeconds, dimensions: [("channel", outcome.channel.rawValue)])
            lateness[outcome.channel.rawValue] = timer
            timer.recordNanoseconds(Int64(max(0, committedAt.timeIntervalSince(due)) * 1_000_000_000))
        }
        var retried = (failure: 0, held: 0)
        var deadLettered = 0
        for (index, disposition) in batch.dispositions.enumerated() {
            switch disposition {
            case .acknowledge: continue
            case .retry(_, let next) where index < attempts.count && next <= attempts[index]: retried.held += 1
            case .retry: retried.failure += 1
            case .deadLetter: deadLettered += 1
            }
        }
        let name = channel.queueChannel.rawValue
        if retried.failure > 0 {
            Counter(label: jobsRetried, dimensions: [("channel", name), ("reason", "failure")]).increment(by: retried.failure)
        }
        if retried.held > 0 {
            Counter(label: jobsRetried, dimensions: [("channel", name), ("reason", "held")]).increment(by: retried.held)
        }
        if deadLettered > 0 { Counter(label: jobsDeadLettered, dimensions: [("channel", name)]).increment(by: deadLettered) }
    }
}

extension PipelineMetrics {
    static func recordDispatch(_ summary: DispatchSummary) {
        guard summary.claimed > 0 else { return }
        for (result, count) in [("dispatched", summary.dispatched), ("cancelled", summary.cancelled), ("deferred", summary.deferred)] where count > 0 {
            Counter(label: stepsClaimed, dimensions: [("result", result)]).increment(by: count)
        }
        if summary.jobs > 0 { Counter(label: jobsDispatched).increment(by: summary.jobs) }
    }

    static func recordPublish(confirmed: Int, failed: Int) {
        if confirmed > 0 { Counter(label: jobsPublished).increment(by: confirmed) }
        if failed > 0 { Counter(label: publishFailures).increment(by: failed) }
    }
}

extension Duration {
    /// The whole duration in nanoseconds (saturating).
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : whole + attoseconds / 1_000_000_000
    }
}
