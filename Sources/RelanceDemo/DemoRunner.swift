import AMQP
import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelancePipeline
import RelanceRuntime
import RelanceStore
import ServiceLifecycle

/// Runs the end-to-end demo against the real PostgreSQL and RabbitMQ: stores the cast, then
/// drives simulated days with a manual clock. Each tick it applies what time alone changes
/// (a broken promise), the debtors' events, lets the dispatcher claim what is due, has the
/// relay publish the outbox to RabbitMQ, and waits until the workers — consuming the real
/// queues in this process, on the same clock — have recorded an outcome for every job.
struct DemoRunner {
    /// 2026-03-02, a Monday. Every date of the demo stays inside the first half of 2026 (the
    /// agency's invoice fell due on 30 January): the penalty rate tables cover it, while the
    /// rates for the second half of 2026 are not published yet.
    static let start = CalendarDate(year: 2026, month: 3, day: 2)!
    static let days = 60
    /// Local hours of each simulated day's ticks: steps fall due at 08:00; call windows open
    /// at 09:00 (10:00 for consumers); the afternoon tick is when debtors act.
    static let hours = [8, 10, 14]
    static let zone = TimeZone(identifier: "Europe/Paris")!

    let configuration: RelanceConfiguration
    let reference: ReferenceData
    let logger: Logger
    /// How long to wait for the workers to record every outcome of one tick.
    let outcomeTimeout: Duration

    /// What the run produced, for the report and the invariants.
    struct Result {
        let cast: DemoCast
        let planned: [InvoiceID: PlannedInvoice]
        let journal: DemoJournal
        let ledger: DemoLedger
        /// When each invoice's ladder stopped or paused for good during the demo (payment,
        /// dispute, plan), and the promise's quiet period: no contact may complete inside.
        let quietPeriods: [InvoiceID: [(from: Date, until: Date?, why: String)]]
        let timeTransitions: [InvoiceID: [String]]
        let end: Date
        let foreignSteps: Int
        let counts: (jobs: [String: Int], outcomes: [String: Int], invoices: [String: Int], steps: [String: Int])
    }

    func run() async throws -> Result {
        let cast = try DemoCast.make(start: Self.start)
        let clock = ManualClock(Self.start.moment(hour: 7, in: Self.zone))
        let ledger = DemoLedger()
        // The real channels, as `relance run` has them: email through the SMTP relay (the local
        // sink), letters and formal notices written as PDFs, call tasks, court dossiers.
        let channels = try WorkerChannels.configured(configuration, reference: reference, logger: logger)

        // Every role, wired as `relance run` wires them; the pool and the workers run as services
        // on the demo's clock, while the day loop drives the dispatcher and the relay itself.
        var settings = PipelineSettings(roles: .all)
        settings.worker.prefetch = 100
        let pipeline = try buildPipelineServices(
            configuration: configuration, settings: settings, reference: reference, channels: channels,
            clock: clock, logger: logger
        )
        guard let dispatcher = pipeline.dispatcher, let relay = pipeline.relay, let worker = pipeline.worker else {
            throw DemoFailure("the demo's pipeline lacks a role")
        }
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [pipeline.client, worker], gracefulShutdownSignals: [], logger: logger
        ))
        let simulation = Simulation(
            cast: cast, clock: clock, ledger: ledger, client: pipeline.client, dispatcher: dispatcher, relay: relay,
            postRoomZone: try configuration.postRoomZone(), complianceRules: reference.complianceRules,
            logger: logger, outcomeTimeout: outcomeTimeout
        )

        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            // Let the service group start the connection pool before the first query.
            try await Task.sleep(for: .milliseconds(100))
            do {
                let result = try await simulation.run()
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
                await pipeline.broker.close()
                await channels.close()
                return result
            } catch {
                await group.triggerGracefulShutdown()
                try? await tasks.waitForAll()
                await pipeline.broker.close()
                await channels.close()
                throw error
            }
        }
    }
}

/// The demo's day loop, with what it holds while it runs.
private struct Simulation {
    let cast: DemoCast
    let clock: ManualClock
    let ledger: DemoLedger
    let client: PostgresClient
    let dispatcher: DispatcherService<DispatchStore>
    let relay: OutboxRelay<OutboxStore, AMQPJobBroker>
    /// Whose calendar the post room keeps (`RELANCE_POST_ROOM_TIME_ZONE`).
    let postRoomZone: TimeZone
    /// The call hours and contact budget the agents' queue keeps.
    let complianceRules: ComplianceRules
    let logger: Logger
    let outcomeTimeout: Duration

    var database: DemoDatabase { DemoDatabase(client: client, logger: logger, tenants: cast.tenantIds.map(\.uuid)) }
    var transitions: InvoiceTransitions { InvoiceTransitions(client: client, logger: logger) }

    func run() async throws -> DemoRunner.Result {
        let planned = try await store()
        let zone = DemoRunner.zone
        let lastDay = DemoRunner.start.adding(days: DemoRunner.days - 1)
        let end = lastDay.moment(hour: DemoRunner.hours.last!, in: zone)
        let foreign = try await database.foreignStepsDue(before: end)

        var journal = DemoJournal()
        var quiet: [InvoiceID: [(from: Date, until: Date?, why: String)]] = [:]
        var timeTransitions: [InvoiceID: [String]] = [:]
        // The scripted call results the agents recorded (by index in `cast.events`).
        var answered = Set<Int>()
        journal.observe(try await database.schedule(), at: nil)

        let invoiceIds = cast.invoices.map(\.id)
        for offset in 0..<DemoRunner.days {
            let day = DemoRunner.start.adding(days: offset)
            for hour in DemoRunner.hours {
                let now = day.moment(hour: hour, in: zone)
                clock.set(now)
                var changed = false

                // What time alone changes: a promise whose date has passed is broken.
                for result in try await transitions.applyTimeTransitions(invoiceIds, today: day) {
                    let text = Self.describe(result)
                    let invoice = result.invoice
                    timeTransitions[invoice.id, default: []].append(result.eventKind)
                    journal.event(text, debtor: invoice.debtorId.uuid, invoice: invoice.id.uuid, at: now)
                    if result.eventKind == "promise_broken", let index = quiet[invoice.id]?.lastIndex(where: { $0.until == nil }) {
                        quiet[invoice.id]![index].until = now
                    }
                    changed = true
                }
                // The agents work their call queues (call windows open at 09:00, 10:00 for
                // consumers), as `relance calls next` / `relance calls record` do.
                if hour >= 10 {
                    if try await workCalls(day: day, hour: hour, at: now, journal: &journal, quiet: &quiet, answered: &answered) {
                        changed = true
                    }
                }
                for event in cast.events where event.date == day && event.hour == hour && event.phase == .beforeDispatch && !event.isCallResult {
                    try await apply(event, at: now, journal: &journal, quiet: &quiet)
                    changed = true
                }
                if changed { try await observe(&journal, at: now) }

                let summary = try await dispatchUntilIdle()
                if summary.claimed > 0 { try await observe(&journal, at: now) }

                var queuedEvents = false
                for event in cast.events where event.date == day && event.hour == hour && event.phase == .whileQueued {
                    try await apply(event, at: now, journal: &journal, quiet: &quiet)
                    queuedEvents = true
                }
                if queuedEvents { try await observe(&journal, at: now) }

                let published = try await publishAll()
                if summary.jobs > 0 || published > 0 {
                    try await waitForOutcomes(at: now)
                    try await observe(&journal, at: now)
                }
            }
            // The post room prints and posts the day's letters, as `relance letters posted
            // --date D --tenant T` records it: a posted formal notice dates its invoices' notice.
            try await post(day, journal: &journal)
        }
        try await observe(&journal, at: end)
        for (index, event) in cast.events.enumerated() where event.isCallResult && !answered.contains(index) {
            let number = cast.invoice(event.action.invoiceId)?.number ?? "?"
            throw DemoFailure("no call task of \(number) was there to answer on \(event.date) at \(event.hour):00: the call the cast scripts never reached an agent")
        }
        let db = database
        return DemoRunner.Result(
            cast: cast, planned: planned, journal: journal, ledger: ledger, quietPeriods: quiet,
            timeTransitions: timeTransitions, end: end, foreignSteps: foreign,
            counts: (try await db.jobCounts(), try await db.outcomeCounts(), try await db.invoiceCounts(), try await db.stepCounts())
        )
    }

    /// Posts the day's letters of the demo's tenants and says so in the timeline.
    private func post(_ day: CalendarDate, journal: inout DemoJournal) async throws {
        let postings = LetterPostings(client: client, timeZone: postRoomZone, logger: logger)
        let evening = day.moment(hour: 17, in: postRoomZone)
        var posted = 0
        for tenant in cast.tenantIds {
            let lines = try await postings.manifest(day: day, tenant: tenant.uuid).filter { $0.postedOn == nil }
            guard !lines.isEmpty else { continue }
            let posting = try await postings.markPosted(day: day, tenant: tenant.uuid)
            posted += posting.letters
            for line in lines {
                let kind = line.registered ? "registered formal notice" : "letter"
                journal.event("\(kind) posted (\(line.pages) page(s), manifest of \(day))", debtor: line.debtorId,
                              invoices: cast.character(of: DebtorID(line.debtorId))?.invoices.map(\.id.uuid) ?? [], at: evening)
            }
        }
        if posted > 0 {
            for (invoice, date) in try await database.noticeDates() { ledger.setNoticeDate(date, of: InvoiceID(invoice)) }
        }
    }

    /// The agent of each tenant takes the next call task (`CallTaskStore.next`, as `relance
    /// calls next` does) until none may be called now, and records how each call went
    /// (`record`, as `relance calls record`): the result the cast scripts for that debtor at
    /// this hour (a promise, a plan), otherwise nobody answers. Returns whether anything changed.
    private func workCalls(
        day: CalendarDate, hour: Int, at now: Date, journal: inout DemoJournal,
        quiet: inout [InvoiceID: [(from: Date, until: Date?, why: String)]], answered: inout Set<Int>
    ) async throws -> Bool {
        let calls = CallTaskStore(client: client, rules: complianceRules, logger: logger)
        var worked = Set<UUID>()
        for tenant in [cast.business, cast.agency] {
            let agent = tenant.tenant.kind == .collectionAgency ? "Yanis (Recouvra)" : "Camille (Durand)"
            while let task = try await calls.next(tenant: tenant.tenant.id.uuid, agent: agent, now: now) {
                guard worked.insert(task.id).inserted else {
                    throw DemoFailure("call task \(task.id) was handed out twice at one moment")
                }
                let scripted = cast.events.enumerated().first { index, event in
                    event.isCallResult && event.date == day && event.hour == hour && !answered.contains(index)
                        && task.invoiceIds.contains(event.action.invoiceId.uuid)
                }
                let result: CallResult
                var text: String
                switch scripted?.element.action {
                case .promise(let id, let payBy):
                    let owed = try await outstanding(id)
                    result = .promiseToPay(date: payBy, amount: owed)
                    text = "\(agent) called: promised to pay \(owed) by \(payBy)"
                case .paymentPlan(_, let count, let firstDue):
                    result = .paymentPlan(installments: count, firstDueDate: firstDue)
                    text = "\(agent) called: agreed a plan of \(count) monthly installments from \(firstDue)"
                case .callback(_, let at):
                    result = .callback(at: at)
                    text = "\(agent) called: asked to be called back on \(Self.clock(at))"
                default:
                    result = .noAnswer
                    text = "\(agent) called: no answer"
                }
                let recording = try await calls.record(task: task.id, result: result, agent: agent, now: now)
                if let scripted {
                    answered.insert(scripted.offset)
                }
                if scripted != nil, result.kind == .promiseToPay || result.kind == .paymentPlan {
                    let why = result.kind == .promiseToPay ? "promise to pay" : "payment plan"
                    for id in task.invoiceIds { quiet[InvoiceID(id), default: []].append((now, nil, why)) }
                }
                if let window = recording.rescheduledTo {
                    text += " (call \(recording.attempts)); next try from \(Self.clock(window.earliest.date))"
                } else if recording.ladderMovedOn {
                    text += " after \(recording.attempts) calls: task closed, the ladder goes on"
                }
                for transition in recording.transitions {
                    text += " → \(transition.to.rawValue)"
                    if transition.cancelledSteps > 0 { text += "; \(transition.cancelledSteps) planned step(s) cancelled" }
                    if transition.replannedSteps > 0 { text += "; \(transition.replannedSteps) step(s) re-planned" }
                }
                journal.event(text, debtor: task.debtorId, invoices: task.invoiceIds, at: now)
            }
        }
        return !worked.isEmpty
    }

    private func outstanding(_ id: InvoiceID) async throws -> Money {
        guard let invoice = try await InvoiceRepository(client: client, logger: logger).invoice(id) else {
            throw DemoFailure("invoice \(id) disappeared")
        }
        return invoice.outstanding
    }

    /// `YYYY-MM-DD HH:MM` in the demo's zone.
    static func clock(_ moment: Date) -> String {
        let date = CalendarDate(moment, in: DemoRunner.zone)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = DemoRunner.zone
        let parts = calendar.dateComponents([.hour, .minute], from: moment)
        return "\(date) \(String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0))"
    }

    // MARK: - Setting the stage

    /// Stores the tenants, the agency's policy, creditors, debtors, their settled history, and
    /// the invoices — planned by the intake on the first day.
    private func store() async throws -> [InvoiceID: PlannedInvoice] {
        let tenants = TenantRepository(client: client, logger: logger)
        try await tenants.create(cast.business.tenant)
        try await tenants.create(cast.agency.tenant, agencyDetails: cast.agency.agencyDetails)
        try await DunningPolicyRepository(client: client, logger: logger).create(cast.agencyPolicy, tenantId: cast.agency.tenant.id)
        try await tenants.setDefaultPolicy(cast.agencyPolicy.id, of: cast.agency.tenant.id)
        let creditors = CreditorRepository(client: client, logger: logger)
        for creditor in cast.creditors { try await creditors.create(creditor) }
        try await DebtorRepository(client: client, logger: logger).createMany(cast.characters.map(\.record))
        try await InvoiceRepository(client: client, logger: logger).insert(cast.characters.flatMap(\.history))
        let planned = try await InvoiceIntake(client: client, logger: logger).add(cast.invoices, today: DemoRunner.start)
        return Dictionary(uniqueKeysWithValues: planned.map { ($0.invoiceId, $0) })
    }

    // MARK: - One tick

    private func apply(
        _ event: DemoEvent, at now: Date,
        journal: inout DemoJournal,
        quiet: inout [InvoiceID: [(from: Date, until: Date?, why: String)]]
    ) async throws {
        let id = event.action.invoiceId
        guard let invoice = cast.invoice(id) else { throw DemoFailure("event for an invoice outside the cast") }
        let result: TransitionResult
        var text: String
        switch event.action {
        case .payment(_, let amount):
            let payment = Payment(invoiceId: id, date: event.date, amount: amount)
            result = try await transitions.recordPayment(payment, reference: "demo", today: event.date)
            ledger.addPayment(payment)
            text = "payment of \(amount) received"
            if event.phase == .whileQueued { text += " while a reminder waited in the queue" }
            if result.to == .paid { quiet[id, default: []].append((now, nil, "paid")) }
        case .dispute(_, let reason):
            result = try await transitions.dispute(id, reason: reason, on: event.date)
            text = "disputed: \(reason)"
            quiet[id, default: []].append((now, nil, "disputed"))
        case .promise, .paymentPlan, .callback:
            throw DemoFailure("a call's result is recorded on its call task by the agent, not applied as an event")
        }
        text += " → \(result.to.rawValue)"
        if result.cancelledSteps > 0 { text += "; \(result.cancelledSteps) planned step(s) cancelled" }
        if result.replannedSteps > 0 { text += "; \(result.replannedSteps) step(s) re-planned" }
        journal.event(text, debtor: invoice.debtorId.uuid, invoice: id.uuid, at: now)
    }

    static func describe(_ result: TransitionResult) -> String {
        var text: String
        switch (result.eventKind, result.from) {
        case ("promise_broken", _): text = "the promise to pay was not kept: the ladder resumes"
        case ("installment_missed", _): text = "an installment was missed: the plan is void and the ladder resumes"
        default: text = "the pause ended: the ladder resumes"
        }
        text += " (\(result.from.rawValue) → \(result.to.rawValue))"
        if result.replannedSteps > 0 { text += "; \(result.replannedSteps) step(s) re-planned" }
        return text
    }

    private func observe(_ journal: inout DemoJournal, at now: Date) async throws {
        journal.observe(try await database.schedule(), at: now)
    }


    /// Publishes every pending outbox row; returns how many were confirmed.
    /// Claims until nothing is due at the clock's current time: the day step's dispatch.
    private func dispatchUntilIdle() async throws -> DispatchSummary {
        var total = DispatchSummary()
        while true {
            let summary = try await dispatcher.dispatchOnce()
            total += summary
            if summary.claimed == 0 { return total }
        }
    }

    private func publishAll() async throws -> Int {
        var total = 0
        var refusals = 0
        while true {
            let (published, failed) = try await relay.publishOnce()
            total += published
            if failed > 0 {
                refusals += 1
                guard refusals < 10 else { throw DemoFailure("RabbitMQ refused \(failed) job(s) ten times in a row; see outbox.last_publish_error") }
                try await Task.sleep(for: .milliseconds(200))
                continue
            }
            if published == 0 { return total }
        }
    }

    /// Waits until every job of the demo has an outcome.
    private func waitForOutcomes(at now: Date) async throws {
        let deadline = ContinuousClock.now + outcomeTimeout
        var pause = Duration.milliseconds(5)
        while true {
            let missing = try await database.jobsWithoutOutcome()
            if missing.isEmpty { return }
            guard ContinuousClock.now < deadline else {
                throw DemoFailure(
                    "invariant failed: \(missing.count) job(s) have no outcome \(outcomeTimeout) after publishing (simulated time \(ISO8601DateFormatter().string(from: now))): "
                        + missing.map { $0.uuidString.lowercased() }.sorted().joined(separator: ", ")
                        + ". Is another process consuming the relance.* queues of this vhost against another database?"
                )
            }
            try await Task.sleep(for: pause)
            pause = min(pause * 2, .milliseconds(50))
        }
    }
}
