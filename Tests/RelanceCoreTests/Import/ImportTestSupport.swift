import RelanceCore

/// Parses `text` whole, in one chunk, as an upload would arrive in a single read.
func parseImport(_ text: String, format: ImportFormat = .csv, maximumRecordBytes: Int = 64 * 1_024) throws(ImportFileError) -> [ImportRecord] {
    try parseImport(Array(text.utf8), format: format, chunkSizes: [Int.max], maximumRecordBytes: maximumRecordBytes)
}

/// Parses `bytes` fed in chunks of the given sizes, taken in turn (the last one repeating).
func parseImport(
    _ bytes: [UInt8], format: ImportFormat, chunkSizes: [Int], maximumRecordBytes: Int = 64 * 1_024
) throws(ImportFileError) -> [ImportRecord] {
    var parser = ImportParser(format: format, maximumRecordBytes: maximumRecordBytes)
    var records: [ImportRecord] = []
    var start = 0
    var turn = 0
    while start < bytes.count {
        let size = chunkSizes[min(turn, chunkSizes.count - 1)]
        let end = size >= bytes.count - start ? bytes.count : start + size
        records += try parser.feed(bytes[start..<end])
        start = end
        turn += 1
    }
    records += try parser.finish()
    return records
}

extension [ImportRecord] {
    /// The valid rows, in order.
    var rows: [ImportRow] {
        compactMap { record in
            if case .row(let row) = record { return row }
            return nil
        }
    }

    /// The issues of the invalid records, in order.
    var issues: [ImportIssue] {
        flatMap { record -> [ImportIssue] in
            if case .invalid(let issues) = record { return issues }
            return []
        }
    }
}

extension [ImportIssue] {
    /// Each issue as `line field code`, what a test compares.
    var summaries: [String] {
        map { "\($0.line) \($0.field ?? "-") \($0.code)" }
    }
}

/// SplitMix64: the same chunk sizes on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

let minimalHeader = "debtor_ref,debtor_name,invoice_number,issue_date,due_date,currency,amount"

func isoDate(_ iso: String) -> CalendarDate { try! CalendarDate(iso: iso) }

func euros(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .eur) }
