/// A problem of the whole file that stops the import: a header that cannot be read, a column
/// missing or unknown, bytes that are not UTF-8.
public struct ImportFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public typealias Code = ErrorCode<ImportFileError>

    public let code: Code
    /// The 1-based line at fault.
    public let line: Int
    /// A sentence for the user; also the description.
    public let message: String

    public init(_ code: Code, line: Int, _ message: String) {
        self.code = code
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}

extension ErrorCode where Domain == ImportFileError {
    /// The CSV file holds no header line.
    public static var missingHeader: Self { Self(name: "missing_header") }
    /// A header cell is empty.
    public static var emptyColumnName: Self { Self(name: "empty_column_name") }
    /// A header names a column the import does not know.
    public static var unknownColumn: Self { Self(name: "unknown_column") }
    /// A header names a column twice.
    public static var duplicateColumn: Self { Self(name: "duplicate_column") }
    /// A header lacks a required column.
    public static var missingColumn: Self { Self(name: "missing_column") }
    /// The header line is not well-formed CSV.
    public static var malformedHeader: Self { Self(name: "malformed_header") }
    /// The file's bytes are not UTF-8.
    public static var notUTF8: Self { Self(name: "not_utf8") }
}
