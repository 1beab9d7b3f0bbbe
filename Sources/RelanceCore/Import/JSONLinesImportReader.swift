/// Reads a JSON lines import as its bytes arrive: one flat object per line, blank lines skipped.
/// Only the line being read is held; each is validated as soon as it ends.
struct JSONLinesImportReader {
    private let maximumRecordBytes: Int
    private var validator = ImportRowValidator()
    /// The physical line being read.
    private var line = 1
    /// The start of the current line, when it began in an earlier chunk.
    private var pending: [UInt8] = []
    /// Past `maximumRecordBytes`: the rest of the line is skipped.
    private var tooLong = false

    init(maximumRecordBytes: Int) {
        self.maximumRecordBytes = maximumRecordBytes
    }

    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, into records: inout [ImportRecord]) throws(ImportFileError) {
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != Byte.lineFeed { end += 1 }
            let piece = UnsafeBufferPointer(rebasing: bytes[start..<end])
            guard end < bytes.count else {
                hold(piece)
                return
            }
            if pending.isEmpty, !tooLong, piece.count <= maximumRecordBytes {
                // The whole line is in this chunk: read it where it is.
                try readLine(piece, into: &records)
            } else {
                hold(piece)
                try endHeldLine(into: &records)
            }
            start = end + 1
        }
    }

    /// Reads the line the file ends with when it has no final line break.
    mutating func finish(into records: inout [ImportRecord]) throws(ImportFileError) {
        if !pending.isEmpty || tooLong {
            try endHeldLine(into: &records)
        }
    }

    private mutating func hold(_ piece: UnsafeBufferPointer<UInt8>) {
        guard !tooLong else { return }
        if pending.count + piece.count > maximumRecordBytes {
            tooLong = true
            pending = []
        } else {
            pending.append(contentsOf: piece)
        }
    }

    private mutating func endHeldLine(into records: inout [ImportRecord]) throws(ImportFileError) {
        if tooLong {
            records.append(.invalid([ImportIssue(
                line: line, field: nil, code: ImportIssue.Code.tooLong,
                message: "the line is longer than \(maximumRecordBytes) bytes"
            )]))
            line += 1
        } else {
            let held = pending
            try held.withUnsafeBufferPointer { (buffer) throws(ImportFileError) in
                try readLine(buffer, into: &records)
            }
        }
        tooLong = false
        pending.removeAll(keepingCapacity: pending.capacity <= 4 * 1_024)
    }

    /// Reads one line (without its line feed) and moves to the next.
    private mutating func readLine(_ bytes: UnsafeBufferPointer<UInt8>, into records: inout [ImportRecord]) throws(ImportFileError) {
        defer { line += 1 }
        guard bytes.contains(where: { !Byte.isWhitespace($0) }) else { return } // a blank line
        let members: [FlatJSONObject.Member]
        do {
            members = try FlatJSONObject.members(of: bytes)
        } catch {
            switch error {
            case .malformed(let reason):
                records.append(.invalid([ImportIssue(line: line, field: nil, code: ImportIssue.Code.malformedJSON, message: reason)]))
                return
            case .notUTF8:
                throw ImportFileError(.notUTF8, line: line, "the file is not UTF-8 text")
            }
        }
        var fields = ImportFields()
        var issues: [ImportIssue] = []
        var seen: UInt64 = 0 // a bit per column
        for member in members {
            let column: ImportColumn
            switch member.key {
            case .column(let named):
                column = named
            case .unknown(let key):
                issues.append(ImportIssue(
                    line: line, field: key, code: ImportIssue.Code.unknownField,
                    message: "\(key.utf8.count <= 60 ? "'\(key)'" : "the key") is not a field of an import"
                ))
                continue
            }
            let bit: UInt64 = 1 << column.rawValue
            guard seen & bit == 0 else {
                issues.append(ImportIssue(
                    line: line, field: column.name, code: ImportIssue.Code.duplicateField,
                    message: "\(column.name) is given more than once"
                ))
                continue
            }
            seen |= bit
            fields[column] = member.value
        }
        records.append(validator.record(line: line, fields: fields, issues: issues))
    }
}
