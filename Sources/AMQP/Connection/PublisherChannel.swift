/// The progress of one `publish` call: an outcome per message once the broker settles it.
final class PublishBatch {
    let messages: [OutgoingMessage]
    var outcomes: [PublishOutcome?]
    /// Published and not yet settled.
    var unsettled = 0
    var error: AMQPError?
    var waiter: CheckedContinuation<Void, Never>?

    init(_ messages: [OutgoingMessage]) {
        self.messages = messages
        self.outcomes = Array(repeating: nil, count: messages.count)
    }

    func settle(_ index: Int, _ outcome: PublishOutcome) {
        outcomes[index] = outcome
        unsettled -= 1
        if unsettled == 0, let waiter {
            self.waiter = nil
            waiter.resume()
        }
    }

    func fail(_ error: AMQPError) {
        if self.error == nil { self.error = error }
        if let waiter {
            self.waiter = nil
            waiter.resume()
        }
    }
}

/// The channel in confirm mode that a connection publishes on, and the messages on it
/// that wait for the broker's confirm. Sequence numbers count from 1 per channel;
/// `basic.ack`/`basic.nack` may settle one or (with `multiple`) every earlier one.
final class PublisherChannel {
    private struct Pending {
        let batch: PublishBatch
        let index: Int
        var returned: (code: UInt16, text: String)?
    }

    let channel: UInt16
    private(set) var nextSequence: UInt64 = 1
    /// The sequence number of `slots[0]`.
    private var baseSequence: UInt64 = 1
    private var slots: [Pending?] = []
    /// Index of the first slot that may still be unsettled.
    private var head = 0
    private(set) var inFlight = 0
    /// When a confirm last arrived, or the first message of an idle channel was sent.
    private(set) var lastProgress: ContinuousClock.Instant = .now
    private var windowWaiters: [CheckedContinuation<Void, Never>] = []

    init(channel: UInt16) {
        self.channel = channel
    }

    /// Records the message just published under sequence number `nextSequence`.
    func track(_ batch: PublishBatch, index: Int) {
        if inFlight == 0 { lastProgress = .now }
        slots.append(Pending(batch: batch, index: index))
        nextSequence += 1
        inFlight += 1
        batch.unsettled += 1
    }

    /// Handles `basic.ack` (`nack == false`) or `basic.nack` from the broker.
    func settle(tag: UInt64, multiple: Bool, nack: Bool, window: Int) {
        guard tag >= baseSequence, !slots.isEmpty else { return }
        let offset = tag - baseSequence
        guard multiple || offset < UInt64(slots.count) else { return }
        let last = offset >= UInt64(slots.count) ? slots.count - 1 : Int(offset)
        lastProgress = .now
        if multiple {
            if head <= last {
                for i in head...last { settleSlot(i, nack: nack) }
            }
        } else {
            settleSlot(last, nack: nack)
        }
        while head < slots.count && slots[head] == nil { head += 1 }
        if head > 4096 && head * 2 > slots.count {
            slots.removeFirst(head)
            baseSequence += UInt64(head)
            head = 0
        }
        if inFlight <= window / 2 { resumeWindowWaiters() }
    }

    private func settleSlot(_ i: Int, nack: Bool) {
        guard let pending = slots[i] else { return }
        slots[i] = nil
        inFlight -= 1
        let outcome: PublishOutcome
        if let returned = pending.returned {
            outcome = .returned(replyCode: returned.code, replyText: returned.text)
        } else {
            outcome = nack ? .nacked : .confirmed
        }
        pending.batch.settle(pending.index, outcome)
    }

    /// Handles `basic.return`: the broker names neither the sequence number nor the
    /// batch, but returns come in publish order and before the message's own confirm, so
    /// the earliest unsettled, not yet returned mandatory message with the same exchange,
    /// routing key, message id and body is the one.
    func markReturned(exchange: String, routingKey: String, messageID: String?, body: [UInt8], code: UInt16, text: String) {
        guard head < slots.count else { return }
        for i in head..<slots.count {
            guard let pending = slots[i], pending.returned == nil else { continue }
            let message = pending.batch.messages[pending.index]
            if message.mandatory, message.exchange == exchange, message.routingKey == routingKey,
               message.properties.messageID == messageID, message.body == body {
                slots[i]?.returned = (code, text)
                return
            }
        }
    }

    /// Suspends the publishing task until the number in flight falls to half the window.
    func addWindowWaiter(_ continuation: CheckedContinuation<Void, Never>) {
        windowWaiters.append(continuation)
    }

    private func resumeWindowWaiters() {
        guard !windowWaiters.isEmpty else { return }
        let waiters = windowWaiters
        windowWaiters = []
        for waiter in waiters { waiter.resume() }
    }

    /// The channel is gone: every unsettled message's batch learns `error`, except that a
    /// message already returned keeps that final outcome.
    func failAll(_ error: AMQPError) {
        var failed: [ObjectIdentifier: PublishBatch] = [:]
        if head < slots.count {
            for i in head..<slots.count {
                guard let pending = slots[i] else { continue }
                slots[i] = nil
                if let returned = pending.returned {
                    pending.batch.outcomes[pending.index] = .returned(replyCode: returned.code, replyText: returned.text)
                }
                pending.batch.unsettled -= 1
                failed[ObjectIdentifier(pending.batch)] = pending.batch
            }
        }
        inFlight = 0
        for batch in failed.values { batch.fail(error) }
        resumeWindowWaiters()
    }
}
