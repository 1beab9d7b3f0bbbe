/// A small CSV reader for the rate tables: a header line, then one record per line. Fields may
/// be double-quoted (a doubled quote inside is one quote) so that a source can hold a comma.
/// Blank lines and lines starting with `#` are skipped. No I/O: the caller hands the text over.
struct CSVTable: Sendable {
    struct Record: Sendable {
        /// 1-based line number in the original text.
        let line: Int
        let fields: [String: String]

        func callAsFunction(_ column: String) -> String { fields[column] ?? "" }
    }

    let name: String
    let columns: [String]
    let records: [Record]

    init(text: String, name: String, requiredColumns: [String]) throws(RateTableError) {
        self.name = name
        var header: [String]?
        var records: [Record] = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let trimmed = line.trimmedWhitespace
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = try Self.split(line, table: name, line: lineNumber)
            guard let columns = header else {
                let names = fields.map { $0.lowercased() }
                var seen = Set<String>()
                if let repeated = names.first(where: { !seen.insert($0).inserted }) {
                    throw RateTableError(.malformedLine, table: name, line: lineNumber, "the header names column '\(repeated)' twice")
                }
                header = names
                continue
            }
            guard fields.count == columns.count else {
                throw RateTableError(
                    .malformedLine, table: name, line: lineNumber,
                    "expected \(columns.count) fields (\(columns.joined(separator: ", "))), found \(fields.count)"
                )
            }
            records.append(Record(line: lineNumber, fields: Dictionary(uniqueKeysWithValues: zip(columns, fields))))
        }
        guard let columns = header else {
            throw RateTableError(.empty, table: name, line: nil, "no header line")
        }
        for column in requiredColumns where !columns.contains(column) {
            throw RateTableError(
                .missingColumn, table: name, line: nil,
                "missing column '\(column)' (header is: \(columns.joined(separator: ",")))"
            )
        }
        guard !records.isEmpty else {
            throw RateTableError(.empty, table: name, line: nil, "no rows after the header")
        }
        self.columns = columns
        self.records = records
    }

    /// Splits one line into trimmed fields, honouring double quotes.
    private static func split(_ line: Substring, table: String, line number: Int) throws(RateTableError) -> [String] {
        let characters = Array(line)
        var fields: [String] = []
        var current = ""
        var inQuotes = false
        var index = 0
        while index < characters.count {
            let character = characters[index]
            index += 1
            if inQuotes {
                if character != "\"" {
                    current.append(character)
                } else if index < characters.count, characters[index] == "\"" {
                    current.append("\"")
                    index += 1
                } else {
                    inQuotes = false
                }
            } else if character == "\"" {
                inQuotes = true
            } else if character == "," {
                fields.append(String(current.trimmedWhitespace))
                current = ""
            } else {
                current.append(character)
            }
        }
        guard !inQuotes else {
            throw RateTableError(.malformedLine, table: table, line: number, "a quoted field is not closed")
        }
        fields.append(String(current.trimmedWhitespace))
        return fields
    }
}

extension CSVTable.Record {
    /// The field as a date, or a table error naming the line.
    func date(_ column: String, table: String) throws(RateTableError) -> CalendarDate {
        do {
            return try CalendarDate(iso: self(column))
        } catch {
            throw RateTableError(.invalidValue, table: table, line: line, "\(column) '\(self(column))' is not a YYYY-MM-DD date")
        }
    }

    /// The field as a percentage that may be negative (German base rates were, 2013–2022).
    func signedRate(_ column: String, table: String) throws(RateTableError) -> Rate {
        let text = self(column)
        let negative = text.hasPrefix("-")
        do {
            let magnitude = try Rate(percent: negative ? String(text.dropFirst()) : text)
            return negative ? Rate(basisPoints: -magnitude.basisPoints) : magnitude
        } catch {
            throw RateTableError(
                .invalidValue, table: table, line: line,
                "\(column) '\(text)' is not a percentage with at most two decimals, such as 2.15 or -0.88"
            )
        }
    }

    /// The `source` field; every row must say where its number comes from.
    func source(table: String) throws(RateTableError) -> String {
        let text = self("source")
        guard !text.isEmpty else {
            throw RateTableError(.missingSource, table: table, line: line, "the source column is empty; every rate needs a URL or reference")
        }
        return text
    }
}
