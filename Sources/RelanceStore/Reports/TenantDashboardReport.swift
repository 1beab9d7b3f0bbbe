import Foundation
import Logging
import PostgresNIO
import RelanceCore

/// The figures of a tenant's dashboard (`/app`), read in one transaction acting for the tenant
/// (row-level security: nothing of another tenant can enter them). Money is in integer minor
/// units, one figure per currency: amounts of different currencies are never added.
public struct TenantDashboard: Sendable, Hashable {
    public var tenantName: String
    /// The business day the figures are computed on.
    public var today: CalendarDate
    public var ageing: [AgeingBalance]
    public var salesOutstanding: [DaysSalesOutstanding]
    public var recovered: [RecoveredAmount]
    public var recoveredByWeek: [WeeklyRecovery]
    public var upcoming: [UpcomingSteps]
    public var callTasks: CallTaskQueue
    public var dossiers: DossierQueue
}

/// How far past its due date an outstanding amount is, on the report's day.
public enum AgeingBucket: Int, Sendable, Hashable, CaseIterable, Comparable {
    /// Due after today.
    case notYetDue = 0
    /// Due today up to 30 days ago.
    case days0to30
    case days31to60
    case days61to90
    /// More than 90 days past due.
    case over90

    public var label: String {
        switch self {
        case .notYetDue: "Not yet due"
        case .days0to30: "0–30 days"
        case .days31to60: "31–60 days"
        case .days61to90: "61–90 days"
        case .over90: "Over 90 days"
        }
    }

    /// The bucket of an invoice due `daysPastDue` days ago (negative: not yet due).
    public init(daysPastDue days: Int) {
        switch days {
        case ..<0: self = .notYetDue
        case 0...30: self = .days0to30
        case 31...60: self = .days31to60
        case 61...90: self = .days61to90
        default: self = .over90
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The outstanding amounts of one currency, by bucket (every bucket present, zero when empty).
public struct AgeingBalance: Sendable, Hashable {
    public var currency: String
    public var buckets: [Bucket]

    public struct Bucket: Sendable, Hashable {
        public var bucket: AgeingBucket
        public var outstandingMinor: Int64
        public var invoices: Int
    }

    public var totalMinor: Int64 { buckets.reduce(0) { $0 + $1.outstandingMinor } }
}

/// Days sales outstanding of one currency:
/// `DSO = receivables outstanding ÷ credit sales of the last 90 days × 90`, where receivables
/// outstanding are the outstanding amounts of every invoice neither paid nor written off (due
/// or not), and credit sales are the amounts of the invoices issued in the 90 days up to and
/// including the report's day. Nil when nothing was invoiced in those 90 days.
public struct DaysSalesOutstanding: Sendable, Hashable {
    public static let periodDays = 90
    public var currency: String
    public var receivablesMinor: Int64
    public var creditSalesMinor: Int64

    public var days: Double? {
        guard creditSalesMinor > 0 else { return nil }
        return Double(receivablesMinor) / Double(creditSalesMinor) * Double(Self.periodDays)
    }
}

/// What was paid after a given reminder. A payment is credited to the last reminder of its
/// invoice that reached the debtor (an outcome `sent`, `task_created` or `prepared`) on or
/// before the payment's value date (the reminder's completion day in UTC); a payment with no
/// such reminder is credited to no step (`position == nil`: paid before any reminder).
/// Payments with a value date in the last 365 days up to the report's day.
public struct RecoveredAmount: Sendable, Hashable {
    public static let periodDays = 365
    public var currency: String
    /// The step's place in its ladder (0 first), nil for payments before any reminder.
    public var position: Int?
    public var channel: RelanceCore.Channel?
    public var templateKey: String?
    public var amountMinor: Int64
    public var payments: Int
}

/// Payments of one currency in the week starting `weekStart` (a Monday).
public struct WeeklyRecovery: Sendable, Hashable {
    public static let weeks = 12
    public var weekStart: CalendarDate
    public var currency: String
    public var amountMinor: Int64
}

/// Steps planned on one day for one channel.
public struct UpcomingSteps: Sendable, Hashable {
    public static let horizonDays = 14
    public var day: CalendarDate
    public var channel: RelanceCore.Channel
    public var steps: Int
}

/// Call tasks waiting for an agent.
public struct CallTaskQueue: Sendable, Hashable {
    public var open: Int
    public var assigned: Int
    /// The first ones an agent would get (highest priority, earliest window).
    public var next: [Task]

    public struct Task: Sendable, Hashable {
        public var debtorName: String
        public var priority: Int
        public var earliestAt: Date
        public var agent: String?
    }
}

/// Court dossiers prepared and waiting for a person to review and file them.
public struct DossierQueue: Sendable, Hashable {
    public var readyForReview: Int
    public var oldest: [Dossier]

    public struct Dossier: Sendable, Hashable {
        public var id: UUID
        public var debtorName: String
        public var courtName: String
        public var currency: String
        public var totalMinor: Int64
        public var preparedAt: Date
    }
}

/// Reads a tenant's dashboard figures.
public struct TenantDashboardReport: Sendable {
    public let client: PostgresClient
    public let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Every figure of `tenant` as of `today`, in one transaction (one consistent snapshot of
    /// the figures, under the tenant's row-level security).
    public func figures(of tenant: TenantID, today: CalendarDate) async throws -> TenantDashboard {
        try await client.withTenant(tenant, logger: logger) { connection in
            try await Self.figures(today: today, on: connection, logger: logger)
        }
    }

    /// The figures, on a connection whose transaction already acts for the tenant.
    public static func figures(today: CalendarDate, on connection: PostgresConnection, logger: Logger) async throws -> TenantDashboard {
        var name = ""
        for try await (value) in try await connection.query("SELECT name FROM tenants", logger: logger).decode(String.self) {
            name = value
        }
        return TenantDashboard(
            tenantName: name, today: today,
            ageing: try await ageing(today: today, on: connection, logger: logger),
            salesOutstanding: try await salesOutstanding(today: today, on: connection, logger: logger),
            recovered: try await recovered(today: today, on: connection, logger: logger),
            recoveredByWeek: try await recoveredByWeek(today: today, on: connection, logger: logger),
            upcoming: try await upcoming(today: today, on: connection, logger: logger),
            callTasks: try await callTasks(on: connection, logger: logger),
            dossiers: try await dossiers(on: connection, logger: logger)
        )
    }

    static func ageing(today: CalendarDate, on connection: PostgresConnection, logger: Logger) async throws -> [AgeingBalance] {
        let rows = try await connection.query(
            """
            SELECT currency::text, (\(today)::date - due_date)::integer AS late, outstanding_minor
            FROM invoices
            WHERE outstanding_minor > 0 AND state NOT IN ('paid', 'written_off')
            """,
            logger: logger
        )
        var sums: [String: [AgeingBucket: (Int64, Int)]] = [:]
        for try await (currency, late, outstanding) in rows.decode((String, Int32, Int64).self) {
            let bucket = AgeingBucket(daysPastDue: Int(late))
            let current = sums[currency, default: [:]][bucket] ?? (0, 0)
            sums[currency, default: [:]][bucket] = (current.0 + outstanding, current.1 + 1)
        }
        return sums.keys.sorted().map { currency in
            AgeingBalance(currency: currency, buckets: AgeingBucket.allCases.map { bucket in
                let (amount, count) = sums[currency]?[bucket] ?? (0, 0)
                return AgeingBalance.Bucket(bucket: bucket, outstandingMinor: amount, invoices: count)
            })
        }
    }

    static func salesOutstanding(today: CalendarDate, on connection: PostgresConnection, logger: Logger) async throws -> [DaysSalesOutstanding] {
        let since = today.adding(days: -(DaysSalesOutstanding.periodDays - 1))
        let rows = try await connection.query(
            """
            SELECT currency::text,
                   coalesce(sum(outstanding_minor) FILTER (WHERE state NOT IN ('paid', 'written_off')), 0)::bigint,
                   coalesce(sum(amount_minor) FILTER (WHERE issue_date BETWEEN \(since) AND \(today)), 0)::bigint
            FROM invoices GROUP BY currency ORDER BY currency
            """,
            logger: logger
        )
        var result: [DaysSalesOutstanding] = []
        for try await (currency, receivables, sales) in rows.decode((String, Int64, Int64).self) {
            result.append(DaysSalesOutstanding(currency: currency, receivablesMinor: receivables, creditSalesMinor: sales))
        }
        return result
    }

    static func recovered(today: CalendarDate, on connection: PostgresConnection, logger: Logger) async throws -> [RecoveredAmount] {
        let since = today.adding(days: -(RecoveredAmount.periodDays - 1))
        // For each payment, the last reminder of its invoice completed on or before its value
        // date: the step the job carried for that invoice, joined to the job's outcome.
        let rows = try await connection.query(
            """
            SELECT p.currency::text, r.position, r.channel, r.template_key,
                   sum(p.amount_minor)::bigint, count(*)::bigint
            FROM payments p
            LEFT JOIN LATERAL (
                SELECT s.position, s.channel, s.template_key
                FROM schedule_steps s
                JOIN job_outcomes o ON o.job_id = s.job_id
                WHERE s.invoice_id = p.invoice_id
                  AND o.outcome IN ('sent', 'task_created', 'prepared')
                  AND (o.completed_at AT TIME ZONE 'UTC')::date <= p.paid_on
                ORDER BY o.completed_at DESC, s.position DESC
                LIMIT 1
            ) r ON true
            WHERE p.paid_on BETWEEN \(since) AND \(today)
            GROUP BY 1, 2, 3, 4
            ORDER BY 1, 2 NULLS FIRST, 3, 4
            """,
            logger: logger
        )
        var result: [RecoveredAmount] = []
        for try await (currency, position, channel, template, amount, count) in rows.decode((String, Int32?, String?, String?, Int64, Int64).self) {
            result.append(RecoveredAmount(
                currency: currency, position: position.map(Int.init), channel: channel.flatMap(RelanceCore.Channel.init(rawValue:)),
                templateKey: template, amountMinor: amount, payments: Int(count)
            ))
        }
        return result
    }

    static func recoveredByWeek(today: CalendarDate, on connection: PostgresConnection, logger: Logger) async throws -> [WeeklyRecovery] {
        // Monday of this week, then the 11 weeks before it.
        let thisMonday = today.adding(days: 1 - today.isoWeekday)
        let first = thisMonday.adding(days: -7 * (WeeklyRecovery.weeks - 1))
        let rows = try await connection.query(
            """
            SELECT currency::text, ((paid_on - \(first)::date) / 7)::integer AS week, sum(amount_minor)::bigint
            FROM payments WHERE paid_on BETWEEN \(first) AND \(today)
            GROUP BY 1, 2
            """,
            logger: logger
        )
        var sums: [String: [Int: Int64]] = [:]
        for try await (currency, week, amount) in rows.decode((String, Int32, Int64).self) {
            sums[currency, default: [:]][Int(week)] = amount
        }
        return sums.keys.sorted().flatMap { currency in
            (0..<WeeklyRecovery.weeks).map { week in
                WeeklyRecovery(weekStart: first.adding(days: 7 * week), currency: currency, amountMinor: sums[currency]?[week] ?? 0)
            }
        }
    }

    static func upcoming(today: CalendarDate, on connection: PostgresConnection, logger: Logger) async throws -> [UpcomingSteps] {
        let end = today.adding(days: UpcomingSteps.horizonDays - 1)
        let rows = try await connection.query(
            """
            SELECT due_date, channel, count(*)::bigint FROM schedule_steps
            WHERE status = 'planned' AND due_date BETWEEN \(today) AND \(end)
            GROUP BY 1, 2 ORDER BY 1, 2
            """,
            logger: logger
        )
        var result: [UpcomingSteps] = []
        for try await (day, channel, count) in rows.decode((CalendarDate, String, Int64).self) {
            guard let channel = RelanceCore.Channel(rawValue: channel) else { continue }
            result.append(UpcomingSteps(day: day, channel: channel, steps: Int(count)))
        }
        return result
    }

    static func callTasks(on connection: PostgresConnection, logger: Logger) async throws -> CallTaskQueue {
        var queue = CallTaskQueue(open: 0, assigned: 0, next: [])
        let counts = try await connection.query(
            "SELECT status, count(*)::bigint FROM call_tasks WHERE status IN ('open', 'assigned') GROUP BY status",
            logger: logger
        )
        for try await (status, count) in counts.decode((String, Int64).self) {
            if status == "open" { queue.open = Int(count) } else { queue.assigned = Int(count) }
        }
        let rows = try await connection.query(
            """
            SELECT d.name, t.priority, t.earliest_at, t.agent
            FROM call_tasks t JOIN debtors d ON d.id = t.debtor_id
            WHERE t.status IN ('open', 'assigned')
            ORDER BY t.priority DESC, t.earliest_at, t.id LIMIT 5
            """,
            logger: logger
        )
        for try await (name, priority, earliest, agent) in rows.decode((String, Int32, Date, String?).self) {
            queue.next.append(.init(debtorName: name, priority: Int(priority), earliestAt: earliest, agent: agent))
        }
        return queue
    }

    static func dossiers(on connection: PostgresConnection, logger: Logger) async throws -> DossierQueue {
        var queue = DossierQueue(readyForReview: 0, oldest: [])
        for try await count in try await connection.query(
            "SELECT count(*)::bigint FROM legal_filings WHERE status = 'ready_for_review'", logger: logger
        ).decode(Int64.self) {
            queue.readyForReview = Int(count)
        }
        let rows = try await connection.query(
            """
            SELECT f.id, d.name, f.court_name, f.currency::text, f.total_minor, f.prepared_at
            FROM legal_filings f JOIN debtors d ON d.id = f.debtor_id
            WHERE f.status = 'ready_for_review'
            ORDER BY f.prepared_at, f.id LIMIT 10
            """,
            logger: logger
        )
        for try await (id, name, court, currency, total, prepared) in rows.decode((UUID, String, String, String, Int64, Date).self) {
            queue.oldest.append(.init(id: id, debtorName: name, courtName: court, currency: currency, totalMinor: total, preparedAt: prepared))
        }
        return queue
    }
}
