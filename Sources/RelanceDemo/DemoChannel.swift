import Foundation
import RelanceCore
import RelancePipeline
import RelanceStore

/// The demo's record-only channel: `RecordingChannel` (render, record, contact nobody), handed
/// a message context built from the demo's cast when the worker did not compose one. The
/// renderer refuses an agency's message that lacks a mandatory mention, so the agency's
/// letters are checked for real.
///
/// Jobs of tenants outside the cast (left by another run) are recorded without rendering.
struct DemoChannel: ReminderChannel {
    let cast: DemoCast
    let ledger: DemoLedger
    let penalties: DemoPenalties
    let inner: RecordingChannel

    var channels: Set<Channel> { inner.channels }

    func perform(_ job: ChannelJob) async throws(ChannelError) -> ChannelDelivery {
        var job = job
        let agencyDebtor = cast.tenant(TenantID(job.job.tenantId))?.tenant.kind == .collectionAgency
        if job.message == nil {
            do {
                job.message = try compose(job)
            } catch {
                throw .permanent("cannot compose the message: \(error)")
            }
        }
        let delivery = try await inner.perform(job)
        // The agency's first written contact is the letter later ones must recall.
        if agencyDebtor, let message = job.message, job.job.channel != .call, job.job.channel != .legal {
            ledger.recordFirstLetter(message.letter, debtor: DebtorID(job.job.debtorId))
        }
        return delivery
    }

    /// The message context of `job`, or nil for a job the cast does not know.
    func compose(_ job: ChannelJob) throws -> MessageContext? {
        let debtorId = DebtorID(job.job.debtorId)
        guard let character = cast.character(of: debtorId), let creditor = cast.creditor(character.debtor.creditorId),
              let tenant = cast.tenant(character.debtor.tenantId)
        else { return nil }
        let debtor = character.debtor
        let zone = debtor.timeZone.zone
        let today = CalendarDate(job.now, in: zone)

        var invoices: [MessageInvoice] = []
        var interest = Money.zero(.eur)
        var indemnity = Money.zero(.eur)
        var rate: Rate?
        // Invoices in a stable order (oldest due first), whatever order the job lists them in.
        var listed: [Invoice] = []
        for step in job.steps {
            guard let invoice = cast.invoice(InvoiceID(step.invoiceId)) else { return nil }
            listed.append(invoice)
        }
        listed.sort { ($0.dueDate, $0.number) < ($1.dueDate, $1.number) }
        for invoice in listed {
            let outstanding = job.invoices[invoice.id.uuid]?.outstanding ?? invoice.outstanding
            invoices.append(MessageInvoice(
                number: invoice.number, issueDate: invoice.issueDate, dueDate: invoice.dueDate,
                amount: invoice.amount, outstanding: outstanding
            ))
            let owed = try penalties.owed(
                on: today, invoice: invoice, jurisdiction: cast.jurisdiction(of: invoice),
                payments: ledger.payments(of: invoice.id), noticeDate: ledger.noticeDate(of: invoice.id)
            )
            interest = try interest.adding(owed.interest)
            indemnity = try indemnity.adding(owed.fixedIndemnity)
            rate = rate ?? owed.periods.last?.annualRate
        }
        let last = job.steps.last!
        let next = ledger.nextStep(of: InvoiceID(last.invoiceId), after: last.position)

        var agency: MessageAgency?
        if tenant.tenant.kind == .collectionAgency, let details = tenant.agencyDetails {
            agency = MessageAgency(
                party: LetterParty(name: details.name, addressLines: Self.lines(details.address), phone: "+33240000999",
                                   email: "dossiers@recouvra.example"),
                firstLetter: ledger.firstLetter(of: debtorId)
            )
        }
        return MessageContext(
            language: debtor.language,
            // Unique per message: a debtor gets at most one message per channel a day.
            letter: LetterReference(reference: Self.reference(listed[0], channel: job.job.channel, on: today), date: today),
            debtor: LetterParty(
                name: debtor.name, addressLines: debtor.contacts.postalAddress.map(Self.lines) ?? [],
                phone: debtor.contacts.phone, email: debtor.contacts.email
            ),
            debtorKind: debtor.kind,
            creditor: LetterParty(name: creditor.name, addressLines: Self.lines(creditor.address)),
            agency: agency,
            invoices: invoices,
            penalties: MessagePenalties(interest: interest, fixedIndemnity: indemnity, rate: rate),
            history: ledger.contacts(of: debtorId),
            nextStep: next.map { MessageNextStep(channel: $0.channel, date: $0.date) },
            paymentDeadline: today.adding(days: 8),
            paymentMethods: [
                MessagePaymentMethod(label: "Virement bancaire", details: "IBAN FR76 3000 4000 0500 0012 3456 789 – BIC BNPAFRPP"),
                MessagePaymentMethod(label: "Chèque", details: "à l'ordre de \(agency?.party.name ?? creditor.name)"),
            ]
        )
    }

    /// The message's reference, e.g. `F-2026-0114/20260424/L` (invoice, day, channel).
    static func reference(_ invoice: Invoice, channel: Channel, on day: CalendarDate) -> String {
        let code = switch channel {
        case .email: "E"
        case .call: "T"
        case .letter: "L"
        case .registeredLetter: "R"
        case .legal: "J"
        }
        return "\(invoice.number)/\(day.iso.replacingOccurrences(of: "-", with: ""))/\(code)"
    }

    static func lines(_ address: PostalAddress) -> [String] {
        address.lines + ["\(address.postalCode) \(address.city)"]
    }
}
