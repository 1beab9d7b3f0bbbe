/// A table as a letter prints it: column heads with their alignment and share of the width,
/// rows of text cells, and an optional total row set in bold.
public struct LetterTable: Sendable, Hashable {
    public enum Alignment: Sendable, Hashable {
        case leading
        case trailing
    }

    public struct Column: Sendable, Hashable {
        public var title: String
        public var alignment: Alignment
        /// The column's share of the table's width, relative to the others.
        public var weight: Double

        public init(_ title: String, alignment: Alignment = .leading, weight: Double = 1) {
            self.title = title
            self.alignment = alignment
            self.weight = weight
        }
    }

    public var columns: [Column]
    /// Each row has one cell per column.
    public var rows: [[String]]
    public var totalRow: [String]?

    public init(columns: [Column], rows: [[String]], totalRow: [String]? = nil) {
        self.columns = columns
        self.rows = rows
        self.totalRow = totalRow
    }
}
