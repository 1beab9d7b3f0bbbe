/// A table a template rendered: a header row and data rows of the same width.
public struct RenderedTable: Sendable, Hashable {
    public let header: [String]
    public let rows: [[String]]

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// Rows as text, cells separated by ` | `.
    public var plainText: String {
        ([header] + rows).map { $0.joined(separator: " | ") }.joined(separator: "\n")
    }
}
