import Foundation
import Logging
import RelanceCore
import ServiceLifecycle

/// Claims due steps batch after batch through its storage, which has the `DispatchDecider`
/// (pure, in `RelanceCore`) apply the state guards and the compliance rules and writes one job
/// per debtor and channel, with its outbox entry, in the claim's transaction. Several
/// dispatchers may run at once (claims skip the steps another one holds).
///
/// It sleeps when nothing is due, and wakes early when invoices or payments change (a
/// `NotificationListener` signals `wake`) or at the latest after `pollInterval`.
public struct DispatcherService<Storage: DispatchStorage>: Service {
    public typealias Configuration = DispatcherConfiguration

    public let storage: Storage
    public let decider: DispatchDecider
    public let clock: any PipelineClock
    public let wake: WakeSignal
    /// Signalled when new outbox rows were written, so an in-process relay publishes at once.
    public let relayWake: WakeSignal?
    public let configuration: Configuration
    public let logger: Logger

    public init(storage: Storage, decider: DispatchDecider, clock: any PipelineClock = SystemClock(),
                wake: WakeSignal = WakeSignal(), relayWake: WakeSignal? = nil,
                configuration: Configuration = Configuration(), logger: Logger) {
        self.storage = storage
        self.decider = decider
        self.clock = clock
        self.wake = wake
        self.relayWake = relayWake
        self.configuration = configuration
        self.logger = logger
    }

    public func run() async throws {
        try await runPolling(wake: wake, pollInterval: configuration.pollInterval, failurePause: .seconds(1), logger: logger) {
            // Drain what is due with several claimers (SKIP LOCKED keeps them apart); each stops
            // at its first empty claim, or after the batch in hand once shutdown has begun. A
            // claim can come back short while steps are due — the debtors it wanted were held
            // by another claimer — so a short claim does not end the drain. A failed claim
            // wrote nothing (it is one transaction).
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<max(1, configuration.claimers) {
                    group.addTask {
                        while try await waitForOutboxRoom(), try await dispatchOnce().claimed > 0,
                              !Task.isShuttingDownGracefully {}
                    }
                }
                try await group.waitForAll()
            }
            return .idle
        }
    }

    /// Returns once fewer than `outboxLimit` jobs wait in the outbox (at once when there is no
    /// limit), or false if shutdown began while it waited.
    public func waitForOutboxRoom() async throws -> Bool {
        guard let limit = configuration.outboxLimit, limit > 0 else { return true }
        let start = ContinuousClock.now
        var told = false
        var pause = configuration.outboxPause
        let storage = self.storage
        while try await withDeadline(configuration.storageTimeout, what: "counting the outbox", {
            try await storage.outboxCount(atMost: limit)
        }) >= limit {
            if Task.isShuttingDownGracefully || Task.isCancelled { return false }
            if !told, ContinuousClock.now - start > .seconds(10) {
                // Not a passing burst: the relay is not publishing (is the broker reachable?).
                logger.notice("Claims paused: the outbox holds \(limit) jobs or more, waiting for the relay to publish them")
                told = true
            }
            try await Task.sleep(for: pause)
            pause = min(pause * 2, max(configuration.outboxPause, .seconds(1)))
        }
        if told { logger.notice("Claims resumed: the outbox is below \(limit) jobs") }
        return true
    }

    /// One claim: up to a batch of due steps.
    @discardableResult
    public func dispatchOnce() async throws -> DispatchSummary {
        let (storage, decider, now, batchSize) = (self.storage, self.decider, clock.now(), configuration.batchSize)
        // A database call that never answers (a connection lost mid-statement) fails the pass
        // after the deadline, and the next pass asks again.
        let summary = try await withDeadline(configuration.storageTimeout, what: "claiming due steps") {
            try await storage.dispatchDue(at: now, batchSize: batchSize, decider: decider)
        }
        if summary.jobs > 0 { relayWake?.signal() }
        PipelineMetrics.recordDispatch(summary)
        if summary.claimed > 0 {
            logger.debug("Dispatched", metadata: [
                "steps.claimed": "\(summary.claimed)", "jobs": "\(summary.jobs)",
                "steps.cancelled": "\(summary.cancelled)", "steps.deferred": "\(summary.deferred)",
            ])
        }
        return summary
    }
}

extension DispatcherService: CustomStringConvertible {
    public var description: String {
        "DispatcherService(batch: \(configuration.batchSize), claimers: \(configuration.claimers))"
    }
}

/// How a `DispatcherService` works: its batches, pauses and timeouts.
public struct DispatcherConfiguration: Sendable {
    public var batchSize = 2000
    public var pollInterval: Duration = .seconds(5)
    /// Claim transactions run at once while steps are due. Two keep both the database and
    /// this process busy: one batch is planned here while the other's claim runs there.
    public var claimers = 2
    /// Claims pause while this many jobs (or more) wait in the outbox, and resume once the
    /// relay has caught up. A dispatcher far ahead of its relay only lengthens the time from
    /// a job's creation to its message, and its jobs go out on data that has aged; steps left
    /// planned meanwhile are claimed later, with what is true then. When the broker is
    /// unreachable, the outbox stops growing at this size. nil: never pause.
    public var outboxLimit: Int? = 6_000
    /// How long one claim (or outbox count) may take before the pass counts as failed.
    public var storageTimeout: Duration = .seconds(30)
    /// How long a paused claimer first waits before counting the outbox again; the wait
    /// doubles while the pause lasts, up to a second.
    public var outboxPause: Duration = .milliseconds(20)
    public init() {}
}
