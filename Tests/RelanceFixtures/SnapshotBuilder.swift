import Foundation
import RelanceCore

/// Builds in memory the `BatchSnapshot` a worker reads for a batch, as the pipeline would have
/// left it: parties, invoices (under French law, planned with the built-in ladder), steps done
/// by earlier jobs with the time their outcome was written, the steps a job carries
/// (dispatched), each invoice's next planned step, and an agency's first written contact.
/// Shared by the tests of the composer and of the channels.
public struct SnapshotBuilder {
    public var snapshot = BatchSnapshot()

    public static let ladder = DunningPolicy.defaultFrench

    public init() {}

    public static let paris = TimeZone(identifier: "Europe/Paris")!
    public static let lyon = PostalAddress(lines: ["12 rue des Lilas"], postalCode: "69003", city: "Lyon", countryCode: "FR")
    public static let bellecour = PostalAddress(lines: ["8 place Bellecour"], postalCode: "69002", city: "Lyon", countryCode: "FR")
    public static let paris19 = PostalAddress(lines: ["3 avenue Jean Jaurès"], postalCode: "75019", city: "Paris", countryCode: "FR")

    public static func day(_ iso: String) -> CalendarDate { try! CalendarDate(iso: iso) }
    public static func eur(_ decimal: String) -> Money { try! Money(decimal: decimal, currency: .eur) }
    /// `iso` at `hour`:00 in Paris.
    public static func moment(_ iso: String, hour: Int = 10) -> Date { day(iso).moment(hour: hour, in: paris) }

    // MARK: - Parties

    public mutating func tenant(_ name: String, kind: TenantKind = .business) -> Tenant {
        let tenant = Tenant(name: name, kind: kind)
        let details = kind == .collectionAgency
            ? AgencyDetails(name: "\(name) SAS", address: Self.bellecour, statement: "Société de recouvrement amiable")
            : nil
        snapshot.tenants[tenant.id] = TenantRecord(tenant: tenant, agencyDetails: details)
        return tenant
    }

    public mutating func creditor(of tenant: Tenant, name: String = "Atelier Durand & Fils SARL") -> Creditor {
        let creditor = Creditor(tenantId: tenant.id, name: name, address: Self.lyon)
        snapshot.creditors[creditor.id] = creditor
        return creditor
    }

    public mutating func debtor(
        of creditor: Creditor, name: String = "Boulangerie Martin", kind: DebtorKind = .business, language: Language = .fr,
        address: PostalAddress? = SnapshotBuilder.paris19
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
    public mutating func invoice(
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

    /// The job a dispatcher makes at `now` for step `position` of the debtor's `invoices`:
    /// those steps dispatched under its id, and each invoice's next step planned.
    public mutating func dispatch(position: Int, of invoices: [InvoiceID], at now: Date) -> ReminderJob {
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

    /// The worker sent `job` at `moment`: its steps are done, and for a collection agency it
    /// is the debtor's first written contact when there was none.
    public mutating func complete(_ job: ReminderJob, at moment: Date) {
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

    /// Dispatches step `position` of `invoices` at `moment` and sends it at once.
    public mutating func carryOut(position: Int, of invoices: [InvoiceID], at moment: Date) {
        complete(dispatch(position: position, of: invoices, at: moment), at: moment)
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
}
