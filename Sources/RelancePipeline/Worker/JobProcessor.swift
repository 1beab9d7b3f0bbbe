import Foundation
import Logging
import RelanceCore
import RelanceStore

/// The worker's rules for a batch of messages, in order: decode (undecodable → dead letter with
/// the reason), idempotency (a job that has an outcome is only acknowledged), the tenant and
/// the job must exist (else dead letter with the reason), the stale-job guard (invoices paid, disputed, promised, in a plan, paused or written
/// off since dispatch are not acted on; a job left with none is `skipped_<reason>`), the message
/// (with a composer: one read for the batch; a job whose data cannot make one fails for good),
/// the channel action, then every outcome of the batch in one transaction. The caller acks only
/// after.
public struct JobProcessor: Sendable {
    public let outcomes: OutcomeStore
    public let channels: [Channel: any ReminderChannel]
    public let retry: RetryPolicy
    public let clock: any PipelineClock
    /// How many channel actions of one batch run at once.
    public let actionConcurrency: Int
    /// Writes each job's message (`ChannelJob.message`) before the channel acts; nil: none.
    public let composer: MessageComposer?
    public let logger: Logger

    public init(
        outcomes: OutcomeStore,
        channels: [any ReminderChannel],
        retry: RetryPolicy = RetryPolicy(),
        clock: any PipelineClock = SystemClock(),
        actionConcurrency: Int = 32,
        composer: MessageComposer? = nil,
        logger: Logger
    ) {
        var byChannel: [Channel: any ReminderChannel] = [:]
        for implementation in channels {
            for channel in implementation.channels { byChannel[channel] = implementation }
        }
        self.outcomes = outcomes
        self.channels = byChannel
        self.retry = retry
        self.clock = clock
        self.actionConcurrency = max(1, actionConcurrency)
        self.composer = composer
        self.logger = logger
    }

    /// Processes a batch; returns one disposition per message, in order.
    ///
    /// `beforeCommit` runs once the dispositions are known and before the outcomes are
    /// committed: the worker publishes retries and dead letters there, so that a crash can
    /// only duplicate a dead letter, never lose one (a redelivered job that has an outcome is
    /// only acknowledged). If it throws, nothing is committed and the error is rethrown.
    /// Outcomes are committed before this returns. Throws when the database cannot be
    /// reached: then nothing of the batch is acknowledged and the broker redelivers it.
    public func process(
        _ messages: [IncomingMessage],
        beforeCommit: ([MessageDisposition]) async throws -> Void = { _ in }
    ) async throws -> [MessageDisposition] {
        let now = clock.now()
        var dispositions = [MessageDisposition?](repeating: nil, count: messages.count)
        var decoded: [(index: Int, job: ReminderJob, attempt: Int)] = []
        var seen = Set<UUID>()
        for (index, message) in messages.enumerated() {
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

        // With a composer, one load serves the standings, the guard and the messages. A job whose
        // steps the load finds dispatched under its id awaits its outcome (a step moves on in the
        // outcome's transaction); any other is looked up by its outcome.
        var snapshot: MessageContextStore.Snapshot?
        var standings: [UUID: OutcomeStore.JobStanding] = [:]
        var unsettled = decoded
        if let composer, !decoded.isEmpty {
            let loaded = try await composer.load(
                tenantIds: decoded.map(\.job.tenantId), debtorIds: decoded.map(\.job.debtorId),
                invoiceIds: Array(Set(decoded.flatMap { $0.job.steps.map(\.invoiceId) })), now: now
            )
            snapshot = loaded
            unsettled = decoded.filter { entry in
                guard Self.awaitsOutcome(entry.job, in: loaded) else { return true }
                standings[entry.job.jobId] = .awaiting
                return false
            }
        }
        if !unsettled.isEmpty {
            standings.merge(try await outcomes.standings(of: unsettled.map { ($0.job.jobId, $0.job.tenantId) })) { $1 }
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

        // Each debtor's own day; the few zones of a batch are worked out once each.
        var todayIn: [String: CalendarDate] = [:]
        func today(for invoice: OutcomeStore.InvoiceSnapshot) -> CalendarDate {
            if let day = todayIn[invoice.debtorTimeZone] { return day }
            let day = CalendarDate(now, in: Self.zone(invoice.debtorTimeZone))
            todayIn[invoice.debtorTimeZone] = day
            return day
        }
        // The load's invoices carry their state; without a composer, the guard reads only that.
        let invoices: [UUID: OutcomeStore.InvoiceSnapshot]
        if let snapshot {
            invoices = Self.guardSnapshots(snapshot)
        } else {
            invoices = try await outcomes.invoices(Array(Set(live.flatMap { $0.job.steps.map(\.invoiceId) })))
        }
        var records: [JobOutcome] = []
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
                if let reason = Self.skipReason(invoice, today: today(for: invoice)) {
                    firstSkip = firstSkip ?? reason
                } else {
                    kept.append(step)
                }
            }
            if kept.isEmpty, let reason = firstSkip {
                records.append(outcome(for: job, kind: Self.outcomeKind(reason), attempts: entry.attempt,
                                       detail: #"{"reason":"invoice \#(reason.rawValue) since dispatch"}"#))
                dispositions[entry.index] = .acknowledge
                continue
            }
            guard channels[job.channel] != nil else {
                dispositions[entry.index] = .deadLetter(reason: "no worker for channel \(job.channel.rawValue)")
                records.append(outcome(for: job, kind: .deadLettered, attempts: entry.attempt,
                                       detail: #"{"reason":"no worker for channel"}"#))
                continue
            }
            let relevant = Dictionary(uniqueKeysWithValues: kept.map { ($0.invoiceId, invoices[$0.invoiceId]!) })
            actions.append((entry.index, ChannelJob(job: job, steps: kept, invoices: relevant, attempt: entry.attempt, now: now)))
        }

        if let composer, let snapshot {
            let messages = composer.compose(actions.map(\.channelJob), from: snapshot)
            var composed: [(index: Int, channelJob: ChannelJob)] = []
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
                    records.append(outcome(for: action.channelJob.job, kind: .failed, attempts: action.channelJob.attempt,
                                           detail: Self.jsonObject(["reason": error.message])))
                    dispositions[action.index] = .deadLetter(reason: error.message)
                }
            }
            actions = composed
        }

        let results = await perform(actions.map(\.channelJob))
        for ((index, channelJob), result) in zip(actions, results) {
            let job = channelJob.job
            switch result {
            case .success(let delivery):
                records.append(outcome(for: job, kind: delivery.outcome, attempts: channelJob.attempt,
                                       detail: delivery.detail, artefact: delivery.artefactURI))
                dispositions[index] = .acknowledge
            case .failure(let error) where error.kind == .transient && retry.mayRetry(afterAttempt: channelJob.attempt):
                let delay = retry.delay(afterAttempt: channelJob.attempt, random: Double.random(in: 0..<1))
                logger.notice("Channel failed; job will be retried", metadata: [
                    "job.id": "\(job.jobId)", "channel": "\(job.channel)", "attempt": "\(channelJob.attempt)",
                    "error": "\(error.message)",
                ])
                dispositions[index] = .retry(delay: delay, nextAttempt: channelJob.attempt + 1)
            case .failure(let error):
                let why = error.kind == .transient
                    ? "gave up after \(channelJob.attempt) attempts: \(error.message)"
                    : error.message
                logger.warning("Channel failed for good; job dead-lettered", metadata: [
                    "job.id": "\(job.jobId)", "channel": "\(job.channel)", "error": "\(why)",
                ])
                records.append(outcome(for: job, kind: .failed, attempts: channelJob.attempt,
                                       detail: Self.jsonObject(["reason": why])))
                dispositions[index] = .deadLetter(reason: why)
            }
        }

        // A letter sent may be a formal notice, dated by the day it went out where the debtor is.
        var zoneOf: [UUID: String] = [:]
        for index in records.indices where records[index].kind == .sent
            && (records[index].channel == .registeredLetter || records[index].channel == .letter) {
            if zoneOf.isEmpty { for invoice in invoices.values { zoneOf[invoice.debtorId] = invoice.debtorTimeZone } }
            guard let zone = zoneOf[records[index].debtorId], let completedAt = records[index].completedAt else { continue }
            records[index].completionDay = CalendarDate(completedAt, in: Self.zone(zone))
        }

        let final = dispositions.map { $0 ?? .acknowledge }
        try await beforeCommit(final)
        try await outcomes.record(records)
        return final
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
        for job: ReminderJob, kind: OutcomeKind, attempts: Int, detail: String, artefact: String? = nil
    ) -> JobOutcome {
        JobOutcome(jobId: job.jobId, stepIds: job.steps.map(\.stepId), tenantId: job.tenantId, debtorId: job.debtorId, channel: job.channel,
                   kind: kind, detail: detail, artefactURI: artefact, attempts: attempts, completedAt: clock.now())
    }

    /// Whether the load shows `job` awaiting its outcome: its tenant exists, and each of its
    /// steps is in the schedule of an invoice of that tenant, dispatched under the job's id.
    static func awaitsOutcome(_ job: ReminderJob, in snapshot: MessageContextStore.Snapshot) -> Bool {
        guard !job.steps.isEmpty, snapshot.tenants[TenantID(job.tenantId)] != nil else { return false }
        return job.steps.allSatisfy { step in
            snapshot.invoices[InvoiceID(step.invoiceId)]?.tenantId.uuid == job.tenantId
                && snapshot.steps[InvoiceID(step.invoiceId)]?.contains {
                    $0.position == step.position && $0.jobId == job.jobId && $0.status == .dispatched
                } == true
        }
    }

    /// The guard's view of the invoices a composer's load read. An invoice whose debtor the
    /// load did not read (it is not the debtor of any job of the batch) is left out, so the job
    /// naming it is dead-lettered as naming an unknown invoice.
    static func guardSnapshots(_ snapshot: MessageContextStore.Snapshot) -> [UUID: OutcomeStore.InvoiceSnapshot] {
        var result: [UUID: OutcomeStore.InvoiceSnapshot] = [:]
        result.reserveCapacity(snapshot.invoices.count)
        for (id, invoice) in snapshot.invoices {
            guard let debtor = snapshot.debtors[invoice.debtorId] else { continue }
            result[id.uuid] = OutcomeStore.InvoiceSnapshot(
                id: id.uuid, tenantId: invoice.tenantId.uuid, debtorId: invoice.debtorId.uuid, state: invoice.state,
                outstanding: invoice.outstanding, debtorTimeZone: debtor.timeZone
            )
        }
        return result
    }

    /// Why an invoice must not be acted on on `today` (the debtor's day), from its stored state.
    static func skipReason(_ invoice: OutcomeStore.InvoiceSnapshot, today: CalendarDate) -> SkipReason? {
        guard let state = try? StoredInvoiceState.decode(invoice.state, what: "invoice state") else {
            // A state this version cannot read: do not contact anyone on its account.
            return .paused
        }
        return state.skipReason(on: today)
    }

    /// A debtor's zone; the store only accepts known IANA names, so the fallback is for a name a
    /// later system update dropped.
    private static func zone(_ identifier: String) -> TimeZone {
        TimeZone(identifier: identifier) ?? TimeZone(identifier: "Europe/Paris")!
    }

    static func outcomeKind(_ reason: SkipReason) -> OutcomeKind {
        OutcomeKind(rawValue: "skipped_\(reason.rawValue)") ?? .skippedPaused
    }

    static func jsonObject(_ fields: [String: String]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
