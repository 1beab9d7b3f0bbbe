/// Reads an RFC 4180 CSV import as its bytes arrive: a header line, then one record per line
/// (a quoted value may hold commas, doubled quotes and line breaks). Only the record being read
/// is held; each is validated as soon as its line ends.
struct CSVImportReader {
    private enum State {
        /// Before a value's first byte, or in the spaces before it.
        case valueStart
        case unquoted
        case quoted
        /// A quote inside a quoted value: the closing one, or the first of a doubled pair.
        case quoteInQuoted
        /// Spaces after a closing quote.
        case afterQuoted
    }

    private let maximumRecordBytes: Int
    private var validator = ImportRowValidator()
    /// The column of each cell, once the header has been read.
    private var columns: [ImportColumn]?

    private var state = State.valueStart
    /// The physical line of the next byte.
    private var line = 1
    /// The line the current record started on.
    private var recordLine = 1
    private var recordBytes = 0
    /// The current record's values, one after the other, unquoted.
    private var values: [UInt8] = []
    private var valueEnds: [Int] = []
    /// The first reason the current record is not well-formed CSV.
    private var malformation: String?
    /// Past `maximumRecordBytes`: the rest of the record is read for its quotes and line ends only.
    private var tooLong = false

    init(maximumRecordBytes: Int) {
        self.maximumRecordBytes = maximumRecordBytes
    }

    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, into records: inout [ImportRecord]) throws(ImportFileError) {
        for byte in bytes {
            recordBytes += 1
            if recordBytes > maximumRecordBytes, !tooLong {
                tooLong = true
                values = []
                valueEnds = []
            }
            if byte == Byte.lineFeed { line += 1 }

            switch state {
            case .valueStart:
                switch byte {
                case Byte.quote: state = .quoted
                case Byte.comma: endValue()
                case Byte.lineFeed: try endRecord(into: &records)
                // Leading spaces are trimmed anyway; skipping them lets a quote follow them.
                case Byte.space, Byte.tab, Byte.carriageReturn: break
                default:
                    append(byte)
                    state = .unquoted
                }
            case .unquoted:
                switch byte {
                case Byte.comma: endValue()
                case Byte.lineFeed: try endRecord(into: &records)
                case Byte.quote:
                    note("a quote inside a value that does not start with one (quote the whole value and double its quotes)")
                    append(byte)
                default: append(byte)
                }
            case .quoted:
                if byte == Byte.quote { state = .quoteInQuoted } else { append(byte) }
            case .quoteInQuoted, .afterQuoted:
                switch byte {
                case Byte.quote where state == .quoteInQuoted:
                    append(byte)
                    state = .quoted
                case Byte.comma: endValue()
                case Byte.lineFeed: try endRecord(into: &records)
                case Byte.space, Byte.tab, Byte.carriageReturn: state = .afterQuoted
                default:
                    note("text after the closing quote of a value")
                    append(byte)
                    state = .unquoted
                }
            }
        }
    }

    /// Reads the record the file ends with when it has no final line break; throws when the
    /// file has no header.
    mutating func finish(into records: inout [ImportRecord]) throws(ImportFileError) {
        if state == .quoted {
            note("a quoted value is not closed: a quote is missing")
        }
        if recordBytes > 0 {
            try endRecord(into: &records)
        }
        guard columns != nil else {
            throw ImportFileError(.missingHeader, line: 1, "the file is empty: its first line must be a header naming the columns")
        }
    }

    // MARK: Records

    private mutating func append(_ byte: UInt8) {
        if !tooLong { values.append(byte) }
    }

    private mutating func endValue() {
        if !tooLong { valueEnds.append(values.count) }
        state = .valueStart
    }

    private mutating func note(_ problem: String) {
        if malformation == nil { malformation = problem }
    }

    private mutating func endRecord(into records: inout [ImportRecord]) throws(ImportFileError) {
        endValue()
        defer {
            recordLine = line
            recordBytes = 0
            values.removeAll(keepingCapacity: true)
            valueEnds.removeAll(keepingCapacity: true)
            malformation = nil
            tooLong = false
        }
        if !tooLong, malformation == nil, valueEnds.count == 1, values.allSatisfy(Byte.isWhitespace) {
            return // a blank line
        }
        guard let columns else {
            try readHeader()
            return
        }
        var issues: [ImportIssue] = []
        if tooLong {
            issues.append(ImportIssue(
                line: recordLine, field: nil, code: ImportIssue.Code.tooLong,
                message: "the record is longer than \(maximumRecordBytes) bytes"
            ))
        }
        if let malformation {
            issues.append(ImportIssue(line: recordLine, field: nil, code: ImportIssue.Code.malformedCSV, message: malformation))
        }
        if !tooLong, malformation == nil, valueEnds.count != columns.count {
            issues.append(ImportIssue(
                line: recordLine, field: nil, code: ImportIssue.Code.malformedCSV,
                message: "the record has \(valueEnds.count) cells where the header has \(columns.count)"
            ))
        }
        guard issues.isEmpty else {
            records.append(.invalid(issues))
            return
        }
        let fields = try values.withUnsafeBufferPointer { (values) throws(ImportFileError) -> ImportFields in
            var fields = ImportFields()
            var start = 0
            for (column, end) in zip(columns, valueEnds) {
                let range = Self.trimmed(start..<end, of: values)
                start = end
                guard !range.isEmpty else { continue }
                guard let text = UTF8Validation.decode(UnsafeBufferPointer(rebasing: values[range])) else {
                    throw ImportFileError(.notUTF8, line: recordLine, "the file is not UTF-8 text (the value of \(column.name) is not)")
                }
                fields[column] = .text(text)
            }
            return fields
        }
        records.append(validator.record(line: recordLine, fields: fields))
    }

    private mutating func readHeader() throws(ImportFileError) {
        if tooLong {
            throw ImportFileError(.malformedHeader, line: recordLine, "the header line is longer than \(maximumRecordBytes) bytes")
        }
        if let malformation {
            throw ImportFileError(.malformedHeader, line: recordLine, "the header line is not well-formed CSV: \(malformation)")
        }
        var found: [ImportColumn] = []
        var unknown: [String] = []
        var duplicates: [String] = []
        var start = 0
        for (position, end) in valueEnds.enumerated() {
            let range = trimmed(start..<end)
            start = end
            guard let name = String(validating: values[range], as: UTF8.self) else {
                throw ImportFileError(.notUTF8, line: recordLine, "the file is not UTF-8 text (its header is not)")
            }
            guard !name.isEmpty else {
                throw ImportFileError(.emptyColumnName, line: recordLine, "column \(position + 1) of the header has no name")
            }
            guard let column = ImportColumn.byName[name] ?? ImportColumn.byName[name.lowercased()] else {
                unknown.append(name)
                continue
            }
            if found.contains(column) { duplicates.append(column.name) }
            found.append(column)
        }
        if !unknown.isEmpty {
            throw ImportFileError(
                .unknownColumn, line: recordLine,
                "the header names \(unknown.count == 1 ? "an unknown column" : "unknown columns"): \(unknown.joined(separator: ", ")); the columns are \(ImportColumn.allCases.map(\.name).joined(separator: ", "))"
            )
        }
        if !duplicates.isEmpty {
            throw ImportFileError(.duplicateColumn, line: recordLine, "the header names \(duplicates.joined(separator: ", ")) more than once")
        }
        var missing = ImportColumn.required.filter { !found.contains($0) }.map(\.name)
        if !found.contains(.amount), !found.contains(.amountMinor) { missing.append("amount or amount_minor") }
        if !missing.isEmpty {
            throw ImportFileError(.missingColumn, line: recordLine, "the header lacks the required \(missing.count == 1 ? "column" : "columns") \(missing.joined(separator: ", "))")
        }
        columns = found
    }

    /// `range` of `values` without its leading and trailing spaces, tabs and line breaks.
    private func trimmed(_ range: Range<Int>) -> Range<Int> {
        values.withUnsafeBufferPointer { Self.trimmed(range, of: $0) }
    }

    private static func trimmed(_ range: Range<Int>, of values: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, Byte.isWhitespace(values[lower]) { lower += 1 }
        while upper > lower, Byte.isWhitespace(values[upper - 1]) { upper -= 1 }
        return lower..<upper
    }
}
