import Foundation
import RelanceCore
import RelancePipeline

/// Builds in memory what a worker reads for a batch (a `BatchSnapshot`), the way
/// `SnapshotBuilder` does in RelanceCoreTests: parties, invoices under French law planned with
/// the built-in ladder, earlier steps carried out; then composes a job's message with the
/// domain's `MessageComposer` (penalties from the shipped rate tables) and hands the channel
/// the `ChannelJob` a worker would.
struct LetterFixture {
    var snapshot = BatchSnapshot()

    static let ladder = DunningPolicy.defaultFrench

    /// The repository root, found from this file's path.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent() // Support
        .deletingLastPathComponent() // RelanceChannelsTests
        .deletingLastPathComponent() // Tests
        .deletingLastPathComponent()

    /// The shipped rate tables, compliance rules and templates.
    static let reference: ReferenceData = {
        do {
            return try ReferenceData.load(
                schemasDirectory: repositoryRoot.appendingPathComponent("schemas"),
                templatesDirectory: repositoryRoot.appendingPathComponent("templates")
            )
        } catch {
            fatalError("the shipped reference data does not load: \(error)")
        }
    }()

    static let renderer = TemplateRenderer(library: reference.templates, agencyRules: reference.complianceRules.collectionAgency)
    static let composer = MessageComposer(rateTables: reference.rateTables)

    static let paris = TimeZone(identifier: "Europe/Paris")!
    static let lyon = PostalAddress(lines: ["12 rue des Lilas"], postalCode: "69003", city: "Lyon", countryCode: "FR")
    static let bellecour = PostalAddress(lines: ["8 place Bellecour"], postalCode: "69002", city: "Lyon", countryCode: "FR")
    static let paris19 = PostalAddress(lines: ["3 avenue Jean Jaurès"], postalCode: "75019", city: "Paris", countryCode: "FR")

    static func day(_ iso: String) -> CalendarDate { try! CalendarDate(iso: iso) }
    static func eur(_ decimal: String) -> Money { try! Money(decimal: decimal, currency: .eur) }
    /// `iso` at `hour`:00 in Paris.
    static func moment(_ iso: String, hour: Int = 10) -> Date { day(iso).moment(hour: hour, in: paris) }

    // MARK: - Parties

    mutating func tenant(_ name: String, kind: TenantKind = .business) -> Tenant {
        let tenant = Tenant(name: name, kind: kind)
        let details = kind == .collectionAgency
            ? AgencyDetails(name: "\(name) SAS", address: Self.bellecour, statement: "Société de recouvrement amiable")
            : nil
        snapshot.tenants[tenant.id] = TenantRecord(tenant: tenant, agencyDetails: details)
        return tenant
    }

    mutating func creditor(of tenant: Tenant, name: String = "Atelier Durand & Fils SARL") -> Creditor {
        let creditor = Creditor(tenantId: tenant.id, name: name, address: Self.lyon)
        snapshot.creditors[creditor.id] = creditor
        return creditor
    }

    mutating func debtor(
        of creditor: Creditor, name: String = "Boulangerie Martin", kind: DebtorKind = .business,
        language: Language = .fr, address: PostalAddress? = LetterFixture.paris19
    ) -> Debtor {
        let debtor = try! Debtor(
            tenantId: creditor.tenantId, creditorId: creditor.id, name: name, kind: kind, language: language,
            timeZone: "Europe/Paris",
            contacts: DebtorContacts(email: "compta@martin.example", phone: "+33140000000", postalAddress: address)
        )
        snapshot.debtors[debtor.id] = debtor
        return debtor
    }

    // MARK: - Invoices and steps

    /// An invoice under the French law for its debtor's kind; `payments` are (value date, amount).
    @discardableResult
    mutating func invoice(
        _ debtor: Debtor, number: String, amount: String, issued: String, due: String, payments: [(String, String)] = []
    ) -> InvoiceID {
        let total = Self.eur(amount)
        let paid = payments.map { PartialPayment(date: Self.day($0.0), amount: Self.eur($0.1)) }
        let outstanding = Money(minorUnits: total.minorUnits - paid.reduce(0) { $0 + $1.amount.minorUnits }, currency: .eur)
        let id = InvoiceID()
        snapshot.invoices[id] = BatchSnapshot.InvoiceFacts(
            id: id, tenantId: debtor.tenantId, creditorId: debtor.creditorId, debtorId: debtor.id, number: number,
            issueDate: Self.day(issued), dueDate: Self.day(due), amount: total, outstanding: outstanding, contractRate: nil,
            jurisdiction: debtor.kind == .consumer ? .frB2C : .frB2B, formalNoticeDate: nil, payments: paid,
            state: paid.isEmpty ? .open : .partiallyPaid
        )
        return id
    }

    /// The job a dispatcher makes at `now` for step `position` of the debtor's `invoices`.
    mutating func dispatch(position: Int, of invoices: [InvoiceID], at now: Date) -> ReminderJob {
        let step = Self.ladder.steps[position]
        let facts = invoices.map { snapshot.invoices[$0]! }
        let job = ReminderJob(
            jobId: UUID(), tenantId: facts[0].tenantId.uuid, debtorId: facts[0].debtorId.uuid, channel: step.channel,
            steps: facts.map {
                ReminderJob.Step(stepId: UUID(), invoiceId: $0.id.uuid, position: position, templateKey: step.templateKey, tone: step.tone)
            },
            createdAt: now
        )
        for invoice in facts {
            var steps = (snapshot.steps[invoice.id] ?? []).filter { $0.status != .planned }
            steps.append(stepFacts(invoice, position: position, status: .dispatched, jobId: job.jobId))
            if position + 1 < Self.ladder.steps.count {
                steps.append(stepFacts(invoice, position: position + 1, status: .planned, jobId: nil))
            }
            snapshot.steps[invoice.id] = steps
        }
        return job
    }

    /// Dispatches step `position` of `invoices` at `moment` and carries it out at once.
    mutating func carryOut(position: Int, of invoices: [InvoiceID], at moment: Date) {
        let job = dispatch(position: position, of: invoices, at: moment)
        for step in job.steps {
            let id = InvoiceID(step.invoiceId)
            snapshot.steps[id] = snapshot.steps[id]?.map { facts in
                guard facts.jobId == job.jobId else { return facts }
                var done = facts
                done.status = .done
                done.completedAt = moment
                return done
            }
        }
        let debtor = DebtorID(job.debtorId)
        if snapshot.tenants[TenantID(job.tenantId)]?.tenant.kind == .collectionAgency,
           BatchSnapshot.writtenChannels.contains(job.channel), snapshot.firstWrittenContacts[debtor] == nil {
            snapshot.firstWrittenContacts[debtor] = BatchSnapshot.WrittenContact(jobId: job.jobId, channel: job.channel, completedAt: moment)
        }
    }

    private func stepFacts(
        _ invoice: BatchSnapshot.InvoiceFacts, position: Int, status: ScheduleStepStatus, jobId: UUID?
    ) -> BatchSnapshot.StepFacts {
        let step = Self.ladder.steps[position]
        return BatchSnapshot.StepFacts(
            invoiceId: invoice.id, position: position, channel: step.channel, templateKey: step.templateKey, status: status,
            dueDate: invoice.dueDate.adding(days: step.offsetDays), jobId: jobId, completedAt: nil
        )
    }

    // MARK: - What the channel receives

    /// The message of `job` as of `now`, composed by the domain.
    func message(_ job: ReminderJob, at now: Date) throws -> MessageContext {
        try Self.composer.context(for: job, at: now, from: snapshot)
    }

    /// The job as a worker hands it to its channel, with its composed message.
    func channelJob(_ job: ReminderJob, at now: Date, attempt: Int = 1) throws -> ChannelJob {
        ChannelJob(job: job, steps: job.steps, invoices: [:], attempt: attempt, now: now, message: try message(job, at: now))
    }
}
