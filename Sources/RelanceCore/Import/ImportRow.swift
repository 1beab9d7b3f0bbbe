/// One record of an import, every field validated, before any id is known: the store matches
/// the creditor and the debtor by their references and the invoice by its number.
public struct ImportRow: Sendable, Hashable {
    /// The 1-based physical line where the record starts (a CSV file's header is line 1).
    public var line: Int
    /// The creditor the invoice is owed to, for a collection agency; nil when the row names none.
    public var creditor: ImportCreditor?
    public var debtor: ImportDebtor
    public var invoice: ImportInvoice

    public init(line: Int, creditor: ImportCreditor? = nil, debtor: ImportDebtor, invoice: ImportInvoice) {
        self.line = line
        self.creditor = creditor
        self.debtor = debtor
        self.invoice = invoice
    }
}
