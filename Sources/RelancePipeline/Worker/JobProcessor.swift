import Foundation
import Logging
import RelanceCore

/// The worker's rules for a batch of messages, in order:
///
/// 1. decode (undecodable → dead letter with the reason); a job delivered twice in the batch is
///    handled once;
/// 2. one read of everything the batch names (`WorkerStorage.load`); a job whose steps it shows
///    dispatched under the job's id awaits its outcome, any other is looked up
///    (`standings`): one with an outcome already is only acknowledged, one for an unknown tenant
///    or job is dead-lettered with the reason;
/// 3. operators' pauses (`BatchSnapshot.paused`, read with the batch): a job for a paused
///    channel, tenant or creditor is held — sent back to a retry queue under the same attempt,
///    unclaimed, nobody contacted, no outcome — and looked at again after `pausedHoldDelay`;
///    a hold is not a failure and never counts towards the retry limit or the dead letters;
/// 4. the stale-job guard: invoices paid, disputed, promised, in a plan, paused or written off
///    since dispatch are not acted on, and a job left with none is `skipped_<reason>`;
/// 5. the message (`MessageComposer`, from the same read; a job whose data cannot make one
///    fails for good); the job claimed (`WorkerStorage.claim`; a copy claimed by another
///    worker waits in a retry queue under the same attempt); the channel action, and retries
///    or dead letters for failures;
/// 6. every outcome of the batch written in one transaction (`record`); outcomes the storage
///    refuses for what they hold are found by halving the batch, and only their messages are
///    dead-lettered. The caller acknowledges only after.
///
/// `prepare` reads and acts; `record` writes. A worker whose storage is unreachable holds the
/// batch and tries the failed phase again: nothing is acted on before the reads succeed, and
/// writing the same outcomes twice keeps the first.
public struct JobProcessor<Storage: WorkerStorage>: Sendable {
    public let storage: Storage
    public let channels: [Channel: any ReminderChannel]
    public let retry: RetryPolicy
    public let clock: any PipelineClock
    /// How many channel actions of one batch run at once.
    public let actionConcurrency: Int
    /// Writes each job's message (`ChannelJob.message`); nil: channels get none (a channel that
    /// writes nothing, as the benchmark's `--no-messages` measures).
    public let composer: MessageComposer?
    /// How long one call to the storage may take before it counts as failed (a connection lost
    /// in the middle of a statement may never answer). Channel actions have no such deadline:
    /// an action given up and tried again could contact the debtor twice.
    public let storageTimeout: Duration
    /// How long a worker's claim on the jobs of a batch lasts (`WorkerStorage.claim`); the
    /// worker extends it while the batch is in hand (`ClaimKeeper`). A copy of a claimed job is
    /// acted on only once the claim has ended without an outcome: its worker died.
    public let claimDuration: Duration
    /// How long a copy of a job claimed by another worker waits before it is looked at again.
    public let claimedElsewhereDelay: Duration
    /// How long a job held by an operators' pause waits before it is looked at again: the
    /// longest a resume may take to reach jobs already published.
    public let pausedHoldDelay: Duration
    public let logger: Logger

    public init(
        storage: Storage,
        channels: [any ReminderChannel],
        composer: MessageComposer?,
        retry: RetryPolicy = RetryPolicy(),
        clock: any PipelineClock = SystemClock(),
        actionConcurrency: Int = 32,
        storageTimeout: Duration = .seconds(30),
        claimDuration: Duration = .seconds(30),
        claimedElsewhereDelay: Duration = JobTopology.retryTiers[0],
        pausedHoldDelay: Duration = JobTopology.retryTiers[1],
        logger: Logger
    ) {
        var byChannel: [Channel: any ReminderChannel] = [:]
        for implementation in channels {
            for channel in implementation.channels { byChannel[channel] = implementation }
        }
        self.storage = storage
        self.channels = byChannel
        self.composer = composer
        self.retry = retry
        self.clock = clock
        self.actionConcurrency = max(1, actionConcurrency)
        self.storageTimeout = storageTimeout
        self.claimDuration = claimDuration
        self.claimedElsewhereDelay = claimedElsewhereDelay
        self.pausedHoldDelay = pausedHoldDelay
        self.logger = logger
    }

    /// Processes a batch (`prepare`, then `beforeCommit`, then `record`); returns one
    /// disposition per message, in order.
    ///
    /// `beforeCommit` runs once the dispositions are known and before the outcomes are
    /// committed: the worker sends retries and dead letters there, so that a crash can only
    /// duplicate a dead letter, never lose one (a redelivered job that has an outcome is only
    /// acknowledged). If it throws, nothing is committed and the error is rethrown. Throws when
    /// the storage cannot be reached: then nothing of the batch is settled.
    public func process<Message: InboundJob>(
        _ messages: [Message],
        beforeCommit: ([MessageDisposition]) async throws -> Void = { _ in }
    ) async throws -> [MessageDisposition] {
        var batch = try await prepare(messages)
        try await beforeCommit(batch.dispositions)
        _ = try await record(&batch)
        return batch.dispositions
    }

    /// Reads what the batch names, decides, claims the jobs to act on for `holder`, and has the
    /// channels act; writes nothing else. Throws only when the storage cannot be reached, and
    /// then before any channel acted. Preparing the same batch again (after such a failure)
    /// under the same `holder` finds its own claims granted.
    public func prepare<Message: InboundJob>(_ messages: [Message], holder: UUID = UUID()) async throws -> ProcessedBatch {
        let now = clock.now()
        var dispositions = [MessageDisposition?](repeating: nil, count: messages.count)
        var decoded: [(index: Int, job: ReminderJob, attempt: Int)] = []
        var seen = Set<UUID>()
        for (index, message) in messages.enumerated() {
            guard message.attempt >= 1 else {
                logger.warning("Message with an invalid attempt count dead-lettered", metadata: ["attempt": "\(message.attempt)"])
                dispositions[index] = .deadLetter(reason: "invalid attempt count \(message.attempt)")
                continue
            }
            do {
                let job = try ReminderJob.decode(Data(message.body))
                if seen.insert(job.jobId).inserted {
                    decoded.append((index, job, message.attempt))
                } else {
                    dispositions[index] = .acknowledge
                }
            } catch {
                logger.warning("Undecodable message dead-lettered", metadata: ["reason": "\(error.reason)"])
                dispositions[index] = .deadLetter(reason: "undecodable: \(error.reason)")
            }
        }
        guard !decoded.isEmpty else { return ProcessedBatch(dispositions: dispositions.map { $0 ?? .acknowledge }, outcomes: []) }

        // One read serves the standings, the guard and the messages.
        let storage = self.storage
        let (tenantIds, debtorIds) = (decoded.map(\.job.tenantId), decoded.map(\.job.debtorId))
        let invoiceIds = Array(Set(decoded.flatMap { $0.job.steps.map(\.invoiceId) }))
        let snapshot = try await withDeadline(storageTimeout, what: "reading the batch's records") {
            try await storage.load(tenantIds: tenantIds, debtorIds: debtorIds, invoiceIds: invoiceIds, now: now)
        }
        var dueMoments: [Int: Date] = [:]
        let invoiceFacts = snapshot.invoiceSnapshots
        for entry in decoded {
            for step in entry.job.steps {
                guard let zone = invoiceFacts[step.invoiceId]?.debtorTimeZone,
                      let facts = snapshot.steps[InvoiceID(step.invoiceId)]?.first(where: { $0.position == step.position }) else { continue }
                let due = facts.dueDate.stepDueMoment(in: zone)
                dueMoments[entry.index] = min(dueMoments[entry.index] ?? due, due)
            }
        }
        var standings: [UUID: JobStanding] = [:]
        let unsettled = decoded.filter { entry in
            guard snapshot.awaitsOutcome(entry.job) else { return true }
            standings[entry.job.jobId] = .awaiting
            return false
        }
        if !unsettled.isEmpty {
            let named = unsettled.map { (jobId: $0.job.jobId, tenantId: $0.job.tenantId) }
            standings.merge(try await withDeadline(storageTimeout, what: "looking up jobs") {
                try await storage.standings(of: named)
            }) { $1 }
        }
        var live: [(index: Int, job: ReminderJob, attempt: Int)] = []
        for entry in decoded {
            switch standings[entry.job.jobId] ?? .unknownJob {
            case .done:
                dispositions[entry.index] = .acknowledge
            case .unknownTenant:
                logger.warning("Job for an unknown tenant dead-lettered", metadata: [
                    "job.id": "\(entry.job.jobId)", "tenant.id": "\(entry.job.tenantId)",
                ])
                dispositions[entry.index] = .deadLetter(reason: "unknown tenant \(entry.job.tenantId)")
            case .unknownJob:
                logger.warning("Message for an unknown job dead-lettered", metadata: [
                    "job.id": "\(entry.job.jobId)", "tenant.id": "\(entry.job.tenantId)",
                ])
                dispositions[entry.index] = .deadLetter(reason: "unknown job \(entry.job.jobId) for tenant \(entry.job.tenantId)")
            case .awaiting:
                live.append(entry)
            }
        }

        // Operators' pauses hold a job whole, before the guard: nothing about it is written.
        if !snapshot.paused.isEmpty {
            let before = live.count
            live.removeAll { entry in
                let job = entry.job
                let creditor = snapshot.debtors[DebtorID(job.debtorId)]?.creditorId
                    ?? job.steps.lazy.compactMap { snapshot.invoices[InvoiceID($0.invoiceId)]?.creditorId }.first
                guard snapshot.paused.holds(tenant: TenantID(job.tenantId), creditor: creditor, channel: job.channel) else { return false }
                dispositions[entry.index] = .retry(delay: pausedHoldDelay, nextAttempt: entry.attempt)
                return true
            }
            if live.count < before {
                logger.info("Jobs held by an operators' pause", metadata: ["jobs": "\(before - live.count)"])
            }
        }

        // The guard, on each debtor's own day; the few zones of a batch are worked out once each.
        let invoices = snapshot.invoiceSnapshots
        var days: [TimeZoneID: CalendarDate] = [:]
        func today(for invoice: InvoiceSnapshot) -> CalendarDate {
            if let day = days[invoice.debtorTimeZone] { return day }
            let day = CalendarDate(now, in: invoice.debtorTimeZone)
            days[invoice.debtorTimeZone] = day
            return day
        }
        var records: [(message: Int, outcome: JobOutcome)] = []
        var actions: [(index: Int, channelJob: ChannelJob)] = []
        for entry in live {
            let job = entry.job
            if let missing = job.steps.first(where: { invoices[$0.invoiceId]?.tenantId != job.tenantId }) {
                dispositions[entry.index] = .deadLetter(reason: "unknown invoice \(missing.invoiceId) for tenant \(job.tenantId)")
                continue
            }
            var kept: [ReminderJob.Step] = []
            var firstSkip: SkipReason?
            for step in job.steps {
                let invoice = invoices[step.invoiceId]!
                if let reason = invoice.skipReason(on: today(for: invoice)) {
                    firstSkip = firstSkip ?? reason
                } else {
                    kept.append(step)
                }
            }
            if kept.isEmpty, let reason = firstSkip {
                records.append((entry.index, outcome(for: job, kind: OutcomeKind(skipped: reason), attempts: entry.attempt, now: now,
                                                     detail: #"{"reason":"invoice \#(reason.rawValue) since dispatch"}"#)))
                dispositions[entry.index] = .acknowledge
                continue
            }
            guard channels[job.channel] != nil else {
                dispositions[entry.index] = .deadLetter(reason: "no worker for channel \(job.channel.rawValue)")
                records.append((entry.index, outcome(for: job, kind: .deadLettered, attempts: entry.attempt, now: now,
                                                     detail: #"{"reason":"no worker for channel"}"#)))
                continue
            }
            let relevant = Dictionary(uniqueKeysWithValues: kept.map { ($0.invoiceId, invoices[$0.invoiceId]!) })
            actions.append((entry.index, ChannelJob(job: job, steps: kept, invoices: relevant, attempt: entry.attempt, now: now)))
        }

        if let composer {
            let messages = composer.compose(actions.map { ($0.channelJob.job, $0.channelJob.steps) }, at: now, from: snapshot)
            var composed: [(index: Int, channelJob: ChannelJob)] = []
            composed.reserveCapacity(actions.count)
            for (action, message) in zip(actions, messages) {
                switch message {
                case .success(let context):
                    var action = action
                    action.channelJob.message = context
                    composed.append(action)
                case .failure(let error):
                    // The stored data cannot make this message: a permanent failure, like a channel's.
                    logger.warning("Message cannot be composed; job dead-lettered", metadata: [
                        "job.id": "\(action.channelJob.job.jobId)", "error": "\(error.message)",
                    ])
                    records.append((action.index, outcome(for: action.channelJob.job, kind: .failedPermanent, attempts: action.channelJob.attempt,
                                                          now: now, detail: JSONObjectText.encode(["reason": error.message]))))
                    dispositions[action.index] = .deadLetter(reason: error.message)
                }
            }
            actions = composed
        }

        // A delivery whose connection was lost while the batch was read (a broker node died)
        // is being delivered again, perhaps to another worker that may act on it now: this copy
        // is left alone (no action, no outcome; its acknowledgement would be dropped anyway).
        let lost = actions.filter { !messages[$0.index].isLive }
        if !lost.isEmpty {
            logger.notice("Deliveries lost with their connection before acting; left to their redelivery", metadata: ["jobs": "\(lost.count)"])
            for action in lost { dispositions[action.index] = .acknowledge }
            actions.removeAll { !messages[$0.index].isLive }
        }
        // Claimed before acting: another copy of a job in another worker's hands (the relay
        // published it again, or its delivery came back after a lost connection) waits for
        // that worker's outcome, under the same attempt.
        if !actions.isEmpty {
            let wanted = actions.map {
                JobClaim(jobId: $0.channelJob.job.jobId, tenantId: $0.channelJob.job.tenantId, attempt: $0.channelJob.attempt)
            }
            let duration = claimDuration
            let granted = try await withDeadline(storageTimeout, what: "claiming jobs") {
                try await storage.claim(wanted, holder: holder, for: duration)
            }
            if granted.count < actions.count {
                logger.notice("Jobs in another worker's hands; these copies wait for its outcome", metadata: [
                    "jobs": "\(actions.count - granted.count)",
                ])
                for action in actions where !granted.contains(action.channelJob.job.jobId) {
                    dispositions[action.index] = .retry(delay: claimedElsewhereDelay, nextAttempt: action.channelJob.attempt)
                }
                actions.removeAll { !granted.contains($0.channelJob.job.jobId) }
            }
        }
        let results = await perform(actions.map(\.channelJob))
        for ((index, channelJob), result) in zip(actions, results) {
            let job = channelJob.job
            switch result {
            case .success(let delivery):
                records.append((index, outcome(for: job, kind: delivery.outcome, attempts: channelJob.attempt, now: clock.now(),
                                               detail: delivery.detail, artefact: delivery.artefactURI)))
                dispositions[index] = .acknowledge
            case .failure(let error) where error.kind == .transient && retry.mayRetry(afterAttempt: channelJob.attempt):
                let delay = retry.delay(afterAttempt: channelJob.attempt, random: Double.random(in: 0..<1))
                logger.notice("Channel failed; job will be retried", metadata: [
                    "job.id": "\(job.jobId)", "channel": "\(job.channel)", "attempt": "\(channelJob.attempt)",
                    "error": "\(error.message)",
                ])
                dispositions[index] = .retry(delay: delay, nextAttempt: channelJob.attempt + 1)
            case .failure(let error) where error.unusable != nil:
                // The other end refused the debtor's address for good: an answer about the
                // debtor, not a fault to repair. The outcome says so and the ladder goes on.
                let contact = error.unusable!
                logger.notice("Channel refused the debtor's contact for good", metadata: [
                    "job.id": "\(job.jobId)", "channel": "\(job.channel)", "contact": "\(contact.rawValue)",
                    "error": "\(error.message)",
                ])
                var record = outcome(for: job, kind: .failedPermanent, attempts: channelJob.attempt, now: clock.now(),
                                     detail: JSONObjectText.encode(["reason": error.message, "unusable": contact.rawValue]))
                record.unusableContact = contact
                records.append((index, record))
                dispositions[index] = .acknowledge
            case .failure(let error):
                let why = error.kind == .transient
                    ? "gave up after \(channelJob.attempt) attempts: \(error.message)"
                    : error.message
                logger.warning("Channel failed for good; job dead-lettered", metadata: [
                    "job.id": "\(job.jobId)", "channel": "\(job.channel)", "error": "\(why)",
                ])
                let kind: OutcomeKind = error.kind == .transient ? .failed : .failedPermanent
                records.append((index, outcome(for: job, kind: kind, attempts: channelJob.attempt, now: clock.now(),
                                                     detail: JSONObjectText.encode(["reason": why]))))
                dispositions[index] = .deadLetter(reason: why)
            }
        }
        var batch = ProcessedBatch(dispositions: dispositions.map { $0 ?? .acknowledge }, outcomes: records)
        batch.dueMoments = dueMoments
        return batch
    }

    /// Writes the batch's outcomes in one transaction. When the storage refuses what some of
    /// them hold, the refused ones are found by halving and the others written; each refused
    /// outcome is replaced by a `dead_lettered` one with the storage's reason, and its message's
    /// disposition becomes a dead letter. Returns the indexes of those messages (their dead
    /// letters are still to be sent). Throws when the storage cannot be reached: writing the
    /// same outcomes again later keeps the first of each.
    public func record(_ batch: inout ProcessedBatch) async throws -> [Int] {
        guard !batch.outcomes.isEmpty else { return [] }
        let refused = try await recordIsolating(batch.outcomes[...])
        for (message, outcome, reason) in refused {
            logger.error("Outcome refused by the storage; job dead-lettered", metadata: [
                "job.id": "\(outcome.jobId)", "tenant.id": "\(outcome.tenantId)", "reason": "\(reason)",
            ])
            let why = "outcome refused: \(reason)"
            let plain = JobOutcome(
                jobId: outcome.jobId, stepIds: outcome.stepIds, tenantId: outcome.tenantId, debtorId: outcome.debtorId,
                channel: outcome.channel, kind: .deadLettered, detail: JSONObjectText.encode(["reason": why]),
                attempts: max(1, outcome.attempts), completedAt: outcome.completedAt
            )
            do {
                try await recordWithin([plain])
            } catch let error as OutcomesRefused {
                logger.error("Not even a plain outcome could be written for the job", metadata: [
                    "job.id": "\(outcome.jobId)", "reason": "\(error.reason)",
                ])
            }
            batch.dispositions[message] = .deadLetter(reason: why)
        }
        return refused.map(\.message)
    }

    /// Writes `outcomes` within the storage deadline.
    private func recordWithin(_ outcomes: [JobOutcome]) async throws {
        let storage = self.storage
        _ = try await withDeadline(storageTimeout, what: "writing outcomes") { try await storage.record(outcomes) }
    }

    /// Writes `outcomes`, halving on refusal; returns the refused ones with the reason.
    private func recordIsolating(
        _ outcomes: ArraySlice<(message: Int, outcome: JobOutcome)>
    ) async throws -> [(message: Int, outcome: JobOutcome, reason: String)] {
        do {
            try await recordWithin(outcomes.map(\.outcome))
            return []
        } catch let refusal as OutcomesRefused {
            guard outcomes.count > 1 else { return outcomes.map { ($0.message, $0.outcome, refusal.reason) } }
            let middle = outcomes.startIndex + outcomes.count / 2
            return try await recordIsolating(outcomes[..<middle]) + recordIsolating(outcomes[middle...])
        }
    }

    private func perform(_ jobs: [ChannelJob]) async -> [Result<ChannelDelivery, ChannelError>] {
        guard !jobs.isEmpty else { return [] }
        let channels = self.channels
        return await withTaskGroup(of: (Int, Result<ChannelDelivery, ChannelError>).self) { group in
            var results = [Result<ChannelDelivery, ChannelError>?](repeating: nil, count: jobs.count)
            var next = 0
            func start(_ index: Int) {
                let job = jobs[index]
                group.addTask {
                    do throws(ChannelError) {
                        return (index, .success(try await channels[job.job.channel]!.perform(job)))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            while next < min(actionConcurrency, jobs.count) { start(next); next += 1 }
            for await (index, result) in group {
                results[index] = result
                if next < jobs.count { start(next); next += 1 }
            }
            return results.map { $0! }
        }
    }

    private func outcome(
        for job: ReminderJob, kind: OutcomeKind, attempts: Int, now: Date, detail: String, artefact: String? = nil
    ) -> JobOutcome {
        JobOutcome(jobId: job.jobId, stepIds: job.steps.map(\.stepId), tenantId: job.tenantId, debtorId: job.debtorId,
                   channel: job.channel, kind: kind, detail: detail, artefactURI: artefact, attempts: attempts, completedAt: now)
    }
}

/// A batch worked out but not yet written: what to do with each message, and the outcomes to
/// record, each with the index of its message.
public struct ProcessedBatch: Sendable {
    public var dispositions: [MessageDisposition]
    public var outcomes: [(message: Int, outcome: JobOutcome)]
    /// Each decoded job's earliest step due moment (its date at the step hour in the debtor's
    /// zone), by message: what the lateness metric measures from.
    public var dueMoments: [Int: Date] = [:]

    public init(dispositions: [MessageDisposition], outcomes: [(message: Int, outcome: JobOutcome)]) {
        self.dispositions = dispositions
        self.outcomes = outcomes
    }
}
