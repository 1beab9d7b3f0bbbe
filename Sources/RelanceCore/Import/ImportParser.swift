/// Parses and validates a bulk invoice import as its bytes arrive, a chunk at a time (an HTTP
/// body, a file read), handing back each record as soon as it is complete. It holds no more
/// than the record being read and the chunk, so memory stays flat however long the file.
///
/// ```swift
/// var parser = ImportParser(format: .csv)
/// for chunk in chunks { try handle(parser.feed(chunk)) }
/// try handle(parser.finish())
/// ```
///
/// A record that cannot be used is an `ImportRecord.invalid` with every problem found in it;
/// the parser goes on with the next. Only a problem of the whole file (the header, bytes
/// that are not UTF-8) throws; the import stops there and the parser is not fed again.
public struct ImportParser {
    public let format: ImportFormat
    /// The longest record accepted; a longer one is reported as `too_long` and skipped.
    public let maximumRecordBytes: Int

    // One of the two, by format.
    private var csv: CSVImportReader?
    private var jsonLines: JSONLinesImportReader?

    /// Whether the file's first bytes are still being compared with a UTF-8 byte order mark.
    private var atStart = true
    /// The first bytes of the file while they match the byte order mark.
    private var heldStart: [UInt8] = []
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    public init(format: ImportFormat, maximumRecordBytes: Int = 64 * 1_024) {
        self.format = format
        self.maximumRecordBytes = maximumRecordBytes
        switch format {
        case .csv: csv = CSVImportReader(maximumRecordBytes: maximumRecordBytes)
        case .jsonLines: jsonLines = JSONLinesImportReader(maximumRecordBytes: maximumRecordBytes)
        }
    }

    /// The records `bytes` complete, in order; throws on a problem of the whole file.
    public mutating func feed(_ bytes: some Collection<UInt8>) throws(ImportFileError) -> [ImportRecord] {
        var outcome: Result<[ImportRecord], ImportFileError>?
        _ = bytes.withContiguousStorageIfAvailable { buffer in
            outcome = Result { () throws(ImportFileError) in try read(buffer) }
        }
        if outcome == nil {
            let copy = Array(bytes)
            copy.withUnsafeBufferPointer { buffer in
                outcome = Result { () throws(ImportFileError) in try read(buffer) }
            }
        }
        return try outcome!.get()
    }

    /// The record the file ends with when it has no final line break (a quote left open makes
    /// it a `malformed_csv` record); throws when a CSV file has no header.
    public mutating func finish() throws(ImportFileError) -> [ImportRecord] {
        var records: [ImportRecord] = []
        if atStart {
            atStart = false
            let held = heldStart
            heldStart = []
            try held.withUnsafeBufferPointer { (buffer) throws(ImportFileError) in try dispatch(buffer, into: &records) }
        }
        if csv != nil { try csv!.finish(into: &records) }
        if jsonLines != nil { try jsonLines!.finish(into: &records) }
        return records
    }

    private mutating func read(_ bytes: UnsafeBufferPointer<UInt8>) throws(ImportFileError) -> [ImportRecord] {
        var records: [ImportRecord] = []
        var rest = bytes
        if atStart {
            // The mark may come split across chunks: hold its bytes until it is whole or is not one.
            var index = 0
            while atStart, index < bytes.count {
                if bytes[index] == Self.byteOrderMark[heldStart.count] {
                    heldStart.append(bytes[index])
                    index += 1
                    if heldStart.count == Self.byteOrderMark.count {
                        atStart = false
                        heldStart = []
                    }
                } else {
                    atStart = false
                }
            }
            rest = UnsafeBufferPointer(rebasing: bytes[index...])
            if !atStart, !heldStart.isEmpty {
                let held = heldStart
                heldStart = []
                try held.withUnsafeBufferPointer { (buffer) throws(ImportFileError) in try dispatch(buffer, into: &records) }
            }
        }
        try dispatch(rest, into: &records)
        return records
    }

    private mutating func dispatch(_ bytes: UnsafeBufferPointer<UInt8>, into records: inout [ImportRecord]) throws(ImportFileError) {
        guard !bytes.isEmpty else { return }
        if csv != nil { try csv!.feed(bytes, into: &records) }
        if jsonLines != nil { try jsonLines!.feed(bytes, into: &records) }
    }
}
