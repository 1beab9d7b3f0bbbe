import RelanceCore

/// A debtor as stored: the domain's `Debtor`, the creditor's own reference for it, and what
/// personalisation needs to know beyond its payment history.
public struct DebtorRecord: Sendable, Hashable {
    public var debtor: Debtor
    /// The creditor's customer reference (unique per creditor), when it has one.
    public var externalRef: String?
    /// The debtor said it is short of cash: personalisation proposes a payment plan.
    public var cashFlowDifficulty: Bool

    public init(debtor: Debtor, externalRef: String? = nil, cashFlowDifficulty: Bool = false) {
        self.debtor = debtor
        self.externalRef = externalRef
        self.cashFlowDifficulty = cashFlowDifficulty
    }

    /// The signals personalisation reads.
    public var signals: DebtorSignals { DebtorSignals(statedCashFlowDifficulty: cashFlowDifficulty) }
}
