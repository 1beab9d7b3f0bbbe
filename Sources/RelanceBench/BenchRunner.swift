import AMQP
import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelancePipeline
import RelanceRuntime
import RelanceStore
import ServiceLifecycle
import Synchronization

/// Runs the dispatcher, the relay and the workers in this process against the benchmark's
/// database and virtual host, until every dispatched job has its outcome, and measures.
///
/// The pipeline is wired as every process wires it (`buildPipelineServices`). The dispatcher
/// and the relay are driven pass by pass here (`dispatchOnce`, `publishOnce`: the same passes
/// their services' `run()` loops make), so each pass is timed; the workers run as their
/// `Service`, in a `ServiceGroup` with the database pool, and are shut down gracefully at the
/// end. Channels run in record-only mode.
struct BenchRunner: Sendable {
    let settings: BenchSettings
    let database: DatabaseURL
    let amqp: AMQPConfiguration
    let reference: ReferenceData
    let day: CalendarDate
    /// Where the real channels send and write, when `settings.realChannels`.
    let configuration: RelanceConfiguration
    let logger: Logger

    /// What the run produced, before the report adds the seed and the settings.
    struct Outcome: Sendable {
        var probe: BenchProbe.State
        var clock: BenchClock
        var firstClaim: Date
        var lastOutcome: Date
        var expectedJobs: Int
        /// CPU seconds used during the run: this process, PostgreSQL, RabbitMQ, everything
        /// else on the machine, and idle.
        var cpu: [String: Double]
        /// The same per phase, in sequential mode.
        var phaseCPU: [String: [String: Double]]
        var stalled: String?
    }

    func run() async throws -> Outcome {
        let probe = BenchProbe()
        let clock = BenchClock(day: day)
        var pipeline = PipelineSettings(roles: .all)
        pipeline.poolConnections = settings.poolConnections
        pipeline.publishWindow = settings.publishWindow
        pipeline.composeMessages = settings.composeMessages
        pipeline.dispatcher.batchSize = settings.dispatchBatch
        // Run alone, the dispatch phase has no relay to wait for.
        pipeline.dispatcher.outboxLimit = settings.sequential || settings.outboxLimit <= 0 ? nil : settings.outboxLimit
        pipeline.relay.batchSize = settings.relayBatch
        pipeline.worker.consumersPerChannel = settings.consumersPerChannel
        pipeline.worker.prefetch = UInt16(settings.prefetch)
        pipeline.worker.batchLinger = .milliseconds(settings.batchLinger)
        // Record-only channels (`--no-messages`: nothing composed, so nothing to render), or the
        // real ones (`--channels real`); each action counted.
        let renderer = TemplateRenderer(library: reference.templates, agencyRules: reference.complianceRules.collectionAgency)
        let real = settings.realChannels ? try WorkerChannels.real(configuration, reference: reference, logger: logger) : nil
        let probed = { @Sendable (channels: [any ReminderChannel]) -> [any ReminderChannel] in
            channels.map { ProbeChannel(inner: $0, probe: probe) }
        }
        let services = try buildPipelineServices(
            database: database, amqp: [amqp], settings: pipeline, reference: reference,
            channels: probed(real?.channels ?? [RecordingChannel(renderer: renderer)]),
            databaseChannels: { client in probed(try real?.databaseChannels(client) ?? []) },
            clock: clock, logger: logger
        )
        // The dispatcher and the relay are driven pass by pass below; the pool and the workers run as services.
        guard let dispatcher = services.dispatcher, let relay = services.relay, let worker = services.worker else {
            throw CommandFailure("the benchmark's pipeline lacks a role")
        }
        let client = services.client
        let publisher = services.broker
        let relayWake = dispatcher.relayWake ?? WakeSignal()
        let topology = services.broker.topology
        let database = ServiceGroup(configuration: ServiceGroupConfiguration(services: [client], logger: logger))
        let workers = ServiceGroup(configuration: ServiceGroupConfiguration(services: [worker], logger: logger))

        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await database.run() }
            // The workers start when the gate opens: at once, or after publishing in sequential mode.
            let (gate, opener) = AsyncStream<Void>.makeStream()
            tasks.addTask {
                var iterator = gate.makeAsyncIterator()
                guard await iterator.next() != nil else { return }
                try await workers.run()
            }
            let startWorkers = { @Sendable in
                opener.yield()
                try await waitForConsumers(topology: topology)
            }
            defer { opener.finish() }
            do {
                if !settings.sequential { try await startWorkers() }
                let outcome = try await drive(dispatcher: dispatcher, relay: relay, relayWake: relayWake, client: client,
                                              probe: probe, clock: clock,
                                              startWorkers: settings.sequential ? startWorkers : nil)
                opener.finish()
                await workers.triggerGracefulShutdown()
                await database.triggerGracefulShutdown()
                try await tasks.waitForAll()
                await publisher.close()
                await real?.close()
                return outcome
            } catch {
                opener.finish()
                await workers.triggerGracefulShutdown()
                await database.triggerGracefulShutdown()
                try? await tasks.waitForAll()
                await publisher.close()
                await real?.close()
                throw error
            }
        }
    }

    /// Waits until every queue has its consumers, so the clock starts with the workers ready.
    private func waitForConsumers(topology: JobTopology) async throws {
        let connection = try await AMQPConnection.connect(amqp, logger: logger)
        defer { Task { await connection.close() } }
        try await topology.declare(on: connection)
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            var ready = true
            for channel in JobTopology.queueChannels {
                let info = try await connection.queueInfo(JobTopology.queue(for: channel))
                if info.consumerCount < settings.consumersPerChannel { ready = false }
            }
            if ready { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw CommandFailure("the workers did not start consuming within 30 s")
    }

    private func drive(
        dispatcher: DispatcherService<DispatchStore>, relay: OutboxRelay<OutboxStore, AMQPJobBroker>, relayWake: WakeSignal,
        client: PostgresClient,
        probe: BenchProbe, clock: BenchClock, startWorkers: (@Sendable () async throws -> Void)?
    ) async throws -> Outcome {
        let processesBefore = ResourceUsage.processTicks(database: database.database)
        let machineBefore = ResourceUsage.machineTicks()
        let firstClaim = Date()
        var phaseCPU: [String: [String: Double]] = [:]
        var mark = (processes: processesBefore, machine: machineBefore)
        func markPhase(_ name: String) {
            let now = (processes: ResourceUsage.processTicks(database: database.database), machine: ResourceUsage.machineTicks())
            phaseCPU[name] = ResourceUsage.cpuSeconds(from: mark, to: now)
            mark = now
        }

        // Dispatchers: claim until nothing is due.
        let dispatching = Task {
            try await probe.noteFailure(of: "dispatcher") { try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<settings.dispatchers {
                    group.addTask {
                        while try await retrying("claim", { try await dispatcher.waitForOutboxRoom() }) {
                            let start = Date()
                            let summary = try await retrying("claim", { try await dispatcher.dispatchOnce() })
                            probe.dispatched(from: start, to: Date(), claimed: summary.claimed, jobs: summary.jobs,
                                             cancelled: summary.cancelled, deferred: summary.deferred)
                            if summary.claimed == 0 { return }
                        }
                    }
                }
                try await group.waitForAll()
            } }
            probe.state.withLock { $0.dispatchDone = true }
            relayWake.signal()
        }
        // Relays: publish until the dispatchers are done and the outbox is empty.
        let startRelay = { @Sendable in Task {
            try await probe.noteFailure(of: "relay") { try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<settings.relays {
                    group.addTask {
                        while true {
                            let dispatchDone = probe.snapshot.dispatchDone
                            let start = Date()
                            let (published, failed) = try await retrying("publish", { try await relay.publishOnce() })
                            probe.published(from: start, to: Date(), count: published, failed: failed)
                            if failed > 0 {
                                try await Task.sleep(for: relay.configuration.failurePause)
                            } else if published == 0 && dispatchDone {
                                return
                            } else if published < settings.relayBatch {
                                await relayWake.wait(timeout: .milliseconds(100))
                            }
                        }
                    }
                }
                try await group.waitForAll()
            } }
            probe.state.withLock { $0.relayDone = true }
        } }
        let relaying: Task<Void, any Error>
        if let startWorkers {
            // Sequential: each phase alone, to see what each costs.
            try await dispatching.value
            markPhase("dispatch")
            relaying = startRelay()
            try await relaying.value
            markPhase("publish")
            try await startWorkers()
        } else {
            relaying = startRelay()
        }

        // Completion: every job dispatched in this run has its outcome.
        // Outcomes of this run (the seeded history's are 15 days old on the bench clock).
        let since = clock.now().addingTimeInterval(-60)
        var lastProgress = (count: -1, at: ContinuousClock.now)
        // Counting outcomes scans the table: often only once every job has been acted on,
        // otherwise every few seconds (to see jobs that end without an action, and stalls).
        var lastCount = ContinuousClock.now
        var stalled: String?
        var lastOutcome = Date()
        while true {
            let state = probe.snapshot
            let now = ContinuousClock.now
            if let failure = state.failure {
                stalled = failure
                lastOutcome = Date()
                break
            }
            let allPerformed = state.dispatchDone && state.relayDone && state.work.count >= state.jobsDispatched
            if allPerformed || now - lastCount >= .seconds(5) {
                lastCount = now
                guard let outcomes = try? await Self.count(
                    "SELECT count(*)::int8 FROM job_outcomes WHERE completed_at >= \(since)", on: client, logger: logger)
                else {
                    // The database away for a while: look again later; a stall is still a stall.
                    if now - lastProgress.at > .milliseconds(Int64(settings.stallTimeout * 1000)) {
                        stalled = "no progress for \(Int(settings.stallTimeout)) s, and the database cannot be read"
                        lastOutcome = Date()
                        break
                    }
                    try await Task.sleep(for: .milliseconds(500))
                    continue
                }
                if state.dispatchDone && state.relayDone && outcomes >= state.jobsDispatched {
                    lastOutcome = Date()
                    break
                }
                let progress = outcomes + state.work.count + state.publish.count + state.dispatch.count + state.batches.count
                if progress != lastProgress.count {
                    lastProgress = (progress, now)
                } else if now - lastProgress.at > .milliseconds(Int64(settings.stallTimeout * 1000)) {
                    stalled = "no progress for \(Int(settings.stallTimeout)) s: \(outcomes) outcomes of \(state.jobsDispatched) jobs"
                    lastOutcome = Date()
                    break
                }
            }
            try await Task.sleep(for: allPerformed ? .milliseconds(5) : .milliseconds(20))
        }
        if stalled != nil {
            dispatching.cancel()
            relaying.cancel()
            _ = try? await dispatching.value
            _ = try? await relaying.value
        } else {
            try await dispatching.value
            try await relaying.value
        }

        if startWorkers != nil { markPhase("work") }
        let cpu = ResourceUsage.cpuSeconds(
            from: (processesBefore, machineBefore),
            to: (ResourceUsage.processTicks(database: database.database), ResourceUsage.machineTicks()))
        let state = probe.snapshot
        return Outcome(probe: state, clock: clock, firstClaim: firstClaim, lastOutcome: lastOutcome,
                       expectedJobs: state.jobsDispatched, cpu: cpu, phaseCPU: phaseCPU, stalled: stalled)
    }

    /// Runs one pass of the dispatcher or the relay as their services do: a failed pass (the
    /// database or the broker away) is logged and tried again a second later, its work left
    /// where it was; the stall timeout still ends a run that makes no progress.
    private func retrying<Result>(_ pass: String, _ body: () async throws -> Result) async throws -> Result {
        var failures = 0
        while true {
            do {
                return try await body()
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                failures += 1
                if failures == 1 || failures.isMultiple(of: 10) {
                    logger.warning("Pass failed; trying again", metadata: [
                        "pass": "\(pass)", "failures": "\(failures)", "error": "\(String(reflecting: error))",
                    ])
                }
                try await Task.sleep(for: .seconds(1))
            }
        }
    }

    static func count(_ query: PostgresQuery, on client: PostgresClient, logger: Logger) async throws -> Int {
        let rows = try await client.query(query, logger: logger)
        for try await value in rows.decode(Int.self) { return value }
        return 0
    }
}
