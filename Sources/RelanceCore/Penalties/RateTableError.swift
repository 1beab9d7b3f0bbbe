/// A rate table whose text cannot be trusted: a missing column, a value that is not a date or a
/// percentage, a row without a source, rows out of order. Says which file and line.
public struct RateTableError: Error, Sendable, Hashable, CustomStringConvertible {
    public typealias Code = ErrorCode<RateTableError>

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

extension ErrorCode where Domain == RateTableError {
    public static var missingColumn: Self { Self(name: "missing_column") }
    public static var invalidValue: Self { Self(name: "invalid_value") }
    public static var missingSource: Self { Self(name: "missing_source") }
    public static var outOfOrder: Self { Self(name: "out_of_order") }
    public static var malformedLine: Self { Self(name: "malformed_line") }
    public static var empty: Self { Self(name: "empty_table") }
    /// A change list that does not end with its `unknown` row.
    public static var missingEndMarker: Self { Self(name: "missing_end_marker") }
}
