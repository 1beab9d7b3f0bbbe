import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelancePipeline
import RelanceStore
import Synchronization

/// Builds what the composer reads through the real stores: parties, invoices planned by the
/// intake, jobs claimed and grouped by the dispatcher's own decisions, outcomes written by the
/// job processor — then the channel jobs a worker would hand the composer.
struct ComposerFixture: Sendable {
    let client: PostgresClient
    var logger: Logger { TestDatabase.logger }

    /// The shipped rate tables, compliance rules and templates.
    static let reference: ReferenceData = {
        let root = TestDatabase.repositoryRoot
        do {
            return try ReferenceData.load(
                schemasDirectory: root.appendingPathComponent("schemas"),
                templatesDirectory: root.appendingPathComponent("templates")
            )
        } catch {
            fatalError("the shipped reference data does not load: \(error)")
        }
    }()

    static let renderer = TemplateRenderer(
        library: reference.templates, agencyRules: reference.complianceRules.collectionAgency
    )

    var composer: MessageComposer { MessageComposer(rateTables: Self.reference.rateTables) }
    var worker: WorkerStore { WorkerStore(client: client, logger: logger) }

    static let paris = TimeZone(identifier: "Europe/Paris")!
    static let lyon = PostalAddress(lines: ["12 rue des Lilas"], postalCode: "69003", city: "Lyon", countryCode: "FR")
    static let bellecour = PostalAddress(lines: ["8 place Bellecour"], postalCode: "69002", city: "Lyon", countryCode: "FR")
    static let paris19 = PostalAddress(lines: ["3 avenue Jean Jaurès"], postalCode: "75019", city: "Paris", countryCode: "FR")

    static func day(_ iso: String) -> CalendarDate { try! CalendarDate(iso: iso) }
    static func eur(_ decimal: String) -> Money { try! Money(decimal: decimal, currency: .eur) }
    /// `iso` at `hour`:00 in Paris.
    static func moment(_ iso: String, hour: Int = 10) -> Date { day(iso).moment(hour: hour, in: paris) }

    // MARK: - Parties

    func tenant(_ name: String, kind: TenantKind = .business) async throws -> Tenant {
        let tenant = Tenant(name: name, kind: kind)
        let details = kind == .collectionAgency
            ? AgencyDetails(name: "\(name) SAS", address: Self.bellecour, statement: "Société de recouvrement amiable")
            : nil
        try await TenantRepository(client: client, logger: logger).create(tenant, agencyDetails: details)
        return tenant
    }

    func creditor(of tenant: Tenant, name: String = "Atelier Durand & Fils SARL") async throws -> Creditor {
        let creditor = Creditor(tenantId: tenant.id, name: name, address: Self.lyon)
        try await CreditorRepository(client: client, logger: logger).create(creditor)
        return creditor
    }

    static func debtor(
        of creditor: Creditor, name: String = "Boulangerie Martin", kind: DebtorKind = .business, language: Language = .fr
    ) -> Debtor {
        try! Debtor(
            tenantId: creditor.tenantId, creditorId: creditor.id, name: name, kind: kind, language: language,
            timeZone: "Europe/Paris",
            contacts: DebtorContacts(email: "compta@martin.example", phone: "+33140000000", postalAddress: paris19)
        )
    }

    func debtors(_ debtors: [Debtor]) async throws {
        try await DebtorRepository(client: client, logger: logger).createMany(debtors.map { DebtorRecord(debtor: $0) })
    }

    func debtor(
        of creditor: Creditor, name: String = "Boulangerie Martin", kind: DebtorKind = .business, language: Language = .fr
    ) async throws -> Debtor {
        let debtor = Self.debtor(of: creditor, name: name, kind: kind, language: language)
        try await debtors([debtor])
        return debtor
    }

    static func invoice(_ debtor: Debtor, number: String, amount: String, issued: String, due: String) -> Invoice {
        try! Invoice(
            tenantId: debtor.tenantId, creditorId: debtor.creditorId, debtorId: debtor.id, number: number,
            issueDate: day(issued), dueDate: day(due), amount: eur(amount)
        )
    }

    /// Stores and plans the invoices with the built-in French ladder, as the intake does.
    func plan(_ invoices: [Invoice], today: String) async throws {
        try await InvoiceIntake(client: client, logger: logger).add(invoices, today: Self.day(today))
    }

    // MARK: - Pipeline

    /// Claims what is due at `now` and lets the dispatcher's decisions group it into jobs.
    func dispatch(at now: Date) async throws -> [ReminderJob] {
        let decider = DispatchDecider(complianceRules: Self.reference.complianceRules)
        let written = Mutex<[OutboxJob]>([])
        _ = try await DispatchStore(client: client, logger: logger).claimAndDispatch(now: now, batchSize: 5_000) { steps in
            let plan = decider.plan(steps, now: now)
            written.withLock { $0 = plan.jobs }
            return plan
        }
        return try written.withLock { $0 }.map { try ReminderJob.decode($0.payload) }
    }

    /// Runs the jobs through the job processor at `now` with a channel that records only (or,
    /// `acting`, that records what the real channel would: sent, prepared …), so their outcomes
    /// and steps are written as a worker writes them.
    func process(
        _ jobs: [ReminderJob], at now: Date, composer: MessageComposer? = nil, renderer: TemplateRenderer? = nil,
        acting: Bool = false
    ) async throws -> [MessageDisposition] {
        let recording = RecordingChannel(renderer: renderer)
        let channel: any ReminderChannel = acting ? ActingChannel(recording) : recording
        let processor = JobProcessor(
            storage: worker, channels: [channel], composer: composer, clock: ManualClock(now),
            logger: logger
        )
        let messages = jobs.map { IncomingMessage(body: Array($0.encoded()), attempt: 1, queueChannel: $0.channel.queueChannel.rawValue) }
        return try await processor.process(messages)
    }

    /// Dispatches what is due at `now` and processes it at once.
    @discardableResult
    func carryOut(at now: Date, acting: Bool = false) async throws -> [ReminderJob] {
        let jobs = try await dispatch(at: now)
        _ = try await process(jobs, at: now, acting: acting)
        return jobs
    }

    /// Reads what the jobs name, as a worker does for a batch.
    func load(_ jobs: [ReminderJob], at now: Date) async throws -> BatchSnapshot {
        try await worker.load(
            tenantIds: jobs.map(\.tenantId), debtorIds: jobs.map(\.debtorId),
            invoiceIds: jobs.flatMap { $0.steps.map(\.invoiceId) }, now: now
        )
    }
}

/// A record-only channel that records what the real channel would once it has acted (an email
/// sent, a letter prepared): for the tests of what a later message recalls of earlier ones.
struct ActingChannel: ReminderChannel {
    let recording: RecordingChannel
    var channels: Set<RelanceCore.Channel> { recording.channels }

    init(_ recording: RecordingChannel) { self.recording = recording }

    func perform(_ job: ChannelJob) async throws(RelancePipeline.ChannelError) -> ChannelDelivery {
        var delivery = try await recording.perform(job)
        delivery.outcome = .acted(on: job.job.channel)
        return delivery
    }
}
