/// The late-payment amounts a message claims on top of the outstanding principal, as computed
/// by the penalty engine.
public struct MessagePenalties: Sendable, Hashable, Codable {
    /// Late-payment interest or penalties (L441-10 penalties, or legal-rate interest).
    public var interest: Money
    /// The fixed recovery indemnity (40 € per invoice, business debtors only).
    public var fixedIndemnity: Money
    /// The annual rate applied, if one rate applies.
    public var rate: Rate?
    /// How the rate is set, already worded in the message's language
    /// (`taux de refinancement de la BCE majoré de 10 points`).
    public var rateDescription: String?

    public init(interest: Money, fixedIndemnity: Money, rate: Rate? = nil, rateDescription: String? = nil) {
        self.interest = interest
        self.fixedIndemnity = fixedIndemnity
        self.rate = rate
        self.rateDescription = rateDescription
    }

    /// No penalties claimed (e.g. a courteous reminder before the due date).
    public static func none(_ currency: Currency) -> MessagePenalties {
        MessagePenalties(interest: .zero(currency), fixedIndemnity: .zero(currency))
    }

    public func total() throws(MoneyError) -> Money {
        try interest.adding(fixedIndemnity)
    }
}
