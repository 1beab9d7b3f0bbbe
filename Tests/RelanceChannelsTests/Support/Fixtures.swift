import Foundation
import Logging
import RelanceChannels
import RelanceCore
import RelancePipeline
import Synchronization

/// What the channel tests send: a French business debtor with accents in its names, two late
/// invoices, penalties; the repository's templates.
enum Fixtures {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent() // Support
        .deletingLastPathComponent() // RelanceChannelsTests
        .deletingLastPathComponent() // Tests
        .deletingLastPathComponent() // repository root

    static let reference: ReferenceData = try! ReferenceData.load(
        schemasDirectory: root.appendingPathComponent("schemas"),
        templatesDirectory: root.appendingPathComponent("templates")
    )

    static let logger: Logger = {
        var logger = Logger(label: "relance.channels.tests")
        logger.logLevel = .warning
        return logger
    }()

    static let renderer = TemplateRenderer(library: reference.templates, agencyRules: reference.complianceRules.collectionAgency)

    static func eur(_ text: String) -> Money { try! Money(decimal: text, currency: .eur) }
    static func day(_ iso: String) -> CalendarDate { try! CalendarDate(iso: iso) }

    static func context(debtorEmail: String?, debtorKind: DebtorKind = .business, language: Language = .fr) -> MessageContext {
        MessageContext(
            language: language,
            letter: LetterReference(reference: "REL-2026-0042", date: day("2026-11-29")),
            debtor: LetterParty(
                name: "Pâtisserie Lefèvre & Fils",
                addressLines: ["3 avenue Jean Jaurès", "75019 Paris"],
                contactName: "Hélène Lefèvre",
                email: debtorEmail
            ),
            debtorKind: debtorKind,
            creditor: LetterParty(
                name: "Atelier Durand & Frères — Créations",
                addressLines: ["12 rue des Lilas", "69003 Lyon"],
                contactName: "Claire Durand",
                email: "compta@atelier-durand.example"
            ),
            invoices: [
                MessageInvoice(number: "F-2026-101", issueDate: day("2026-09-01"), dueDate: day("2026-10-01"),
                               amount: eur("3000"), outstanding: eur("3000")),
                MessageInvoice(number: "F-2026-117", issueDate: day("2026-09-15"), dueDate: day("2026-10-15"),
                               amount: eur("1250.50"), outstanding: eur("250.50")),
            ],
            penalties: MessagePenalties(interest: eur("56.44"), fixedIndemnity: eur("80"), rate: Rate(basisPoints: 1215),
                                        rateDescription: "taux BCE majoré de 10 points"),
            history: [MessageAction(date: day("2026-10-02"), channel: .email, summary: "Rappel amical")],
            nextStep: MessageNextStep(channel: .registeredLetter, date: day("2026-12-14")),
            paymentDeadline: day("2026-12-09"),
            paymentMethods: [
                MessagePaymentMethod(label: "Virement bancaire", details: "IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP"),
            ]
        )
    }

    /// An email job for the context, its invoices in Paris.
    static func job(
        jobID: UUID = UUID(),
        context: MessageContext?,
        templateKey: String = "reminder.neutral",
        tone: Tone = .neutral,
        channel: Channel = .email,
        now: Date = Date(timeIntervalSince1970: 1_796_228_429) // 2026-12-02T16:20:29Z
    ) -> ChannelJob {
        let tenant = UUID()
        let debtor = UUID()
        let invoices = [UUID(), UUID()]
        let steps = invoices.enumerated().map { index, invoice in
            ReminderJob.Step(stepId: UUID(), invoiceId: invoice, position: index + 1, templateKey: templateKey, tone: tone)
        }
        let zone = try! TimeZoneID("Europe/Paris")
        var snapshots: [UUID: InvoiceSnapshot] = [:]
        for invoice in invoices {
            snapshots[invoice] = InvoiceSnapshot(id: invoice, tenantId: tenant, debtorId: debtor, state: nil,
                                                 outstanding: eur("1000"), debtorTimeZone: zone)
        }
        return ChannelJob(
            job: ReminderJob(jobId: jobID, tenantId: tenant, debtorId: debtor, channel: channel, steps: steps, createdAt: now),
            steps: steps,
            invoices: snapshots,
            attempt: 1,
            now: now,
            message: context
        )
    }

    /// A plain message from the sink's test sender to `recipient`.
    static func message(to recipient: String, subject: String = "Relance n° 1 : échéance dépassée", text: String = "Bonjour,\nVotre facture est échue.\n", html: String? = nil, domain: String = "relance.test") throws -> MIMEMessage {
        MIMEMessage(
            from: try Mailbox(address: "relance@relance.test", displayName: "Créancier Démo"),
            to: [try Mailbox(address: recipient, displayName: "Débiteur Démo")],
            subject: subject,
            date: Date(timeIntervalSince1970: 1_796_228_429),
            messageID: MIMEMessage.messageID(jobID: UUID(), domain: domain),
            text: text,
            html: html
        )
    }
}

/// A transport that keeps what it is given and answers as told: the channel's unit tests.
final class RecordingTransport: EmailTransport {
    private let sent = Mutex<[MIMEMessage]>([])
    private let failure: SMTPError?

    init(failing failure: SMTPError? = nil) {
        self.failure = failure
    }

    var messages: [MIMEMessage] { sent.withLock { $0 } }

    func send(_ message: MIMEMessage) async throws(SMTPError) -> SMTPReceipt {
        if let failure { throw failure }
        sent.withLock { $0.append(message) }
        return SMTPReceipt(messageID: message.messageID, recipients: message.to.map(\.address.description),
                           reply: "250 2.0.0 OK: queued as TEST", reusedConnection: false)
    }
}
