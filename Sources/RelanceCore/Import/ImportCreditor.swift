/// The creditor a row's invoice is owed to, as a collection agency names it.
public struct ImportCreditor: Sendable, Hashable {
    /// The creditor's external reference: the key it is matched by.
    public var reference: String
    public var name: String?

    public init(reference: String, name: String? = nil) {
        self.reference = reference
        self.name = name
    }
}
