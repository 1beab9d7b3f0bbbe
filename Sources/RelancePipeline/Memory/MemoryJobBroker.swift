import Foundation
import Logging
import RelanceCore
import Synchronization

/// A `JobBroker` held in memory, for unit tests (as swift-jobs' `MemoryQueue` serves its
/// tests): one queue per queue channel (registered letters travel on `letter`), deliveries
/// unacknowledged until settled, retries and dead letters kept where a test can look at them.
///
/// Tests can make it refuse chosen jobs (`refuse(_:)`) or be unreachable for one publication
/// (`failNextPublish(_:)`). A retry is redelivered at once, its requested delay recorded.
public final class MemoryJobBroker: JobBroker {
    /// A message taken from a queue.
    public struct Message: InboundJob {
        public let body: [UInt8]
        /// 1 on a first delivery; a retry's is the attempt the worker asked for.
        public let attempt: Int
        /// Tells deliveries apart, as a delivery tag does.
        let tag: Int
        /// Cleared when the delivery's connection is lost (`loseConnections(of:)`).
        let connection = Liveness()
        public var isLive: Bool { connection.isLive }

        /// The same message, delivered again (a new delivery, live).
        func redelivered() -> Message { Message(body: body, attempt: attempt, tag: tag) }
    }

    /// Whether a delivery's connection still stands.
    final class Liveness: Sendable {
        private let live = Mutex(true)
        var isLive: Bool { live.withLock { $0 } }
        func lose() { live.withLock { $0 = false } }
    }

    /// A message sent to its channel's dead-letter queue.
    public struct DeadLetter: Sendable, Hashable {
        public let body: [UInt8]
        public let reason: String

        /// The job the body carries, when it decodes.
        public var job: ReminderJob? { try? ReminderJob.decode(Data(body)) }
    }

    /// A retry a worker asked for.
    public struct Retry: Sendable, Hashable {
        public let body: [UInt8]
        public let delay: Duration
        public let attempt: Int
    }

    /// The error `failNextPublish()` throws by default.
    public struct Unreachable: Error, CustomStringConvertible {
        public init() {}
        public var description: String { "the memory broker is unreachable" }
    }

    struct Queue {
        var ready: [Message] = []
        var deadLetters: [DeadLetter] = []
        var retries: [Retry] = []
    }

    struct SubscriptionState {
        let channel: Channel
        let prefetch: Int
        /// Delivered and not yet acknowledged, in delivery order.
        var unacknowledged: [Message] = []
        var cancelled = false
        var closed = false
        /// The reader waiting for a delivery, if any.
        var waiter: CheckedContinuation<Void, Never>?
    }

    struct State {
        var queues: [Channel: Queue] = [:]
        var subscriptions: [Int: SubscriptionState] = [:]
        var nextTag = 0
        var nextSubscription = 0
        var published: [UUID] = []
        var refusal: (@Sendable (OutboxJob) -> String?)?
        var publishFailure: (any Error)?
        /// The next publication neither confirms nor fails until cancelled (a frozen broker).
        var publishHangs = false
        var resendFailure: (any Error)?

        mutating func enqueue(_ body: [UInt8], attempt: Int, on channel: Channel) {
            nextTag += 1
            queues[channel.queueChannel, default: Queue()].ready.append(Message(body: body, attempt: attempt, tag: nextTag))
        }

        /// Wakes every reader of `channel`: each looks again at what it may take.
        mutating func wakeReaders(of channel: Channel) -> [CheckedContinuation<Void, Never>] {
            var waiters: [CheckedContinuation<Void, Never>] = []
            for (id, subscription) in subscriptions where subscription.channel == channel.queueChannel {
                if let waiter = subscription.waiter {
                    waiters.append(waiter)
                    subscriptions[id]!.waiter = nil
                }
            }
            return waiters
        }
    }

    private let state = Mutex(State())

    public init() {}

    // MARK: - JobBroker

    public func publish(_ jobs: [OutboxJob]) async throws -> [PublishResult] {
        if state.withLock({ state in defer { state.publishHangs = false }; return state.publishHangs }) {
            try await Task.sleep(for: .seconds(86_400))
        }
        let (results, waiters) = try state.withLock { state throws -> ([PublishResult], [CheckedContinuation<Void, Never>]) in
            if let failure = state.publishFailure {
                state.publishFailure = nil
                throw failure
            }
            var results: [PublishResult] = []
            var channels = Set<Channel>()
            for job in jobs {
                if let reason = state.refusal?(job) {
                    results.append(.failed(reason: reason))
                    continue
                }
                state.enqueue([UInt8](job.payload), attempt: 1, on: job.channel)
                state.published.append(job.id)
                channels.insert(job.channel.queueChannel)
                results.append(.confirmed)
            }
            return (results, channels.flatMap { state.wakeReaders(of: $0) })
        }
        for waiter in waiters { waiter.resume() }
        return results
    }

    public func resend(_ messages: [(message: Message, action: Resend)], channel: Channel) async throws {
        guard !messages.isEmpty else { return }
        let waiters = try state.withLock { state throws -> [CheckedContinuation<Void, Never>] in
            if let failure = state.resendFailure {
                state.resendFailure = nil
                throw failure
            }
            for (message, action) in messages {
                switch action {
                case .retry(let delay, let attempt):
                    state.queues[channel.queueChannel, default: Queue()].retries.append(
                        Retry(body: message.body, delay: delay, attempt: attempt))
                    // Back on its queue at once: tests need not wait for the delay.
                    state.enqueue(message.body, attempt: attempt, on: channel)
                case .deadLetter(let reason):
                    state.queues[channel.queueChannel, default: Queue()].deadLetters.append(
                        DeadLetter(body: message.body, reason: reason))
                }
            }
            return state.wakeReaders(of: channel)
        }
        for waiter in waiters { waiter.resume() }
    }

    public func subscribe(to channel: Channel, prefetch: Int, logger: Logger) -> Subscription {
        let id = state.withLock { state in
            state.nextSubscription += 1
            state.subscriptions[state.nextSubscription] = SubscriptionState(channel: channel.queueChannel, prefetch: max(1, prefetch))
            return state.nextSubscription
        }
        return Subscription(broker: self, id: id)
    }

    // MARK: - What tests set

    /// Makes the next `publish` throw `error` (the broker cannot be reached), once.
    public func failNextPublish(_ error: any Error = Unreachable()) {
        state.withLock { $0.publishFailure = error }
    }

    /// Makes the next `publish` give no answer until it is cancelled, once: a frozen broker.
    public func hangNextPublish() {
        state.withLock { $0.publishHangs = true }
    }

    /// Makes the next `resend` throw `error`, once.
    public func failNextResend(_ error: any Error = Unreachable()) {
        state.withLock { $0.resendFailure = error }
    }

    /// Refuses (as a nack would) every job `reason` gives a reason for, until set again; nil
    /// confirms every job.
    public func refuse(_ reason: (@Sendable (OutboxJob) -> String?)?) {
        state.withLock { $0.refusal = reason }
    }

    /// Loses the connections of `channel`'s subscriptions, as a broker node dying would: their
    /// unacknowledged deliveries can no longer be settled and go back to the queue, to be
    /// delivered again (the subscriptions themselves go on, as reconnecting consumers do).
    public func loseConnections(of channel: Channel) {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            for (id, subscription) in state.subscriptions where subscription.channel == channel.queueChannel {
                for message in subscription.unacknowledged { message.connection.lose() }
                state.queues[subscription.channel, default: Queue()].ready.insert(
                    contentsOf: subscription.unacknowledged.map { $0.redelivered() }, at: 0)
                state.subscriptions[id]!.unacknowledged = []
            }
            return state.wakeReaders(of: channel.queueChannel)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Puts a message with `body` on `channel`'s queue, as if published (a test's own bytes).
    public func enqueue(body: [UInt8], on channel: Channel, attempt: Int = 1) {
        let waiters = state.withLock { state in
            state.enqueue(body, attempt: attempt, on: channel)
            return state.wakeReaders(of: channel)
        }
        for waiter in waiters { waiter.resume() }
    }

    // MARK: - What tests see

    /// The ids of the jobs published (confirmed), in order.
    public var publishedJobIds: [UUID] { state.withLock { $0.published } }

    /// Messages waiting on `channel`'s queue, not delivered.
    public func queuedCount(_ channel: Channel) -> Int {
        state.withLock { $0.queues[channel.queueChannel]?.ready.count ?? 0 }
    }

    /// Messages of `channel`'s queue delivered to a subscription and not acknowledged.
    public func unacknowledgedCount(_ channel: Channel) -> Int {
        state.withLock { state in
            state.subscriptions.values.filter { $0.channel == channel.queueChannel }.reduce(0) { $0 + $1.unacknowledged.count }
        }
    }

    /// `channel`'s dead-letter queue.
    public func deadLetters(_ channel: Channel) -> [DeadLetter] {
        state.withLock { $0.queues[channel.queueChannel]?.deadLetters ?? [] }
    }

    /// The retries asked for on `channel`, in order.
    public func retries(_ channel: Channel) -> [Retry] {
        state.withLock { $0.queues[channel.queueChannel]?.retries ?? [] }
    }

    // MARK: - Subscriptions

    /// What `nextBatch` finds.
    private enum Take {
        case batch([Message])
        case ended
        case wait
    }

    private func take(_ id: Int) -> Take {
        state.withLock { state in
            guard let subscription = state.subscriptions[id], !subscription.cancelled, !subscription.closed else { return .ended }
            let room = subscription.prefetch - subscription.unacknowledged.count
            let channel = subscription.channel
            guard room > 0, let ready = state.queues[channel]?.ready, !ready.isEmpty else { return .wait }
            let batch = Array(ready.prefix(room))
            state.queues[channel]!.ready.removeFirst(batch.count)
            state.subscriptions[id]!.unacknowledged.append(contentsOf: batch)
            return .batch(batch)
        }
    }

    /// Returns when something changed for subscription `id` (a message, room, cancellation).
    private func waitForChange(_ id: Int) async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    guard let subscription = state.subscriptions[id], !subscription.cancelled, !subscription.closed,
                          !Task.isCancelled else { return true }
                    let room = subscription.prefetch > subscription.unacknowledged.count
                    if room, state.queues[subscription.channel]?.ready.isEmpty == false { return true }
                    state.subscriptions[id]!.waiter = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
                defer { state.subscriptions[id]?.waiter = nil }
                return state.subscriptions[id]?.waiter
            }
            waiter?.resume()
        }
    }

    fileprivate func nextBatch(_ id: Int) async throws -> [Message]? {
        while true {
            try Task.checkCancellation()
            switch take(id) {
            case .batch(let batch): return batch
            case .ended: return nil
            case .wait: await waitForChange(id)
            }
        }
    }

    /// Takes `messages` off subscription `id`'s unacknowledged ones; puts them back at the
    /// front of the queue when `requeue`.
    fileprivate func settle(_ messages: [Message], of id: Int, requeue: Bool) {
        let tags = Set(messages.map(\.tag))
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            guard let subscription = state.subscriptions[id] else { return [] }
            let settled = subscription.unacknowledged.filter { tags.contains($0.tag) }
            state.subscriptions[id]!.unacknowledged.removeAll { tags.contains($0.tag) }
            if requeue { state.queues[subscription.channel, default: Queue()].ready.insert(contentsOf: settled, at: 0) }
            return state.wakeReaders(of: subscription.channel)
        }
        for waiter in waiters { waiter.resume() }
    }

    fileprivate func end(_ id: Int, closing: Bool) {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            guard let subscription = state.subscriptions[id] else { return [] }
            var waiters = subscription.waiter.map { [$0] } ?? []
            state.subscriptions[id]!.waiter = nil
            state.subscriptions[id]!.cancelled = true
            if closing {
                // As a closed connection does: what was not acknowledged is delivered again.
                state.queues[subscription.channel, default: Queue()].ready.insert(contentsOf: subscription.unacknowledged, at: 0)
                state.subscriptions[id] = nil
                waiters += state.wakeReaders(of: subscription.channel)
            }
            return waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// A subscription to one queue. Nothing is delivered ahead of `nextBatch`, so `cancel`
    /// ends the batches at once; `close` puts the unacknowledged messages back on the queue.
    public struct Subscription: JobSubscription {
        let broker: MemoryJobBroker
        let id: Int

        public func batches() -> Batches { Batches(subscription: self) }

        public func acknowledge(_ batch: [Message]) { broker.settle(batch, of: id, requeue: false) }

        public func handBack(_ batch: [Message]) { broker.settle(batch, of: id, requeue: true) }

        public func cancel() async { broker.end(id, closing: false) }

        public func close() async { broker.end(id, closing: true) }
    }

    /// The batches of one subscription.
    public struct Batches: JobBatches {
        let subscription: Subscription

        public mutating func nextBatch() async throws -> [Message]? {
            try await subscription.broker.nextBatch(subscription.id)
        }
    }
}
