import ArgumentParser
import RelanceCore
import RelancePipeline
import RelanceRuntime

/// Tuning options of the pipeline roles.
struct PipelineOptions: ParsableArguments {
    @Option(help: "Due steps claimed per dispatcher transaction.")
    var batchSize: Int = 2000

    @Option(help: "Claim transactions a dispatcher runs at once while steps are due.")
    var claimers: Int = 2

    @Option(help: "Jobs waiting in the outbox at which a dispatcher pauses until the relay catches up (0: never).")
    var outboxLimit: Int = DispatcherConfiguration().outboxLimit ?? 0

    @Option(help: "Seconds a dispatcher or relay waits for a wake-up before looking again.")
    var pollInterval: Double = 5

    @Option(name: .customLong("channel"), help: "A channel to work (email, letter, call, legal); repeat it. Default: all.")
    var channels: [Channel] = []

    @Option(help: "Consumers per channel, each on its own connection.")
    var consumers: Int = 1

    @Option(help: "Unacknowledged deliveries per consumer.")
    var prefetch: UInt16 = 1_000

    @Option(help: "Milliseconds a worker lets deliveries gather after a batch of fewer than half the prefetch (0: none).")
    var batchLinger: Int = Int(WorkerConfiguration().batchLinger / .milliseconds(1))

    @Option(help: "Attempts before a failing job is dead-lettered.")
    var maxAttempts: Int = 5

    @Option(help: "Seconds SIGTERM waits for the roles to finish what they hold before cancelling them.")
    var shutdownTimeout: Double = 30

    @Option(help: "A file to which record-only channels append each contact they would make, one JSON line each (several processes may share it).")
    var contactLog: String?

    /// The contact log named by `--contact-log`, opened for appending.
    func openContactLog() throws -> ContactLog? {
        guard let contactLog else { return nil }
        do {
            return try ContactLog(path: contactLog)
        } catch {
            throw ValidationError("--contact-log: \(error)")
        }
    }

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be a positive number of steps, not \(batchSize)") }
        guard claimers > 0 else { throw ValidationError("--claimers must be positive, not \(claimers)") }
        guard outboxLimit >= 0 else { throw ValidationError("--outbox-limit must be 0 (no limit) or a positive number of jobs, not \(outboxLimit)") }
        guard pollInterval.isFinite, pollInterval > 0, pollInterval <= 86_400 else {
            throw ValidationError("--poll-interval must be a number of seconds above 0 and at most 86400, not \(pollInterval)")
        }
        guard consumers > 0 else { throw ValidationError("--consumers must be positive, not \(consumers)") }
        guard prefetch > 0 else { throw ValidationError("--prefetch must be positive") }
        guard batchLinger >= 0, batchLinger <= 60_000 else {
            throw ValidationError("--batch-linger must be between 0 and 60000 milliseconds, not \(batchLinger)")
        }
        guard maxAttempts > 0 else { throw ValidationError("--max-attempts must be positive, not \(maxAttempts)") }
        guard shutdownTimeout.isFinite, shutdownTimeout > 0, shutdownTimeout <= 3_600 else {
            throw ValidationError("--shutdown-timeout must be a number of seconds above 0 and at most 3600, not \(shutdownTimeout)")
        }
    }

    func settings(roles: PipelineRoles) throws -> PipelineSettings {
        try validate()
        var settings = PipelineSettings(roles: roles)
        settings.dispatcher.batchSize = batchSize
        settings.dispatcher.claimers = claimers
        settings.dispatcher.outboxLimit = outboxLimit > 0 ? outboxLimit : nil
        settings.dispatcher.pollInterval = .milliseconds(Int(pollInterval * 1000))
        settings.relay.pollInterval = .milliseconds(Int(pollInterval * 1000))
        if !channels.isEmpty { settings.worker.channels = channels }
        settings.worker.consumersPerChannel = consumers
        settings.worker.prefetch = prefetch
        settings.worker.batchLinger = .milliseconds(batchLinger)
        settings.retry.maxAttempts = maxAttempts
        settings.shutdownDeadline = .milliseconds(Int(shutdownTimeout * 1000))
        return settings
    }
}

extension Channel: ExpressibleByArgument {}
