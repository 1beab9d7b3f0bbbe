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

    func settings(roles: PipelineRoles) throws -> PipelineSettings {
        guard batchSize > 0, claimers > 0, pollInterval > 0, consumers > 0, prefetch > 0, maxAttempts > 0, batchLinger >= 0 else {
            throw ValidationError("batch size, claimers, poll interval, consumers, prefetch and attempts must be positive")
        }
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
        return settings
    }
}

extension Channel: ExpressibleByArgument {}
