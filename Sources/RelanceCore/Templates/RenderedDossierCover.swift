/// A rendered cover summary of a court payment-order dossier (injonction de payer).
public struct RenderedDossierCover: Sendable, Hashable {
    public let title: String
    public let summary: [String]
    /// Role | name | address.
    public let parties: RenderedTable
    /// The invoices.
    public let table: RenderedTable
    /// Breakdown of the sum claimed.
    public let totals: RenderedTable
    public let history: RenderedTable?
    /// The numbered list of supporting documents (bordereau de pièces).
    public let documents: [String]

    public init(title: String, summary: [String], parties: RenderedTable, table: RenderedTable, totals: RenderedTable, history: RenderedTable? = nil, documents: [String]) {
        self.title = title
        self.summary = summary
        self.parties = parties
        self.table = table
        self.totals = totals
        self.history = history
        self.documents = documents
    }

    public var plainText: String {
        var blocks = [title] + summary + [parties.plainText, table.plainText, totals.plainText]
        if let history { blocks.append(history.plainText) }
        blocks.append(documents.joined(separator: "\n"))
        return blocks.joined(separator: "\n\n")
    }
}
