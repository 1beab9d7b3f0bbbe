/// The late-payment amounts one invoice claims on a given day, as the message composer computes
/// them (`MessageComposer.penalty(of:asOf:)`).
public struct InvoicePenalty: Sendable, Hashable {
    /// How the amounts were reached.
    public enum Basis: Sendable, Hashable {
        /// The penalty engine computed them; `rates` are the annual rates of its periods (empty
        /// when no day is late), `contractRate` whether the contract's rate was used.
        case computed(rates: Set<Rate>, contractRate: Bool)
        /// A late day falls in a half-year whose rate is not published yet: no interest claimed.
        case rateNotPublished
        /// The invoice's currency is not one its law knows: nothing claimed.
        case currencyNotCovered
    }

    public var interest: Money
    public var fixedIndemnity: Money
    public var basis: Basis

    public init(interest: Money, fixedIndemnity: Money, basis: Basis) {
        self.interest = interest
        self.fixedIndemnity = fixedIndemnity
        self.basis = basis
    }
}
