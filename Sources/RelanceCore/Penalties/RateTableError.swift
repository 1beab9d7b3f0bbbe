/// A rate table whose text cannot be trusted: a missing column, a value that is not a date or a
/// percentage, a row without a source, rows out of order. Says which file and line.
public struct RateTableError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate let name: String
        public static let missingColumn = Code(name: "missing_column")
        public static let invalidValue = Code(name: "invalid_value")
        public static let missingSource = Code(name: "missing_source")
        public static let outOfOrder = Code(name: "out_of_order")
        public static let malformedLine = Code(name: "malformed_line")
        public static let empty = Code(name: "empty_table")
        /// A change list that does not end with its `unknown` row.
        public static let missingEndMarker = Code(name: "missing_end_marker")
        public var description: String { name }
    }

    public let code: Code
    /// The table's file name, e.g. `ecb-mro.csv`.
    public let table: String
    /// 1-based line number in the text, or nil for a problem with the whole table.
    public let line: Int?
    public let message: String

    public init(_ code: Code, table: String, line: Int?, _ message: String) {
        self.code = code
        self.table = table
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(table) line \(line): \(message)" }
        return "\(table): \(message)"
    }
}
