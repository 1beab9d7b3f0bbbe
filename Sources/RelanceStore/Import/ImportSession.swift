import Foundation
import Logging
import RelanceCore

/// One import as it streams in: bytes are parsed as they arrive, good rows stored a batch at a
/// time, bad rows reported; memory holds one batch, whatever the file's size. The HTTP route
/// (`POST /v1/invoices/import`) and `relance import invoices` both run it.
public struct ImportSession {
    public let importer: InvoiceImporter
    private var parser: ImportParser
    private var pending: [ImportRow] = []
    public private(set) var report = ImportReport()

    public init(importer: InvoiceImporter, format: ImportFormat) {
        self.importer = importer
        self.parser = ImportParser(format: format)
        pending.reserveCapacity(InvoiceImporter.batchSize)
    }

    /// Parses `bytes`; stores a batch once enough rows are waiting. Throws `ImportFileError`
    /// for a file that cannot be read at all (its header, its encoding).
    public mutating func feed(_ bytes: some Collection<UInt8>) async throws {
        take(try parser.feed(bytes))
        if pending.count >= InvoiceImporter.batchSize { try await flush() }
    }

    /// The end of the file: the last record, the last batch; returns the report.
    public mutating func finish() async throws -> ImportReport {
        take(try parser.finish())
        try await flush()
        return report
    }

    private mutating func take(_ records: [ImportRecord]) {
        for record in records {
            switch record {
            case .row(let row):
                pending.append(row)
            case .invalid(let issues):
                report.rows += 1
                report.refuse(issues)
            }
        }
    }

    private mutating func flush() async throws {
        guard !pending.isEmpty else { return }
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        try await importer.importBatch(batch, into: &report)
    }
}
