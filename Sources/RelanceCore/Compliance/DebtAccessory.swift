/// One amount a letter claims on top of the principal and interest.
public struct DebtAccessory: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The 40 € fixed recovery indemnity of Code de commerce L441-10 (business debtors only).
        case fixedRecoveryIndemnity = "fixed_recovery_indemnity"
        /// A contractual penalty clause (clause pénale).
        case contractualPenalty = "contractual_penalty"
        /// Fees for amicable collection: these stay with the creditor (CPCE L111-8).
        case collectionFee = "collection_fee"
    }

    public let kind: Kind
    public let label: String
    public let amount: Money

    public init(kind: Kind, label: String, amount: Money) {
        self.kind = kind
        self.label = label
        self.amount = amount
    }
}
