import RelanceCore

/// A letter ready to be laid out on A4 pages: the sections the template rendered, with the
/// invoice table built from the message context's figures (amounts in integer minor units,
/// formatted in the letter's language) and the amounts the domain computed.
///
/// The invoice table is built here rather than taken from the template's table because a
/// letter shows what was paid on each invoice (`amount − outstanding`), which the templates'
/// plain-text table leaves out.
public struct LetterContent: Sendable, Hashable {
    public var language: Language
    /// A registered letter with acknowledgement of receipt (the formal notice).
    public var registered: Bool
    /// The sender's block at the top left: name first, then address lines.
    public var letterhead: [String]
    /// The debtor's name and address, placed in the envelope's window.
    public var recipient: [String]
    /// How the letter is sent (`Lettre recommandée avec demande d'avis de réception`).
    public var mailing: String?
    /// `Lyon, le 29 novembre 2026`.
    public var placeAndDate: String
    public var references: [String]
    /// `MISE EN DEMEURE`.
    public var title: String
    public var subject: String
    public var salutation: String
    /// Paragraphs; a paragraph keeps its own line breaks (lists of payment methods).
    public var body: [String]
    public var invoices: LetterTable
    /// Principal, penalties, fixed indemnity and the total due.
    public var summary: LetterTable
    /// The sum due and the payment deadline, set apart under the summary.
    public var paymentLine: String
    public var closing: [String]
    public var signature: [String]
    /// Legal mentions printed after the signature (a collection agency's R124-4 mentions).
    public var mentions: [String]
    /// Printed at the foot of every page, beside the page number.
    public var footer: String

    /// Lays out `letter`, rendered from `context`.
    ///
    /// Throws `incompleteLetter` when the debtor has no postal address, the letter names no
    /// sender, or the message has no invoice: such a letter cannot be posted.
    public init(letter: RenderedLetter, context: MessageContext, registered: Bool) throws(LetterError) {
        guard !context.debtor.addressLines.isEmpty, !letter.recipient.isEmpty else {
            throw LetterError(.incompleteLetter, "the debtor \(context.debtor.name) has no postal address")
        }
        guard !letter.sender.isEmpty else {
            throw LetterError(.incompleteLetter, "the letter names no sender")
        }
        guard !context.invoices.isEmpty else {
            throw LetterError(.incompleteLetter, "the letter is about no invoice")
        }
        let words = LetterWording(language: context.language)
        let format = MessageFormatter(language: context.language)
        let senderParty = context.agency?.party ?? context.creditor

        self.language = context.language
        self.registered = registered
        self.letterhead = letter.sender
        self.recipient = letter.recipient
        self.mailing = letter.mailing
        self.placeAndDate = words.placeAndDate(place: Self.place(of: senderParty.addressLines), date: letter.date)
        self.references = letter.reference
        self.title = letter.title
        self.subject = letter.subject
        self.salutation = letter.salutation
        self.body = letter.body
        self.invoices = try Self.invoiceTable(context, words: words, format: format)
        self.summary = try Self.summaryTable(letter.totals, context: context, words: words, format: format)
        do {
            self.paymentLine = words.payBy(format.date(context.paymentDeadline), amount: format.money(try context.totals().due))
        } catch {
            throw LetterError(.incompleteLetter, "the letter's amounts cannot be added up: \(error)")
        }
        self.closing = letter.closing
        self.signature = letter.signature
        self.mentions = letter.mentions
        self.footer = [senderParty.name, letter.reference.first].compactMap { $0 }.joined(separator: " – ")
    }

    /// The city of a French address line `69003 Lyon` (the last line that starts with a postal
    /// code), or nil when no line does.
    static func place(of addressLines: [String]) -> String? {
        for line in addressLines.reversed() {
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            guard words.count > 1, let first = words.first, first.allSatisfy(\.isNumber) else { continue }
            return words.dropFirst().joined(separator: " ")
        }
        return nil
    }

    private static func invoiceTable(
        _ context: MessageContext, words: LetterWording, format: MessageFormatter
    ) throws(LetterError) -> LetterTable {
        let titles = words.invoiceColumns
        let columns = [
            LetterTable.Column(titles[0], weight: 1.45),
            LetterTable.Column(titles[1], weight: 1),
            LetterTable.Column(titles[2], weight: 1),
            LetterTable.Column(titles[3], alignment: .trailing, weight: 1.25),
            LetterTable.Column(titles[4], alignment: .trailing, weight: 1.25),
            LetterTable.Column(titles[5], alignment: .trailing, weight: 1.25),
            LetterTable.Column(titles[6], alignment: .trailing, weight: 0.6),
        ]
        do {
            var rows: [[String]] = []
            rows.reserveCapacity(context.invoices.count)
            for invoice in context.invoices {
                rows.append([
                    invoice.number,
                    words.shortDate(invoice.issueDate),
                    words.shortDate(invoice.dueDate),
                    format.money(invoice.amount),
                    format.money(try invoice.amount.subtracting(invoice.outstanding)),
                    format.money(invoice.outstanding),
                    words.daysLate(context.daysLate(invoice)),
                ])
            }
            let totals = try context.totals()
            let paid = try totals.invoiced.subtracting(totals.outstanding)
            let totalRow = [
                words.total, "", "", format.money(totals.invoiced), format.money(paid), format.money(totals.outstanding), "",
            ]
            return LetterTable(columns: columns, rows: rows, totalRow: totalRow)
        } catch {
            throw LetterError(.incompleteLetter, "the invoices' amounts cannot be added up: \(error)")
        }
    }

    /// The template's summary (label | amount, total last) when it rendered one; otherwise the
    /// same figures from the context.
    private static func summaryTable(
        _ rendered: RenderedTable?, context: MessageContext, words: LetterWording, format: MessageFormatter
    ) throws(LetterError) -> LetterTable {
        if let rendered, rendered.header.count == 2, let last = rendered.rows.last {
            return LetterTable(
                columns: [LetterTable.Column(rendered.header[0], weight: 2.6), LetterTable.Column(rendered.header[1], alignment: .trailing)],
                rows: Array(rendered.rows.dropLast()),
                totalRow: last
            )
        }
        let totals: MessageContext.Totals
        do {
            totals = try context.totals()
        } catch {
            throw LetterError(.incompleteLetter, "the letter's amounts cannot be added up: \(error)")
        }
        var rows = [[words.principal, format.money(totals.outstanding)]]
        if !context.penalties.interest.isZero {
            rows.append([words.interest(context.debtorKind), format.money(context.penalties.interest)])
        }
        if !context.penalties.fixedIndemnity.isZero {
            rows.append([words.fixedIndemnity, format.money(context.penalties.fixedIndemnity)])
        }
        let header = words.summaryHeader
        return LetterTable(
            columns: [LetterTable.Column(header[0], weight: 2.6), LetterTable.Column(header[1], alignment: .trailing)],
            rows: rows,
            totalRow: [words.totalDue, format.money(totals.due)]
        )
    }
}
