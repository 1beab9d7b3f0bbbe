import RelanceCore

/// An invoice as stored: the domain's `Invoice`, and what the store keeps beside it.
public struct InvoiceRecord: Sendable, Hashable {
    public var invoice: Invoice
    /// The law its late-payment penalties are computed under.
    public var jurisdiction: Jurisdiction
    /// When the formal notice (registered letter) was sent, in the debtor's time zone.
    public var formalNoticeDate: CalendarDate?
    /// The ladder its schedule was planned with (the personalised policy); nil until planned.
    public var ladder: DunningPolicy?
    /// Where that ladder's policy came from.
    public var ladderSource: PolicySource?

    public init(
        invoice: Invoice, jurisdiction: Jurisdiction, formalNoticeDate: CalendarDate? = nil,
        ladder: DunningPolicy? = nil, ladderSource: PolicySource? = nil
    ) {
        self.invoice = invoice
        self.jurisdiction = jurisdiction
        self.formalNoticeDate = formalNoticeDate
        self.ladder = ladder
        self.ladderSource = ladderSource
    }
}
