import Foundation
import Logging
import RelanceCore
import RelancePipeline
import ServiceLifecycleTestKit

/// One in-memory pipeline for one test: a store, a broker and a manual clock, with a business
/// tenant and its creditor. Invoices are due on Monday 2 March 2026 and planned ten days before,
/// so the built-in ladder's first step (an email three days before the due date) falls due on
/// Friday 27 February at 08:00 in Paris.
struct PipelineFixture {
    static let parisZone = TimeZone(identifier: "Europe/Paris")!
    static let dueDate = try! CalendarDate(iso: "2026-03-02")
    /// The day the first step falls due.
    static let firstStepDay = dueDate.adding(days: -3)
    static let address = PostalAddress(lines: ["12 rue de la Paix"], postalCode: "75002", city: "Paris", countryCode: "FR")

    /// `hour`:`minute` in Paris on `date`.
    static func paris(_ date: CalendarDate, _ hour: Int, _ minute: Int = 0) -> Date {
        date.moment(hour: hour, minute: minute, in: parisZone)
    }

    static var repositoryRoot: URL {
        // …/Tests/RelancePipelineUnitTests/Support/PipelineFixture.swift
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The repository's rate tables, compliance rules and templates.
    static let reference: ReferenceData = {
        do {
            return try ReferenceData.load(schemasDirectory: repositoryRoot.appendingPathComponent("schemas"),
                                          templatesDirectory: repositoryRoot.appendingPathComponent("templates"))
        } catch {
            fatalError("reference data: \(error)")
        }
    }()

    static let renderer = TemplateRenderer(library: reference.templates, agencyRules: reference.complianceRules.collectionAgency)

    static let logger: Logger = {
        var logger = Logger(label: "relance.pipeline-unit-tests")
        logger.logLevel = .critical
        return logger
    }()

    let clock: ManualClock
    let store: MemoryPipelineStore
    let broker = MemoryJobBroker()
    let tenant: Tenant
    let creditor: Creditor

    /// The clock starts at 10:30 in Paris on the first step's day unless told otherwise.
    init(now: Date = PipelineFixture.paris(PipelineFixture.firstStepDay, 10, 30), tenantKind: TenantKind = .business) {
        clock = ManualClock(now)
        store = MemoryPipelineStore(clock: clock)
        tenant = Tenant(name: "Atelier Durand", kind: tenantKind)
        creditor = Creditor(tenantId: tenant.id, name: "Atelier Durand SAS", address: Self.address)
        store.add(tenant, agencyDetails: tenantKind == .collectionAgency ? AgencyDetails(
            name: "Recouvrement Martin", address: Self.address, statement: "Société de recouvrement amiable, garantie financière n° 1234"
        ) : nil)
        store.add(creditor)
    }

    // MARK: Data

    func addDebtor(_ name: String, kind: DebtorKind = .business) throws -> Debtor {
        let debtor = try Debtor(
            tenantId: tenant.id, creditorId: creditor.id, name: name, kind: kind, language: .fr, timeZone: "Europe/Paris",
            contacts: DebtorContacts(email: "compta@example.test", phone: "+33600000000", postalAddress: Self.address)
        )
        store.add(debtor)
        return debtor
    }

    /// An invoice of 1 200.00 € due on `dueDate`, planned ten days before.
    @discardableResult
    func addInvoice(for debtor: Debtor, number: String) throws -> Invoice {
        let invoice = try Invoice(
            tenantId: tenant.id, creditorId: creditor.id, debtorId: debtor.id, number: number,
            issueDate: Self.dueDate.adding(days: -30), dueDate: Self.dueDate, amount: Money(minorUnits: 120_000, currency: .eur)
        )
        try store.add(invoice, today: Self.dueDate.adding(days: -10))
        return invoice
    }

    /// Records a payment of everything `invoice` owes, the day before the first step.
    func pay(_ invoice: Invoice) throws {
        try store.recordPayment(Payment(invoiceId: invoice.id, date: Self.firstStepDay.adding(days: -1), amount: invoice.amount))
    }

    /// The first step of `invoice`'s schedule (the email three days before the due date).
    func firstStep(of invoice: Invoice) -> MemoryPipelineStore.Step {
        store.steps(of: invoice.id)[0]
    }

    // MARK: Parts

    func dispatcher(batchSize: Int = 100, outboxLimit: Int? = nil) -> DispatcherService<MemoryPipelineStore> {
        var configuration = DispatcherConfiguration()
        configuration.batchSize = batchSize
        configuration.outboxLimit = outboxLimit
        configuration.claimers = 1
        configuration.outboxPause = .milliseconds(5)
        configuration.pollInterval = .milliseconds(50)
        return DispatcherService(
            storage: store, decider: DispatchDecider(complianceRules: Self.reference.complianceRules), clock: clock,
            configuration: configuration, logger: Self.logger
        )
    }

    func relay() -> OutboxRelay<MemoryPipelineStore, MemoryJobBroker> {
        OutboxRelay(outbox: store, broker: broker, logger: Self.logger)
    }

    /// A worker as production builds it (messages composed from the batch's one read), over
    /// `channel`, taking at most `prefetch` deliveries at once.
    func worker(
        _ channel: some ReminderChannel, retry: RetryPolicy = RetryPolicy(), prefetch: UInt16 = 100,
        storageTimeout: Duration = .seconds(30), consumers: Int = 1, claimDuration: Duration = .seconds(30)
    ) -> WorkerService<MemoryPipelineStore, MemoryJobBroker> {
        var configuration = WorkerConfiguration()
        configuration.prefetch = prefetch
        configuration.consumersPerChannel = consumers
        configuration.batchLinger = .zero
        configuration.databaseFailurePause = .milliseconds(1)
        let processor = JobProcessor(
            storage: store, channels: [channel], composer: MessageComposer(rateTables: Self.reference.rateTables),
            retry: retry, clock: clock, storageTimeout: storageTimeout, claimDuration: claimDuration, logger: Self.logger
        )
        return WorkerService(processor: processor, broker: broker, configuration: configuration, logger: Self.logger)
    }

    /// Dispatches what is due and publishes it; returns the jobs written.
    @discardableResult
    func dispatchAndPublish() async throws -> [MemoryPipelineStore.Job] {
        try await dispatcher().dispatchOnce()
        while try await relay().publishOnce().published > 0 {}
        return store.jobs
    }

    /// Runs `worker` while `body` runs, then shuts it down gracefully (as SIGTERM does) and
    /// waits for it to stop.
    func running(
        _ worker: WorkerService<MemoryPipelineStore, MemoryJobBroker>,
        _ body: (GracefulShutdownTestTrigger) async throws -> Void
    ) async throws {
        try await testGracefulShutdown { trigger in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await worker.run() }
                try await body(trigger)
                trigger.triggerGracefulShutdown()
                try await group.waitForAll()
            }
        }
    }
}

/// Waits until `condition` holds, or `timeout` passes; returns whether it held. For waiting on
/// another task's progress only: what a test asserts does not depend on the timeout.
func eventually(timeout: Duration = .seconds(30), _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(1))
    }
    return try await condition()
}
