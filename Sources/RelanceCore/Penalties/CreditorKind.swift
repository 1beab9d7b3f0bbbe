/// Who is owed the money. French legal interest has two rates since 2015 and the CREDITOR
/// decides which applies (CMF L313-2): a private person not acting for professional purposes,
/// or "tous les autres cas", which includes every business collecting from a consumer.
public enum CreditorKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A business, or any creditor acting for professional purposes ("tous les autres cas").
    case business
    /// A natural person not acting for professional purposes.
    case privatePerson = "private_person"
}
