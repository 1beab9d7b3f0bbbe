import Foundation
import Logging
import PostgresNIO
import RelanceCore

/// The figures of the operators' dashboard (`/ops`), across every tenant: read through the
/// owner's connection (row-level security does not apply to it), as of one moment.
public struct OperationsDashboard: Sendable, Hashable {
    public var now: Date
    /// The first hour of the throughput window (`throughputHours` whole hours up to now's).
    public var windowStart: Date
    public var throughput: [HourlyThroughput]
    /// Outcomes written in the window, by kind (`sent`, `failed`, `dead_lettered`, …).
    public var outcomes: [String: Int]
    public var outbox: [ChannelBacklog]
    /// Steps due and not yet claimed by a dispatcher, and the oldest one's due time.
    public var dueUnclaimed: Int
    public var oldestDueUnclaimed: Date?
    public var backlogByTenant: [TenantCount]
    public var pausedByTenant: [TenantCount]
    public var deadLetters: DeadLetterSummary

    public static let throughputHours = 24
}

/// Outcomes completed in one hour on one channel.
public struct HourlyThroughput: Sendable, Hashable {
    public var hourStart: Date
    public var channel: RelanceCore.Channel
    public var jobs: Int
}

/// Jobs of one channel written to the outbox and not yet published, and the oldest one's age.
public struct ChannelBacklog: Sendable, Hashable {
    public var channel: RelanceCore.Channel
    public var jobs: Int
    public var oldest: Date
}

/// A count for one tenant.
public struct TenantCount: Sendable, Hashable {
    public var tenantId: TenantID
    public var tenantName: String
    public var count: Int
}

/// Dead letters collected from the broker's dead-letter queues (`dead_letters`): how many wait
/// for an operator, how many arrived in the window, and the latest waiting ones.
public struct DeadLetterSummary: Sendable, Hashable {
    /// Waiting for a replay or a discard.
    public var total: Int
    /// Collected in the throughput window, whatever became of them since.
    public var inWindow: Int
    public var latest: [Entry]

    public struct Entry: Sendable, Hashable {
        /// The dead letter's id (`relance ops dead-letters show ID`).
        public var id: Int64
        /// The tenant's name; nil when the body named none (it did not decode).
        public var tenantName: String?
        public var channel: String
        public var at: Date
        public var reason: String?
    }
}

/// Reads the operators' figures.
public struct OperationsDashboardReport: Sendable {
    /// The owner's client.
    public let client: PostgresClient
    public let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Every figure as of `now`, in one read-only transaction (one snapshot).
    public func figures(now: Date) async throws -> OperationsDashboard {
        let hour = Date(timeIntervalSince1970: (now.timeIntervalSince1970 / 3600).rounded(.down) * 3600)
        let start = hour.addingTimeInterval(-Double(OperationsDashboard.throughputHours - 1) * 3600)
        let end = hour.addingTimeInterval(3600)
        return try await client.transaction(logger: logger) { connection in
            try await connection.query("SET TRANSACTION READ ONLY", logger: logger)
            var figures = OperationsDashboard(
                now: now, windowStart: start, throughput: [], outcomes: [:], outbox: [], dueUnclaimed: 0, oldestDueUnclaimed: nil,
                backlogByTenant: [], pausedByTenant: [], deadLetters: DeadLetterSummary(total: 0, inWindow: 0, latest: [])
            )
            let throughput = try await connection.query(
                """
                SELECT floor(extract(epoch FROM completed_at - \(start)::timestamptz) / 3600)::integer, channel, count(*)::bigint
                FROM job_outcomes WHERE completed_at >= \(start) AND completed_at < \(end)
                GROUP BY 1, 2 ORDER BY 1, 2
                """,
                logger: logger
            )
            for try await (index, channel, count) in throughput.decode((Int32, String, Int64).self) {
                guard let channel = RelanceCore.Channel(rawValue: channel) else { continue }
                figures.throughput.append(HourlyThroughput(hourStart: start.addingTimeInterval(Double(index) * 3600), channel: channel, jobs: Int(count)))
            }
            for try await (outcome, count) in try await connection.query(
                "SELECT outcome, count(*)::bigint FROM job_outcomes WHERE completed_at >= \(start) AND completed_at < \(end) GROUP BY outcome",
                logger: logger
            ).decode((String, Int64).self) {
                figures.outcomes[outcome] = Int(count)
            }
            for try await (channel, count, oldest) in try await connection.query(
                """
                SELECT j.channel, count(*)::bigint, min(j.created_at)
                FROM outbox o JOIN jobs j ON j.id = o.job_id GROUP BY j.channel ORDER BY j.channel
                """,
                logger: logger
            ).decode((String, Int64, Date).self) {
                guard let channel = RelanceCore.Channel(rawValue: channel) else { continue }
                figures.outbox.append(ChannelBacklog(channel: channel, jobs: Int(count), oldest: oldest))
            }
            for try await (count, oldest) in try await connection.query(
                "SELECT count(*)::bigint, min(due_at) FROM schedule_steps WHERE status = 'planned' AND due_at <= \(now)",
                logger: logger
            ).decode((Int64, Date?).self) {
                figures.dueUnclaimed = Int(count)
                figures.oldestDueUnclaimed = oldest
            }
            figures.backlogByTenant = try await Self.perTenant(
                "SELECT s.tenant_id, t.name, count(*)::bigint FROM schedule_steps s JOIN tenants t ON t.id = s.tenant_id WHERE s.status = 'planned' AND s.due_at <= \(now) GROUP BY 1, 2 ORDER BY 3 DESC, 2 LIMIT 10",
                on: connection, logger: logger
            )
            figures.pausedByTenant = try await Self.perTenant(
                "SELECT i.tenant_id, t.name, count(*)::bigint FROM invoices i JOIN tenants t ON t.id = i.tenant_id WHERE i.state = 'paused' GROUP BY 1, 2 ORDER BY 3 DESC, 2 LIMIT 10",
                on: connection, logger: logger
            )
            for try await (total, recent) in try await connection.query(
                """
                SELECT (count(*) FILTER (WHERE state = 'waiting'))::bigint,
                       (count(*) FILTER (WHERE collected_at >= \(start) AND collected_at < \(end)))::bigint
                FROM dead_letters
                """,
                logger: logger
            ).decode((Int64, Int64).self) {
                figures.deadLetters.total = Int(total)
                figures.deadLetters.inWindow = Int(recent)
            }
            for try await (id, name, channel, at, reason) in try await connection.query(
                """
                SELECT d.id, t.name, d.channel, d.collected_at, d.reason
                FROM dead_letters d LEFT JOIN tenants t ON t.id = d.tenant_id
                WHERE d.state = 'waiting' ORDER BY d.collected_at DESC, d.id DESC LIMIT 10
                """,
                logger: logger
            ).decode((Int64, String?, String, Date, String?).self) {
                figures.deadLetters.latest.append(.init(id: id, tenantName: name, channel: channel, at: at, reason: reason))
            }
            return figures
        }
    }

    static func perTenant(_ query: PostgresQuery, on connection: PostgresConnection, logger: Logger) async throws -> [TenantCount] {
        var result: [TenantCount] = []
        for try await (id, name, count) in try await connection.query(query, logger: logger).decode((UUID, String, Int64).self) {
            result.append(TenantCount(tenantId: TenantID(id), tenantName: name, count: Int(count)))
        }
        return result
    }
}
