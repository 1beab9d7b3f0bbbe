/// A rate read from a rate table, with where it came from, so every figure in a penalty can be
/// traced back to a published source.
public struct CitedRate: Sendable, Hashable, Encodable {
    /// The table's file name, e.g. `ecb-mro.csv`.
    public let table: String
    /// The row's key: an effective date (`2025-06-11`) or a half-year (`2025 S1`).
    public let key: String
    public let rate: Rate
    /// The URL or reference given on that row.
    public let source: String

    public init(table: String, key: String, rate: Rate, source: String) {
        self.table = table
        self.key = key
        self.rate = rate
        self.source = source
    }
}
