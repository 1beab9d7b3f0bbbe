import Dispatch
import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelancePipeline
import RelanceStore

/// The legal channel: for a debtor's invoices reaching the legal step it writes the court
/// payment-order dossier (requête en injonction de payer) a person reviews and files — a PDF
/// request and its JSON manifest in the artefact store, side by side and named by the job
/// (`<job-id>.pdf`, `<job-id>.json`), so a redelivered job replaces them — and records it in
/// `legal_filings` as `ready_for_review`. Nothing is filed automatically, so the outcome is
/// `prepared`.
///
/// What it decides (pure functions of RelanceCore): the court (`CourtFinder`), the Cerfa form
/// (`PaymentOrderForm`), the claim per invoice to the request's date (`LegalClaim`, the
/// penalty engine as the messages use it), and the warnings (`DossierWarning`). What it cites
/// from the record: the formal notices with the postal manifest that posted them, and the
/// debtor's contact history (`LegalFilings.evidence`).
///
/// Failures: a job without its message, or whose records cannot make a dossier (no invoice,
/// no creditor, mixed currencies), fails for good; the database or the disk failing, or a font
/// missing from the installation, is worth retrying.
public struct LegalDossierChannel: ReminderChannel {
    public let channels: Set<RelanceCore.Channel> = [.legal]
    public let client: PostgresClient
    public let store: ArtefactStore
    public let composer: MessageComposer
    public let writer: LetterPDFWriter
    public let courts: CourtFinder
    /// Whose calendar names the day folder of the files: the day the job was dispatched there.
    public let timeZone: TimeZone
    public let logger: Logger
    /// PDF layout and file writes are synchronous: they run here, off the cooperative pool.
    private let queue: DispatchQueue

    /// - Parameters:
    ///   - client: the PostgreSQL client (running) the worker uses.
    ///   - store: where the PDF and JSON files go.
    ///   - rateTables: the penalty rate tables (`ReferenceData.rateTables`).
    ///   - timeZone: the post room's zone, as for letters.
    public init(
        client: PostgresClient,
        store: ArtefactStore,
        rateTables: PenaltyRateTables,
        writer: LetterPDFWriter = LetterPDFWriter(),
        courts: CourtFinder = CourtFinder(),
        timeZone: TimeZone = TimeZone(identifier: "Europe/Paris")!,
        logger: Logger = Logger(label: "relance.legal")
    ) {
        self.client = client
        self.store = store
        self.composer = MessageComposer(rateTables: rateTables)
        self.writer = writer
        self.courts = courts
        self.timeZone = timeZone
        self.logger = logger
        self.queue = DispatchQueue(label: "relance.legal")
    }

    public func perform(_ job: ChannelJob) async throws(RelancePipeline.ChannelError) -> ChannelDelivery {
        guard job.job.channel == .legal else {
            throw .permanent("the legal channel does not handle \(job.job.channel.rawValue) jobs")
        }
        guard let context = job.message else {
            throw .permanent("job \(job.job.jobId) carries no message to make a dossier from")
        }
        guard !job.steps.isEmpty else {
            throw .permanent("job \(job.job.jobId) has no invoice left to claim")
        }
        let jobId = job.job.jobId, tenantId = job.job.tenantId, debtorId = job.job.debtorId

        // The records: parties with their registration numbers and addresses, the invoices with
        // their payments, rates and formal-notice dates; then what the dossier cites.
        let snapshot: BatchSnapshot
        let evidence: LegalFilings.Evidence
        let filings = LegalFilings(client: client, logger: logger)
        do {
            // A dossier already filed (or withdrawn) is what the court has: never rewritten.
            if let reviewed = try await filings.filing(jobId), reviewed.status != .readyForReview {
                return Self.delivery(reviewed)
            }
            snapshot = try await MessageContextStore(client: client, logger: logger).load(
                tenantIds: [TenantID(tenantId)], debtorIds: [DebtorID(debtorId)],
                invoiceIds: job.steps.map { InvoiceID($0.invoiceId) }, now: job.now
            )
            evidence = try await filings.evidence(tenantId: tenantId, debtorId: debtorId, excludingJob: jobId)
        } catch {
            throw .transient("cannot read the dossier's records: \(error)")
        }
        let manifest: DossierManifest
        let claim: LegalClaim
        let court: CompetentCourt
        let form: PaymentOrderForm
        do throws(MessageComposer.CompositionError) {
            guard let debtor = snapshot.debtors[DebtorID(debtorId)] else {
                throw MessageComposer.CompositionError(.missingRecord, "debtor \(debtorId) not found")
            }
            guard let creditor = snapshot.creditors[debtor.creditorId] else {
                throw MessageComposer.CompositionError(.missingRecord, "creditor \(debtor.creditorId) not found")
            }
            let invoices = try MessageComposer.invoices(of: job.steps, debtor: debtor, from: snapshot)
            let filedOn = context.letter.date
            claim = try LegalClaim.breakdown(invoices, filedOn: filedOn, composer: composer)
            court = courts.court(debtorKind: debtor.kind, address: debtor.contacts.postalAddress, filedOn: filedOn)
            form = PaymentOrderForm(for: court.kind)
            manifest = Self.manifest(
                job: job.job, context: context, debtor: debtor, creditor: creditor, agency: snapshot.tenants[debtor.tenantId]?.agencyDetails,
                invoices: invoices, claim: claim, court: court, form: form, evidence: evidence
            )
        } catch {
            throw .permanent("cannot make the dossier of job \(jobId): \(error.message)")
        }

        // The files: the manifest, then the PDF laid out from it.
        let day = CalendarDate(job.job.createdAt, in: timeZone)
        let writer = self.writer, store = self.store
        let written = await onQueue { () -> Result<(pdf: StoredArtefact, json: StoredArtefact, pages: Int), RelancePipeline.ChannelError> in
            let json: [UInt8]
            do {
                json = try manifest.encoded()
            } catch {
                return .failure(.permanent("cannot encode the dossier's manifest: \(error)"))
            }
            let document = DossierDocument(manifest: manifest)
            do throws(LetterError) {
                let pdf = try writer.write(document.blocks, footer: document.footer)
                do throws(ArtefactStoreError) {
                    let jsonFile = try store.write(json, tenantId: tenantId, date: day, jobId: jobId, fileExtension: "json")
                    let pdfFile = try store.write(pdf.bytes, tenantId: tenantId, date: day, jobId: jobId)
                    return .success((pdf: pdfFile, json: jsonFile, pages: pdf.pageCount))
                } catch {
                    return .failure(.transient("cannot store the dossier: \(error)"))
                }
            } catch {
                return .failure(LetterChannel.channelError(error))
            }
        }
        let (pdf, json, pages) = try written.get()

        do {
            try await filings.record(LegalFilings.Draft(
                jobId: jobId, tenantId: tenantId, debtorId: debtorId,
                invoiceIds: manifest.claim.lines.compactMap { UUID(uuidString: $0.invoiceId) },
                invoiceNumbers: claim.lines.map(\.number), courtKind: court.kind, courtName: court.name,
                courtConfirmed: court.confirmed, form: form.number, principal: claim.principal, interest: claim.interest,
                fixedIndemnity: claim.fixedIndemnity, total: claim.total, claimDate: claim.filingDate,
                pdfPath: pdf.path, pdfSHA256: pdf.sha256, pdfPages: pages, manifestPath: json.path, manifestSHA256: json.sha256,
                warnings: manifest.warnings.map(\.code)
            ))
        } catch {
            throw .transient("cannot record the filing: \(error)")
        }

        let detail = LegalDossierDetail(
            pages: pages, pdfPath: pdf.path, pdfSHA256: pdf.sha256, manifestPath: json.path, manifestSHA256: json.sha256,
            court: court.name, courtConfirmed: court.confirmed, form: form.number, total: manifest.claim.total.text,
            warnings: manifest.warnings.map(\.code)
        )
        return ChannelDelivery(outcome: .prepared, detail: detail.json, artefactURI: pdf.uri)
    }

    /// The delivery of a dossier already recorded: its files as they are.
    static func delivery(_ filing: LegalFilings.Filing) -> ChannelDelivery {
        let detail = LegalDossierDetail(
            pages: filing.pdfPages, pdfPath: filing.pdfPath, pdfSHA256: filing.pdfSHA256, manifestPath: filing.manifestPath,
            manifestSHA256: filing.manifestSHA256, court: filing.courtName, courtConfirmed: filing.courtConfirmed, form: filing.form,
            total: MessageFormatter(language: .fr).money(filing.total), warnings: filing.warnings
        )
        return ChannelDelivery(outcome: .prepared, detail: detail.json, artefactURI: URL(fileURLWithPath: filing.pdfPath).absoluteString)
    }

    // MARK: - The manifest

    /// Everything the dossier says, from the records and the job's message (its reference,
    /// date, address lines and rate wording).
    static func manifest(
        job: ReminderJob, context: MessageContext, debtor: Debtor, creditor: Creditor, agency: AgencyDetails?,
        invoices: [BatchSnapshot.InvoiceFacts], claim: LegalClaim, court: CompetentCourt, form: PaymentOrderForm,
        evidence: LegalFilings.Evidence
    ) -> DossierManifest {
        let format = MessageFormatter(language: .fr)
        let zone = debtor.timeZone.zone
        func amount(_ money: Money) -> DossierManifest.Amount { DossierManifest.Amount(money, format: format) }
        func iso(_ date: Date) -> String { date.formatted(.iso8601) }
        let debtorIdentifiers = evidence.debtorIdentifiers

        let ids = Dictionary(invoices.map { ($0.number, $0.id.uuid.uuidString.lowercased()) }, uniquingKeysWith: { first, _ in first })
        let lines = claim.lines.map { line in
            DossierManifest.ClaimLine(
                invoiceId: ids[line.number] ?? "", invoiceNumber: line.number, issueDate: line.issueDate, dueDate: line.dueDate,
                amount: amount(line.amount), principal: amount(line.principal), interest: amount(line.interest),
                fixedIndemnity: amount(line.fixedIndemnity), total: amount(line.total), daysLate: line.daysLate,
                prescriptionDate: Prescription.date(dueDate: line.dueDate, kind: debtor.kind), rateNotPublished: line.rateNotPublished
            )
        }
        var basis: [String] = []
        if debtor.kind == .business {
            basis.append("pénalités de retard dues de plein droit dès le lendemain de l'échéance (C. com. art. L441-10 II)")
            if !claim.fixedIndemnity.isZero {
                basis.append("indemnité forfaitaire pour frais de recouvrement de 40 € par facture payée en retard (C. com. art. L441-10 II et D441-5)")
            }
        } else {
            basis.append("intérêts au taux légal à compter de la mise en demeure (C. civ. art. 1231-6 et 1344-1)")
        }

        let notices = evidence.formalNotices.map { notice in
            DossierManifest.FormalNotice(
                jobId: notice.jobId.uuidString.lowercased(), preparedAt: iso(notice.preparedAt), postedOn: notice.manifestDay,
                file: notice.artefactURI, sha256: notice.sha256, invoices: notice.invoiceNumbers
            )
        }
        let contacts = evidence.contacts.map { contact in
            let day = CalendarDate(contact.completedAt, in: zone)
            return DossierManifest.Contact(
                jobId: contact.jobId.uuidString.lowercased(), channel: contact.channel.rawValue, outcome: contact.outcome,
                completedAt: iso(contact.completedAt), day: day,
                reference: MessageComposer.letterReference(jobId: contact.jobId, date: day), file: contact.artefactURI
            )
        }

        // The bordereau: each invoice, each posted formal notice and its manifest, the history.
        var exhibits: [DossierManifest.Exhibit] = []
        func exhibit(_ kind: String, _ description: String, file: String? = nil, sha256: String? = nil) {
            exhibits.append(DossierManifest.Exhibit(number: exhibits.count + 1, kind: kind, description: description, file: file, sha256: sha256))
        }
        for line in claim.lines {
            exhibit("invoice", "Facture n° \(line.number) du \(format.date(line.issueDate)), échue le \(format.date(line.dueDate)), \(format.money(line.amount))")
        }
        let posted = evidence.formalNotices.filter { $0.manifestDay != nil }
        for notice in posted {
            let day = notice.manifestDay!
            let reference = MessageComposer.letterReference(jobId: notice.jobId, date: CalendarDate(notice.preparedAt, in: zone))
            let about = notice.invoiceNumbers.isEmpty ? "" : " (factures : \(notice.invoiceNumbers.joined(separator: ", ")))"
            exhibit("formal_notice", "Mise en demeure par lettre recommandée avec demande d'avis de réception, réf. \(reference), postée le \(format.date(day))\(about)",
                    file: notice.artefactURI, sha256: notice.sha256)
            exhibit("postal_manifest", "Manifeste postal du \(format.date(day)) portant l'envoi de la mise en demeure réf. \(reference)")
        }
        if !contacts.isEmpty {
            exhibit("contact_history", "Historique des relances : \(contacts.count) action\(contacts.count > 1 ? "s" : "") du \(format.date(contacts.first!.day)) au \(format.date(contacts.last!.day))")
        }

        let noticeDate = posted.compactMap(\.manifestDay).max() ?? invoices.compactMap(\.formalNoticeDate).max()
        let warnings = DossierWarning.assess(
            claim: claim, debtorKind: debtor.kind, court: court, formalNotice: noticeDate,
            creditorSiren: creditor.legalIdentifiers?.siren, debtorSiren: debtorIdentifiers?.siren
        )

        return DossierManifest(
            version: DossierManifest.currentVersion,
            jobId: job.jobId.uuidString.lowercased(),
            tenantId: job.tenantId.uuidString.lowercased(),
            debtorId: job.debtorId.uuidString.lowercased(),
            reference: context.letter.reference,
            preparedOn: context.letter.date,
            court: DossierManifest.Court(
                kind: court.kind.rawValue, name: court.name, seat: court.seat, confirmed: court.confirmed, rule: court.rule,
                debtorPlace: court.debtorPlace, toConfirm: court.toConfirm
            ),
            form: DossierManifest.Form(cerfa: form.number, title: form.title),
            creditor: DossierManifest.Party(
                name: creditor.name, address: context.creditor.addressLines, kind: DebtorKind.business.rawValue,
                siren: creditor.legalIdentifiers?.siren, registrationNumber: creditor.legalIdentifiers?.registrationNumber,
                vatNumber: creditor.legalIdentifiers?.vatNumber
            ),
            representative: agency.map { agency in
                DossierManifest.Party(
                    name: agency.name, address: context.agency?.party.addressLines ?? [agency.address.postalCode + " " + agency.address.city],
                    kind: DebtorKind.business.rawValue, siren: nil, registrationNumber: nil, vatNumber: nil
                )
            },
            debtor: DossierManifest.Party(
                name: debtor.name, address: context.debtor.addressLines, kind: debtor.kind.rawValue,
                siren: debtorIdentifiers?.siren, registrationNumber: debtorIdentifiers?.registrationNumber,
                vatNumber: debtorIdentifiers?.vatNumber
            ),
            claim: DossierManifest.Claim(
                claimDate: claim.filingDate, lines: lines, principal: amount(claim.principal), interest: amount(claim.interest),
                fixedIndemnity: amount(claim.fixedIndemnity), total: amount(claim.total),
                rateDescription: context.penalties.rateDescription, legalBasis: basis
            ),
            formalNotices: notices,
            contacts: contacts,
            exhibits: exhibits,
            warnings: warnings.map { DossierManifest.Warning(code: $0.code.rawValue, message: $0.message) }
        )
    }

    private func onQueue<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }
}
