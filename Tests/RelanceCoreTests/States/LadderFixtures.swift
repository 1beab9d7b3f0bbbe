import RelanceCore

/// Builders shared by the ladder tests (policies, escalation, states, personalisation).
enum LadderFixtures {
    static let tenantId = TenantID()
    static let creditorId = CreditorID()
    static let debtorId = DebtorID()

    static func day(_ iso: String) throws -> CalendarDate { try CalendarDate(iso: iso) }

    static func eur(_ decimal: String) throws -> Money { try Money(decimal: decimal, currency: .eur) }

    /// An invoice issued 2025-03-01, due 2025-03-31, for 1 200.00 € unless told otherwise.
    static func invoice(
        amount: String = "1200.00",
        outstanding: String? = nil,
        issued: String = "2025-03-01",
        due: String = "2025-03-31",
        state: InvoiceState = .open
    ) throws -> Invoice {
        try Invoice(
            tenantId: tenantId,
            creditorId: creditorId,
            debtorId: debtorId,
            number: "F-2025-0042",
            issueDate: day(issued),
            dueDate: day(due),
            amount: eur(amount),
            outstanding: outstanding.map { try eur($0) },
            state: state
        )
    }

    static func payment(_ amount: String, on date: String, to invoice: Invoice) throws -> Payment {
        try Payment(invoiceId: invoice.id, date: day(date), amount: eur(amount))
    }
}
