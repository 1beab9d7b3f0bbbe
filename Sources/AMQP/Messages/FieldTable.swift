/// An AMQP field table: named values used for queue and exchange arguments and for
/// message headers. Keys are unique; order is not significant.
///
/// ```swift
/// let arguments: FieldTable = [
///     "x-queue-type": "quorum",
///     "x-delivery-limit": 5,
///     "x-dead-letter-exchange": "relance.dlx",
/// ]
/// ```
public struct FieldTable: Sendable, Hashable, ExpressibleByDictionaryLiteral, Sequence {
    /// The values by key.
    public var fields: [String: FieldValue]

    /// A table holding `fields`.
    public init(_ fields: [String: FieldValue] = [:]) {
        self.fields = fields
    }

    /// A table from key-value pairs; a repeated key keeps its last value.
    public init(_ elements: some Sequence<(String, FieldValue)>) {
        self.fields = Dictionary(elements, uniquingKeysWith: { _, last in last })
    }

    public init(dictionaryLiteral elements: (String, FieldValue)...) {
        self.init(elements)
    }

    /// The value for `key`, or nil; setting nil removes the key.
    public subscript(key: String) -> FieldValue? {
        get { fields[key] }
        set { fields[key] = newValue }
    }

    public var isEmpty: Bool { fields.isEmpty }
    public var count: Int { fields.count }

    public func makeIterator() -> Dictionary<String, FieldValue>.Iterator {
        fields.makeIterator()
    }
}
