/// Where an invoice's dunning policy came from, in the order they are tried.
public enum PolicySource: String, Sendable, Hashable, Codable {
    case invoice
    case debtor
    case creditor
    case tenant
    /// None of the above named one: the built-in `DunningPolicy.defaultFrench`.
    case builtIn = "built_in"
}
