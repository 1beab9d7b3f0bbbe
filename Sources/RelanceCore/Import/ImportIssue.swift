/// One problem of one record: where it is, a stable code for programs and a sentence for people.
public struct ImportIssue: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The 1-based physical line where the record starts.
    public var line: Int
    /// The column or key at fault; nil for a problem of the whole record.
    public var field: String?
    /// A stable snake_case code, one of `ImportIssue.Code`.
    public var code: String
    /// A sentence the user understands, naming the value when it is short.
    public var message: String

    public init(line: Int, field: String?, code: String, message: String) {
        self.line = line
        self.field = field
        self.code = code
        self.message = message
    }

    public var description: String {
        if let field { "line \(line), \(field): \(message)" } else { "line \(line): \(message)" }
    }
}

extension ImportIssue {
    /// The codes an issue carries.
    public enum Code {
        /// A required field is absent or empty.
        public static let missing = "missing"
        /// The value is not of the expected form (a date, an email address, a SIREN, …).
        public static let invalid = "invalid"
        /// The value, or the whole record, is longer than allowed.
        public static let tooLong = "too_long"
        /// A number outside its allowed range (an amount not above zero, an outstanding above the amount).
        public static let outOfRange = "out_of_range"
        /// The due date is before the issue date.
        public static let dueBeforeIssue = "due_before_issue"
        /// Two fields that exclude each other are both given (`amount` and `amount_minor`).
        public static let conflicting = "conflicting"
        /// A JSON value that must be a string is a number or a boolean.
        public static let notAString = "not_a_string"
        /// A JSON value that must be an integer is not one.
        public static let notAnInteger = "not_an_integer"
        /// A JSON value is an object or an array; rows are flat.
        public static let nestedValue = "nested_value"
        /// A JSON key that names no field.
        public static let unknownField = "unknown_field"
        /// A JSON key given twice in one object.
        public static let duplicateField = "duplicate_field"
        /// The line is not a JSON object.
        public static let malformedJSON = "malformed_json"
        /// The record is not well-formed CSV: a stray or unterminated quote, the wrong number of cells.
        public static let malformedCSV = "malformed_csv"
    }
}
