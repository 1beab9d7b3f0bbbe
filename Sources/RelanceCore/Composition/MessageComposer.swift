import Foundation

/// Writes what each job of a batch says, from the records the worker read for the batch (a
/// `BatchSnapshot`): pure assembly and wording, no I/O.
///
/// Decisions, for one job:
/// - **Date and language**: the message is dated the pipeline clock's `now` in the debtor's
///   time zone, in the debtor's language. Its reference is `REL-<first 8 hex digits of the job
///   id>-<YYYYMMDD>` (`letterReference`), unique per job and reproducible from the outcome.
/// - **Parties**: address lines are the street lines, then `<postal code> <city>` (UK: city,
///   then postcode), then the country in capitals when it is not the reader's country.
/// - **Agency**: when the tenant is a collection agency, its name and address; its first
///   letter is the debtor's earliest written contact (`BatchSnapshot.writtenChannels`,
///   outcome `sent`), dated the day it was sent in the debtor's time zone — nil when this
///   message is the first.
/// - **Invoices**: those of the job's steps that survived the stale-job guard, by due date.
/// - **Penalties**: the penalty engine, per invoice, as of the message's date, under the
///   invoice's jurisdiction; the contract rate counts under `fr-b2b` only, the formal notice
///   date under `fr-b2c` only (the law ignores them elsewhere), creditors are businesses.
///   Payments without a row (an outstanding imported lower than the amount) are taken as paid
///   on the due date, so no interest is ever claimed on money whose date is unknown. When a
///   rate table does not yet cover a late day (a half-year not published), the job is not
///   failed: that invoice claims no interest, only its fixed indemnity, and the rate
///   description says the rate is not yet published. An invoice in a currency its law does not
///   know (a USD invoice under `fr-b2b`) claims no penalty. `rate` is set when one annual rate
///   applies to every day claimed.
/// - **History**: the invoices' steps done or dispatched by earlier jobs, one action per day,
///   channel and template, dated when the worker sent it (else the step's date).
/// - **Next step**: the earliest planned step of the invoices dated after today (the snapshot
///   holds each invoice's first one after the batch's day in the debtor's time zone).
/// - **Deadline**: 8 days for a formal notice (a registered letter or `notice.formal`), the
///   usual delay of a mise en demeure; 15 days otherwise.
/// - **Payment methods**: Relance stores no bank account yet (no column holds one), so the
///   transfer line names the payee (the agency, else the creditor) and the reference to quote,
///   pointing to the bank details on the invoice (or given on request by an agency); a cheque
///   line gives the payee's address.
public struct MessageComposer: Sendable {
    public let engine: PenaltyEngine

    /// Days a formal notice gives the debtor to pay.
    public static let formalNoticeDays = 8
    /// Days any other message gives the debtor to pay.
    public static let standardDays = 15

    public init(rateTables: PenaltyRateTables) {
        self.engine = PenaltyEngine(tables: rateTables)
    }

    /// The message of each job about `steps` (those the stale-job guard kept), as of `now`, in
    /// order; a job whose data cannot make a message gets its `CompositionError`.
    public func compose(
        _ jobs: [(job: ReminderJob, steps: [ReminderJob.Step])], at now: Date, from snapshot: BatchSnapshot
    ) -> [Result<MessageContext, CompositionError>] {
        jobs.map { entry in
            Result { () throws(CompositionError) -> MessageContext in
                try context(for: entry.job, steps: entry.steps, at: now, from: snapshot)
            }
        }
    }

    // MARK: - One job

    /// The message of `job` about `steps` (all of the job's when nil), as of `now`.
    public func context(
        for job: ReminderJob, steps: [ReminderJob.Step]? = nil, at now: Date, from snapshot: BatchSnapshot
    ) throws(CompositionError) -> MessageContext {
        let steps = steps ?? job.steps
        guard let debtor = snapshot.debtors[DebtorID(job.debtorId)] else {
            throw CompositionError(.missingRecord, "debtor \(job.debtorId) of job \(job.jobId) not found")
        }
        guard let creditor = snapshot.creditors[debtor.creditorId] else {
            throw CompositionError(.missingRecord, "creditor \(debtor.creditorId) of debtor \(debtor.id) not found")
        }
        guard let tenant = snapshot.tenants[TenantID(job.tenantId)] else {
            throw CompositionError(.missingRecord, "tenant \(job.tenantId) of job \(job.jobId) not found")
        }
        let zone = debtor.timeZone.zone
        let today = Self.day(of: now, in: zone)
        let language = debtor.language
        let words = Wording(language: language)

        var invoices = try Self.invoices(of: steps, debtor: debtor, from: snapshot)
        guard let currency = invoices.first?.amount.currency else {
            throw CompositionError(.inconsistentData, "job \(job.jobId) names no invoice to write about")
        }
        guard invoices.allSatisfy({ $0.amount.currency == currency }) else {
            throw CompositionError(.inconsistentData, "the invoices of job \(job.jobId) are in several currencies")
        }
        invoices.sort { ($0.dueDate, $0.number) < ($1.dueDate, $1.number) }

        let reference = LetterReference(reference: Self.letterReference(jobId: job.jobId, date: today), date: today)
        let debtorCountry = debtor.contacts.postalAddress?.countryCode
        var agency: MessageAgency?
        if tenant.tenant.kind == .collectionAgency {
            guard let details = tenant.agencyDetails else {
                throw CompositionError(.missingRecord, "collection agency \(tenant.tenant.id) has no agency details")
            }
            var firstLetter: LetterReference?
            if let contact = snapshot.firstWrittenContacts[debtor.id] {
                let date = Self.day(of: contact.completedAt, in: zone)
                firstLetter = LetterReference(reference: Self.letterReference(jobId: contact.jobId, date: date), date: date)
            }
            agency = MessageAgency(
                party: LetterParty(
                    name: details.name,
                    addressLines: Self.addressLines(details.address, readerCountry: debtorCountry, language: language)
                ),
                firstLetter: firstLetter
            )
        }
        let creditorParty = LetterParty(
            name: creditor.name,
            addressLines: Self.addressLines(creditor.address, readerCountry: debtorCountry, language: language)
        )
        let senderCountry = (tenant.agencyDetails?.address ?? creditor.address).countryCode
        let debtorParty = LetterParty(
            name: debtor.name,
            addressLines: debtor.contacts.postalAddress.map {
                Self.addressLines($0, readerCountry: senderCountry, language: language)
            } ?? [],
            phone: debtor.contacts.phone,
            email: debtor.contacts.email
        )

        let isFormalNotice = job.channel == .registeredLetter
            || steps.contains { $0.templateKey == StandardStepKey.formalNotice }
        let payee = agency?.party ?? creditorParty
        return MessageContext(
            language: language,
            letter: reference,
            debtor: debtorParty,
            debtorKind: debtor.kind,
            creditor: creditorParty,
            agency: agency,
            invoices: invoices.map {
                MessageInvoice(number: $0.number, issueDate: $0.issueDate, dueDate: $0.dueDate, amount: $0.amount, outstanding: $0.outstanding)
            },
            penalties: try penalties(invoices, currency: currency, asOf: today, words: words),
            history: Self.history(of: invoices, excluding: job.jobId, from: snapshot, zone: zone, words: words),
            nextStep: Self.nextStep(of: invoices, after: today, from: snapshot),
            paymentDeadline: today.adding(days: isFormalNotice ? Self.formalNoticeDays : Self.standardDays),
            paymentMethods: words.paymentMethods(
                payee: payee, reference: reference.reference, viaAgency: agency != nil,
                account: agency != nil ? tenant.agencyDetails?.bankAccount : creditor.bankAccount
            ),
            sender: creditor.sender
        )
    }

    /// The invoices `steps` are about, once each, in the steps' order; throws `missingRecord`
    /// when one is not in the snapshot or is not `debtor`'s.
    public static func invoices(
        of steps: [ReminderJob.Step], debtor: Debtor, from snapshot: BatchSnapshot
    ) throws(CompositionError) -> [BatchSnapshot.InvoiceFacts] {
        var invoices: [BatchSnapshot.InvoiceFacts] = []
        for step in steps where !invoices.contains(where: { $0.id.uuid == step.invoiceId }) {
            guard let invoice = snapshot.invoices[InvoiceID(step.invoiceId)], invoice.debtorId == debtor.id else {
                throw CompositionError(.missingRecord, "invoice \(step.invoiceId) of debtor \(debtor.id) not found")
            }
            invoices.append(invoice)
        }
        return invoices
    }

    // MARK: - Penalties

    private func penalties(
        _ invoices: [BatchSnapshot.InvoiceFacts],
        currency: Currency,
        asOf today: CalendarDate,
        words: Wording
    ) throws(CompositionError) -> MessagePenalties {
        var interest: Int64 = 0
        var indemnity: Int64 = 0
        var rates = Set<Rate>()
        var unpublished = false
        var descriptions: [String] = []
        func describe(_ text: String) {
            if !descriptions.contains(text) { descriptions.append(text) }
        }

        for invoice in invoices {
            let penalty = try self.penalty(of: invoice, asOf: today)
            interest += penalty.interest.minorUnits
            indemnity += penalty.fixedIndemnity.minorUnits
            switch penalty.basis {
            case .computed(let applied, let contractRate):
                if !applied.isEmpty {
                    rates.formUnion(applied)
                    describe(words.rateDescription(invoice.jurisdiction, contractRate: contractRate))
                }
            case .rateNotPublished:
                unpublished = true
                describe(words.rateNotPublished)
            case .currencyNotCovered:
                continue
            }
        }
        return MessagePenalties(
            interest: Money(minorUnits: interest, currency: currency),
            fixedIndemnity: Money(minorUnits: indemnity, currency: currency),
            rate: rates.count == 1 && !unpublished ? rates.first : nil,
            rateDescription: descriptions.isEmpty ? nil : descriptions.joined(separator: "; ")
        )
    }

    /// The penalties `invoice`, still unpaid, claims on `today`: what every message (and the
    /// court dossier's breakdown per invoice) claims for it. A rate not yet published claims no
    /// interest, only the fixed indemnity; a currency its law does not know claims nothing.
    public func penalty(of invoice: BatchSnapshot.InvoiceFacts, asOf today: CalendarDate) throws(CompositionError) -> InvoicePenalty {
        let request = Self.penaltyRequest(invoice, asOf: today)
        let currency = invoice.amount.currency
        do {
            let result = try engine.compute(request)
            return InvoicePenalty(
                interest: result.interest, fixedIndemnity: result.fixedIndemnity,
                basis: .computed(rates: Set(result.periods.map(\.annualRate)), contractRate: request.contractRate != nil)
            )
        } catch let error where error.code == .rateUnavailable {
            // Not published yet: claim no interest rather than guess, and say so.
            return InvoicePenalty(
                interest: .zero(currency),
                fixedIndemnity: PenaltyEngine.fixedIndemnity(invoice.jurisdiction, principal: request.principal),
                basis: .rateNotPublished
            )
        } catch let error where error.code == .currencyNotAllowed {
            return InvoicePenalty(interest: .zero(currency), fixedIndemnity: .zero(currency), basis: .currencyNotCovered)
        } catch {
            throw CompositionError(.inconsistentData, "penalties on invoice \(invoice.number) cannot be computed: \(error.message)")
        }
    }

    /// The engine's request for `invoice` still unpaid on `today`.
    static func penaltyRequest(_ invoice: BatchSnapshot.InvoiceFacts, asOf today: CalendarDate) -> PenaltyRequest {
        let currency = invoice.amount.currency
        var principal = invoice.amount
        // Value dates after today are not received yet as far as the message's date goes.
        var payments = invoice.payments.filter { $0.date <= today }
        let recorded = payments.reduce(Int64(0)) { $0 + ($1.amount.currency == currency ? $1.amount.minorUnits : 0) }
        let unexplained = invoice.amount.minorUnits - invoice.outstanding.minorUnits - recorded
        if unexplained > 0 {
            // Paid without a dated row: taken as paid on the due date, so it bears no interest.
            payments.append(PartialPayment(date: min(invoice.dueDate, today), amount: Money(minorUnits: unexplained, currency: currency)))
        } else if unexplained < 0, invoice.outstanding.isPositive {
            // The rows say more was paid than the invoice shows: trust the outstanding amount.
            payments = []
            principal = invoice.outstanding
        }
        return PenaltyRequest(
            jurisdiction: invoice.jurisdiction,
            principal: principal,
            dueDate: invoice.dueDate,
            settlement: .unpaid(asOf: today),
            payments: payments,
            contractRate: invoice.jurisdiction == .frB2B ? invoice.contractRate : nil,
            noticeDate: invoice.jurisdiction == .frB2C ? invoice.formalNoticeDate : nil,
            creditor: .business
        )
    }

    // MARK: - History and next step

    static func history(
        of invoices: [BatchSnapshot.InvoiceFacts],
        excluding jobId: UUID,
        from snapshot: BatchSnapshot,
        zone: TimeZone,
        words: Wording
    ) -> [MessageAction] {
        struct Key: Hashable {
            let date: CalendarDate
            let channel: Channel
            let templateKey: String
        }
        var order: [Key] = []
        var numbers: [Key: [String]] = [:]
        for invoice in invoices {
            for step in snapshot.steps[invoice.id] ?? [] where step.status == .done || step.status == .dispatched {
                guard let stepJob = step.jobId, stepJob != jobId else { continue }
                let date = step.completedAt.map { Self.day(of: $0, in: zone) } ?? step.dueDate
                let key = Key(date: date, channel: step.channel, templateKey: step.templateKey)
                if numbers[key] == nil { order.append(key) }
                numbers[key, default: []].append(invoice.number)
            }
        }
        let several = invoices.count > 1
        return order
            .sorted { ($0.date, $0.channel.rawValue) < ($1.date, $1.channel.rawValue) }
            .map { key in
                MessageAction(
                    date: key.date, channel: key.channel,
                    summary: words.actionSummary(templateKey: key.templateKey, channel: key.channel, invoices: several ? numbers[key]! : [])
                )
            }
    }

    static func nextStep(
        of invoices: [BatchSnapshot.InvoiceFacts],
        after today: CalendarDate,
        from snapshot: BatchSnapshot
    ) -> MessageNextStep? {
        var next: BatchSnapshot.StepFacts?
        for invoice in invoices {
            for step in snapshot.steps[invoice.id] ?? [] where step.status == .planned && step.dueDate > today {
                if let known = next, known.dueDate <= step.dueDate { continue }
                next = step
            }
        }
        return next.map { MessageNextStep(channel: $0.channel, date: $0.dueDate) }
    }

    // MARK: - Formatting

    /// `REL-<first 8 hex digits of the job id>-<YYYYMMDD>`: this message's reference.
    public static func letterReference(jobId: UUID, date: CalendarDate) -> String {
        // Built from the parts: Foundation's replacingOccurrences goes through NSString.
        var compact = date.iso
        compact.removeAll { $0 == "-" }
        return "REL-" + jobId.text().prefix(8) + "-" + compact
    }

    /// An address as printed under a name: the street lines, `<postal code> <city>` (UK:
    /// the city, then the postcode), and the country in capitals when it is not `readerCountry`.
    public static func addressLines(_ address: PostalAddress, readerCountry: String?, language: Language) -> [String] {
        var lines = address.lines.map(trimmed).filter { !$0.isEmpty }
        let code = trimmed(address.postalCode)
        let city = trimmed(address.city)
        let country = address.countryCode.uppercased()
        if country == "GB" {
            lines += [city, code].filter { !$0.isEmpty }
        } else {
            let line = [code, city].filter { !$0.isEmpty }.joined(separator: " ")
            if !line.isEmpty { lines.append(line) }
        }
        if let readerCountry, !country.isEmpty, country != readerCountry.uppercased() {
            let name = Locale(identifier: language.rawValue).localizedString(forRegionCode: country) ?? country
            lines.append(name.uppercased())
        }
        return lines
    }

    /// `text` without surrounding whitespace; the common already-trimmed case costs no copy.
    private static func trimmed(_ text: String) -> String {
        guard let first = text.first, let last = text.last, first.isWhitespace || last.isWhitespace else { return text }
        guard let start = text.firstIndex(where: { !$0.isWhitespace }), let end = text.lastIndex(where: { !$0.isWhitespace }) else {
            return ""
        }
        return String(text[start...end])
    }

    /// The calendar date of `moment` in `zone`, from its UTC offset then: the same day as
    /// `CalendarDate(_:in:)`, without a calendar computation per moment.
    static func day(of moment: Date, in zone: TimeZone) -> CalendarDate {
        let local = Int(moment.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: moment)
        return CalendarDate(daysSinceEpoch: local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
    }
}
