import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelancePipeline

/// How long the oldest work behind each queue has waited, read from the database.
///
/// RabbitMQ 3.10 reports a head-message timestamp for classic queues only; every relance queue is
/// a quorum queue, and a peek (`basic.get` then a requeue) would count as a delivery against
/// the queue's delivery limit. The database knows the same thing from the other side:
/// - a channel's queue (`relance.email`, …): its oldest job that was published and has not
///   finished — no outcome, not in the outbox. It waits in that queue, in one of its retry
///   queues, or in a worker's hands (held while its channel is paused, for one).
/// - a dead-letter queue (`relance.dlq.email`, …): its oldest dead letter waiting for an
///   operator in `dead_letters`, where the collector moves what reaches the queue.
///
/// Jobs are looked for among those written in the last `lookback` (a day by default) only, by
/// a range of the time-ordered primary key: every finished job of the window is looked at, so
/// the window bounds the cost. A job waiting longer is not seen (a queue holding nothing else
/// shows `unknown`); `relance ops queues --lookback 7d` looks further.
public struct QueueAges: Sendable {
    /// The owner's pool: the figures are across tenants.
    public let client: PostgresClient
    public let logger: Logger
    /// How far back jobs are looked at. A day's jobs at collection-agency volume (125 000)
    /// take about a third of a second to look through; a job waiting longer is not seen.
    public var lookback: TimeInterval = QueueAges.defaultLookback
    public static let defaultLookback: TimeInterval = 86_400

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// The oldest waiting work of a queue channel.
    public struct Oldest: Sendable, Hashable {
        /// How many jobs (or dead letters) wait.
        public var count: Int
        /// When the oldest was written (a job) or collected (a dead letter).
        public var since: Date
    }

    /// Per queue channel (`Channel.queueChannel`: registered letters count with letters), the
    /// jobs published and not finished among those written in the last `lookback`.
    public func unfinishedJobs(now: Date) async throws -> [RelanceCore.Channel: Oldest] {
        let since = now.addingTimeInterval(-lookback)
        let rows = try await client.query(
            """
            SELECT j.channel, count(*), min(j.created_at) FROM jobs j
            WHERE j.id >= \(UUID.timeOrderedFloor(at: since)) AND j.created_at >= \(since)
              AND NOT EXISTS (SELECT 1 FROM job_outcomes o WHERE o.job_id = j.id)
              AND NOT EXISTS (SELECT 1 FROM outbox b WHERE b.job_id = j.id)
            GROUP BY j.channel
            """,
            logger: logger
        )
        return try await Self.byQueueChannel(rows)
    }

    /// Per queue channel, the dead letters waiting for an operator.
    public func waitingDeadLetters() async throws -> [RelanceCore.Channel: Oldest] {
        let rows = try await client.query(
            "SELECT channel, count(*), min(collected_at) FROM dead_letters WHERE state = 'waiting' GROUP BY channel",
            logger: logger
        )
        return try await Self.byQueueChannel(rows)
    }

    /// `queues` with the age of their oldest waiting work filled in from the database where the
    /// broker reported none (`oldestAgeSource` says which one answered). Retry queues keep the
    /// broker's answer: their messages wait there on purpose.
    public func fill(_ queues: [QueueFigures], now: Date) async throws -> [QueueFigures] {
        let jobs = try await unfinishedJobs(now: now)
        let deadLetters = try await waitingDeadLetters()
        return queues.map { queue in
            var queue = queue
            if queue.oldestMessageAgeSeconds != nil { return queue }
            for channel in JobTopology.queueChannels {
                let oldest: Oldest?
                switch queue.name {
                case JobTopology.queue(for: channel): oldest = jobs[channel]
                case JobTopology.deadLetterQueue(for: channel): oldest = deadLetters[channel]
                default: continue
                }
                if let oldest {
                    queue.oldestMessageAgeSeconds = max(0, now.timeIntervalSince(oldest.since))
                    queue.oldestAgeSource = .database
                }
            }
            return queue
        }
    }

    private static func byQueueChannel(_ rows: PostgresRowSequence) async throws -> [RelanceCore.Channel: Oldest] {
        var result: [RelanceCore.Channel: Oldest] = [:]
        for try await (name, count, since) in rows.decode((String, Int, Date).self) {
            // A channel this build does not know (a newer version's row) is left out.
            guard let channel = RelanceCore.Channel(rawValue: name)?.queueChannel else { continue }
            if let known = result[channel] {
                result[channel] = Oldest(count: known.count + count, since: min(known.since, since))
            } else {
                result[channel] = Oldest(count: count, since: since)
            }
        }
        return result
    }
}
