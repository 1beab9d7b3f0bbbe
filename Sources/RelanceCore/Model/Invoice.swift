/// An invoice being collected: what is owed, by whom, since when, and where its collection stands.
///
/// `outstanding` and `state` change only through the transitions in `States/`
/// (`recordingPayment`, `disputing`, …), which keep them consistent.
public struct Invoice: Sendable, Hashable, Codable, Identifiable {
    public let id: InvoiceID
    public let tenantId: TenantID
    public let creditorId: CreditorID
    public let debtorId: DebtorID
    /// The creditor's invoice number, as printed.
    public let number: String
    public let issueDate: CalendarDate
    public let dueDate: CalendarDate
    /// The amount invoiced, taxes included.
    public let amount: Money
    /// What is still owed: `amount` less the payments received.
    public internal(set) var outstanding: Money
    /// The late-payment rate the contract stipulates, if any (otherwise the legal rate applies).
    public let contractRate: Rate?
    public internal(set) var state: InvoiceState
    /// A policy for this invoice alone, overriding the debtor's, creditor's and tenant's.
    public let policyOverride: DunningPolicyID?

    /// Creates an invoice; throws when its figures do not hold together.
    ///
    /// - `outstanding` defaults to `amount`, `state` to `.open`.
    /// - A `paid` invoice owes nothing; an invoice that owes nothing is `paid` or `written_off`.
    public init(
        id: InvoiceID = InvoiceID(),
        tenantId: TenantID,
        creditorId: CreditorID,
        debtorId: DebtorID,
        number: String,
        issueDate: CalendarDate,
        dueDate: CalendarDate,
        amount: Money,
        outstanding: Money? = nil,
        contractRate: Rate? = nil,
        state: InvoiceState = .open,
        policyOverride: DunningPolicyID? = nil
    ) throws(ModelValidationError) {
        let outstanding = outstanding ?? amount
        guard !number.trimmedWhitespace.isEmpty else {
            throw ModelValidationError(.emptyName, "an invoice needs a number")
        }
        guard dueDate >= issueDate else {
            throw ModelValidationError(.dueBeforeIssue, "invoice \(number) is due (\(dueDate)) before it was issued (\(issueDate))")
        }
        guard amount.isPositive else {
            throw ModelValidationError(.nonPositiveAmount, "invoice \(number) must be for a positive amount, not \(amount)")
        }
        guard outstanding.currency == amount.currency else {
            throw ModelValidationError(.currencyMismatch, "invoice \(number) is in \(amount.currency) but its outstanding is in \(outstanding.currency)")
        }
        guard !outstanding.isNegative, outstanding.minorUnits <= amount.minorUnits else {
            throw ModelValidationError(.invalidOutstanding, "invoice \(number): outstanding \(outstanding) must be between 0 and \(amount)")
        }
        switch state {
        case .paid:
            guard outstanding.isZero else {
                throw ModelValidationError(.stateMismatch, "invoice \(number) is marked paid but still owes \(outstanding)")
            }
        case .writtenOff:
            break
        default:
            guard !outstanding.isZero else {
                throw ModelValidationError(.stateMismatch, "invoice \(number) owes nothing but is marked \(state.status.rawValue)")
            }
        }
        if case .partiallyPaid = state, outstanding == amount {
            throw ModelValidationError(.stateMismatch, "invoice \(number) is marked partially_paid but nothing has been paid")
        }
        self.id = id
        self.tenantId = tenantId
        self.creditorId = creditorId
        self.debtorId = debtorId
        self.number = number
        self.issueDate = issueDate
        self.dueDate = dueDate
        self.amount = amount
        self.outstanding = outstanding
        self.contractRate = contractRate
        self.state = state
        self.policyOverride = policyOverride
    }

    /// What has been paid so far.
    public var paid: Money { Money(minorUnits: amount.minorUnits - outstanding.minorUnits, currency: amount.currency) }

    /// Calendar days past the due date on `date` (0 on or before it).
    public func daysPastDue(on date: CalendarDate) -> Int { max(0, dueDate.days(until: date)) }

    private enum CodingKeys: String, CodingKey {
        case id, tenantId, creditorId, debtorId, number, issueDate, dueDate, amount, outstanding
        case contractRate, state, policyOverride
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            id: c.decode(InvoiceID.self, forKey: .id),
            tenantId: c.decode(TenantID.self, forKey: .tenantId),
            creditorId: c.decode(CreditorID.self, forKey: .creditorId),
            debtorId: c.decode(DebtorID.self, forKey: .debtorId),
            number: c.decode(String.self, forKey: .number),
            issueDate: c.decode(CalendarDate.self, forKey: .issueDate),
            dueDate: c.decode(CalendarDate.self, forKey: .dueDate),
            amount: c.decode(Money.self, forKey: .amount),
            outstanding: c.decodeIfPresent(Money.self, forKey: .outstanding),
            contractRate: c.decodeIfPresent(Rate.self, forKey: .contractRate),
            state: c.decodeIfPresent(InvoiceState.self, forKey: .state) ?? .open,
            policyOverride: c.decodeIfPresent(DunningPolicyID.self, forKey: .policyOverride)
        )
    }
}
