/// A rendered letter in sections, for the PDF writer to lay out.
public struct RenderedLetter: Sendable, Hashable {
    /// The heading (`MISE EN DEMEURE`).
    public let title: String
    /// Sender block, one line each.
    public let sender: [String]
    /// Recipient block, one line each.
    public let recipient: [String]
    /// How it is sent (`Lettre recommandée avec accusé de réception`), if stated.
    public let mailing: String?
    /// Place and date line.
    public let date: String
    /// Reference lines (this letter's, and the first letter's for an agency's later letters).
    public let reference: [String]
    public let subject: String
    public let salutation: String
    public let body: [String]
    /// The invoices table.
    public let table: RenderedTable
    /// Amount summary (label | amount), if any.
    public let totals: RenderedTable?
    public let closing: [String]
    public let signature: [String]
    /// Legal mentions printed at the end (an agency's reproduction of L111-8).
    public let mentions: [String]

    public init(title: String, sender: [String], recipient: [String], mailing: String? = nil, date: String, reference: [String], subject: String, salutation: String, body: [String], table: RenderedTable, totals: RenderedTable? = nil, closing: [String], signature: [String], mentions: [String]) {
        self.title = title
        self.sender = sender
        self.recipient = recipient
        self.mailing = mailing
        self.date = date
        self.reference = reference
        self.subject = subject
        self.salutation = salutation
        self.body = body
        self.table = table
        self.totals = totals
        self.closing = closing
        self.signature = signature
        self.mentions = mentions
    }

    /// The whole letter as text, in reading order.
    public var plainText: String {
        var blocks: [String] = [title, sender.joined(separator: "\n"), recipient.joined(separator: "\n")]
        if let mailing { blocks.append(mailing) }
        blocks += [date, reference.joined(separator: "\n"), subject, salutation]
        blocks += body
        blocks.append(table.plainText)
        if let totals { blocks.append(totals.plainText) }
        blocks += closing
        blocks.append(signature.joined(separator: "\n"))
        blocks += mentions
        return blocks.joined(separator: "\n\n")
    }
}
