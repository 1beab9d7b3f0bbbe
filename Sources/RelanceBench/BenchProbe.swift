import Foundation
import RelanceCore
import RelancePipeline
import Synchronization

/// What the benchmark watches while the pipeline runs: when each phase was busy (from the
/// dispatcher's and relay's passes, and the channel actions), and how far the work got.
final class BenchProbe: Sendable {
    /// A phase's first and last busy moments (real time) and how much it moved.
    struct Span: Sendable {
        var start: Date?
        var end: Date?
        var count = 0
        var passes = 0

        mutating func add(from start: Date, to end: Date, count: Int) {
            guard count > 0 else { return }
            if self.start == nil { self.start = start }
            self.end = max(self.end ?? end, end)
            self.count += count
            passes += 1
        }
    }

    /// One channel's actions: from the start of its first to the end of its last, how many
    /// jobs and the reminders (steps) they carried, and the seconds spent inside the channel.
    struct ChannelSpan: Sendable {
        var start: Date?
        var end: Date?
        var jobs = 0
        var reminders = 0
        var actionSeconds = 0.0

        mutating func add(from start: Date, to end: Date, steps: Int) {
            self.start = min(self.start ?? start, start)
            self.end = max(self.end ?? end, end)
            jobs += 1
            reminders += steps
            actionSeconds += end.timeIntervalSince(start)
        }
    }

    struct State: Sendable {
        var dispatch = Span()
        var publish = Span()
        var work = Span()
        /// The channel actions, by channel (`registered_letter` apart from `letter`).
        var channels: [String: ChannelSpan] = [:]
        var jobsDispatched = 0
        var stepsCancelled = 0
        var stepsDeferred = 0
        var publishFailures = 0
        /// Worker batches seen (by their `now`).
        var batches = Set<Date>()
        /// Why the dispatchers or relays stopped early, if they did.
        var failure: String?
        var dispatchDone = false
        var relayDone = false
    }

    let state = Mutex(State())

    func dispatched(from start: Date, to end: Date, claimed: Int, jobs: Int, cancelled: Int, deferred: Int) {
        state.withLock {
            $0.dispatch.add(from: start, to: end, count: claimed)
            $0.jobsDispatched += jobs
            $0.stepsCancelled += cancelled
            $0.stepsDeferred += deferred
        }
    }

    func published(from start: Date, to end: Date, count: Int, failed: Int) {
        state.withLock {
            $0.publish.add(from: start, to: end, count: count)
            $0.publishFailures += failed
        }
    }

    /// A channel action finished (its outcome is not committed yet). `batch` is the moment
    /// its batch was taken (the processor's `now`), which tells batches apart.
    func performed(at moment: Date, batch: Date, channel: String = "", steps: Int = 0, started: Date? = nil) {
        state.withLock {
            if !channel.isEmpty { $0.channels[channel, default: ChannelSpan()].add(from: started ?? moment, to: moment, steps: steps) }
            $0.work.add(from: moment, to: moment, count: 1)
            $0.batches.insert(batch)
            $0.work.passes = $0.batches.count
        }
    }

    var snapshot: State { state.withLock { $0 } }

    /// Runs `body`, remembering its error (other than a cancellation) before rethrowing it.
    func noteFailure(of role: String, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            let text = "the \(role) failed: \(String(reflecting: error))"
            state.withLock { $0.failure = $0.failure ?? text }
            throw error
        }
    }
}

/// Wraps the record-only channel to tell the probe when each action is done.
struct ProbeChannel: ReminderChannel {
    let inner: any ReminderChannel
    let probe: BenchProbe

    var channels: Set<Channel> { inner.channels }

    func perform(_ job: ChannelJob) async throws(ChannelError) -> ChannelDelivery {
        let started = Date()
        let delivery = try await inner.perform(job)
        probe.performed(at: Date(), batch: job.now, channel: job.job.channel.rawValue, steps: job.steps.count, started: started)
        return delivery
    }
}
