import Foundation

/// What a benchmark run measured; printed as text, or as one JSON object with `--json`.
public struct BenchReport: Sendable, Encodable {
    struct Phase: Sendable, Encodable {
        var name: String
        /// Seconds after the first claim began.
        var start: Double
        var end: Double
        var duration: Double { end - start }
        var items: Int
        var passes: Int
        /// CPU seconds per process group while this phase ran alone (sequential mode).
        var cpuSeconds: [String: Double]?

        enum CodingKeys: String, CodingKey { case name, start, end, duration, items, passes, cpuSeconds }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(start.rounded(places: 4), forKey: .start)
            try container.encode(end.rounded(places: 4), forKey: .end)
            try container.encode(duration.rounded(places: 4), forKey: .duration)
            try container.encode(items, forKey: .items)
            try container.encode(passes, forKey: .passes)
            try container.encodeIfPresent(cpuSeconds, forKey: .cpuSeconds)
        }
    }

    /// What one channel did: its jobs and the reminders they carried, from the start of its
    /// first action to the end of its last (seconds after the first claim), and the seconds
    /// spent inside the channel's actions (summed over concurrent ones).
    struct ChannelRate: Sendable, Encodable {
        var channel: String
        var jobs: Int
        var reminders: Int
        var start: Double
        var end: Double
        var actionSeconds: Double
        var remindersPerSecond: Double { end > start ? Double(reminders) / (end - start) : 0 }
        var millisecondsPerJob: Double { jobs > 0 ? actionSeconds * 1000 / Double(jobs) : 0 }

        enum CodingKeys: String, CodingKey { case channel, jobs, reminders, start, end, remindersPerSecond, millisecondsPerJob }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(channel, forKey: .channel)
            try container.encode(jobs, forKey: .jobs)
            try container.encode(reminders, forKey: .reminders)
            try container.encode(start.rounded(places: 4), forKey: .start)
            try container.encode(end.rounded(places: 4), forKey: .end)
            try container.encode(remindersPerSecond.rounded(), forKey: .remindersPerSecond)
            try container.encode(millisecondsPerJob.rounded(places: 3), forKey: .millisecondsPerJob)
        }
    }

    struct Latency: Sendable, Codable {
        /// Milliseconds from a job's creation (the claim that made it) to its outcome.
        var p50: Double
        var p90: Double
        var p99: Double
        var max: Double
    }

    public struct Verification: Sendable, Codable {
        public var ok: Bool
        var seededSteps: Int
        /// Seeded steps done, with exactly one job and that job's one outcome.
        var stepsWithOneOutcome: Int
        var stepsInSeveralJobs: Int
        /// (debtor, channel) pairs given more than one job by the run (must be 0).
        var debtorChannelsTwice: Int
        var jobs: Int
        var outcomes: Int
        /// Outcomes that record a rendered message (its subject or title).
        var renderedMessages: Int
        var messagesLeftInQueues: Int
        var problems: [String]
    }

    var command: String
    var build: String
    var cores: Int
    /// The simulated moment the run started (Europe/Paris).
    var benchClock: String
    var settings: BenchSettings
    var seed: Seed
    /// Seconds spent seeding (not part of the rate).
    var seedSeconds: Double
    /// Due steps carried out per second, from the first claim to the last outcome committed.
    var remindersPerSecond: Double
    var jobsPerSecond: Double
    /// Seconds from the first claim to the last outcome committed.
    var elapsed: Double
    var phases: [Phase]
    /// Each channel's actions.
    var channels: [ChannelRate]
    /// Seconds during which the three phases all ran at once.
    var allPhasesOverlap: Double
    var latency: Latency
    var outcomes: [String: Int]
    /// Peak resident memory of this process (getrusage ru_maxrss), in MiB.
    var peakMemoryMib: Double
    /// CPU seconds used during the run (all cores): `bench` (this process), `postgresql` (the
    /// server processes serving the bench database), `postgresql_background` (checkpointer,
    /// WAL writer, autovacuum: shared with other databases), `rabbitmq`, `other` (everything
    /// else on the machine) and `idle`.
    var cpuSeconds: [String: Double]
    /// The 1-minute load average when the run started (other work on the machine skews figures).
    var loadAverageBefore: Double
    public var verification: Verification

    struct Seed: Sendable, Codable {
        var tenants: Int
        var debtors: Int
        var invoices: Int
        var dueSteps: [String: Int]
    }

    public func text() -> String {
        var lines: [String] = []
        func f(_ value: Double, _ places: Int = 3) -> String { String(format: "%.\(places)f", value) }
        lines.append("relance bench pipeline — \(command)")
        lines.append("build \(build), \(cores) cores, bench clock \(benchClock)")
        lines.append("seeded \(seed.invoices) due steps (\(seed.dueSteps.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))) for \(seed.debtors) debtors of \(seed.tenants) tenants in \(f(seedSeconds, 1)) s")
        lines.append("")
        lines.append("reminders/s    \(f(remindersPerSecond, 0))   (\(verification.seededSteps) reminders in \(f(elapsed)) s, first claim → last outcome committed)")
        lines.append("jobs/s         \(f(jobsPerSecond, 0))")
        lines.append("")
        lines.append("phase        start (s)   end (s)   busy (s)   items   passes")
        for phase in phases {
            lines.append(phase.name.padding(toLength: 12, withPad: " ", startingAt: 0)
                + f(phase.start).leftPadded(10) + f(phase.end).leftPadded(10) + f(phase.duration).leftPadded(11)
                + String(phase.items).leftPadded(8) + String(phase.passes).leftPadded(9))
        }
        lines.append("")
        lines.append("channel (\(settings.realChannels ? "real" : "record-only"))".padding(toLength: 22, withPad: " ", startingAt: 0)
            + "   jobs   reminders   first (s)   last (s)   reminders/s   ms in channel/job")
        for rate in channels {
            lines.append(rate.channel.padding(toLength: 22, withPad: " ", startingAt: 0) + String(rate.jobs).leftPadded(7)
                + String(rate.reminders).leftPadded(12) + f(rate.start).leftPadded(12) + f(rate.end).leftPadded(11)
                + f(rate.remindersPerSecond, 0).leftPadded(14) + f(rate.millisecondsPerJob).leftPadded(20))
        }
        lines.append("all three phases overlap for \(f(allPhasesOverlap)) s\(settings.sequential ? " (sequential run: each phase alone)" : "")")
        for phase in phases {
            guard let cpu = phase.cpuSeconds else { continue }
            lines.append("  \(phase.name) cpu s: " + ["bench", "postgresql", "postgresql_background", "rabbitmq", "other", "idle"].map { "\($0) \(f(cpu[$0] ?? 0, 2))" }.joined(separator: ", ")
                + "; \(f(Double(phase.items) / max(phase.duration, 0.000_001), 0))/s")
        }
        lines.append("")
        lines.append("latency (job created → outcome)  p50 \(f(latency.p50, 1)) ms  p90 \(f(latency.p90, 1)) ms  p99 \(f(latency.p99, 1)) ms  max \(f(latency.max, 1)) ms")
        lines.append("outcomes       \(outcomes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
        lines.append("peak memory    \(f(peakMemoryMib, 1)) MiB (this process; PostgreSQL and RabbitMQ not included)")
        let cpuOrder = ["bench", "postgresql", "postgresql_background", "rabbitmq", "other", "idle"]
        lines.append("cpu seconds    " + cpuOrder.map { "\($0) \(f(cpuSeconds[$0] ?? 0, 2))" }.joined(separator: ", ")
            + " (of \(f(elapsed * Double(cores), 2)) on \(cores) cores); load average before \(f(loadAverageBefore, 2))")
        lines.append("")
        lines.append("settings       dispatchers \(settings.dispatchers) × batch \(settings.dispatchBatch), relays \(settings.relays) × batch \(settings.relayBatch), outbox limit \(settings.sequential || settings.outboxLimit <= 0 ? "none" : String(settings.outboxLimit)), publish window \(settings.publishWindow), consumers/channel \(settings.consumersPerChannel), prefetch \(settings.prefetch), linger \(settings.batchLinger) ms, pool \(settings.poolConnections), invoices/debtor \(settings.invoicesPerDebtor)")
        lines.append("               quorum queues, publisher confirms, outcomes committed before ack; messages \(settings.composeMessages ? "composed and rendered" : "not composed (--no-messages)"); database \(settings.database), vhost \(settings.virtualHost)")
        lines.append("")
        if verification.ok {
            lines.append("verified       every one of the \(verification.seededSteps) seeded steps has exactly one outcome, each debtor one job per channel\(settings.composeMessages ? ", with its message rendered" : ""); queues empty")
        } else {
            lines.append("VERIFICATION FAILED")
            for problem in verification.problems { lines.append("  - \(problem)") }
        }
        return lines.joined(separator: "\n")
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}

extension Double {
    func rounded(places: Int) -> Double {
        let scale = pow(10, Double(places))
        return (self * scale).rounded() / scale
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
