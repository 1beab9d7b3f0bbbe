import ArgumentParser
import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelanceRuntime
import RelanceStore

/// `relance import invoices FILE --tenant ID`: the bulk import from the command line, the same
/// code as `POST /v1/invoices/import`, over the application role.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import data in bulk.",
        subcommands: [Invoices.self]
    )

    struct Invoices: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "invoices",
            abstract: "Import invoices with their debtors from a CSV or JSON-lines file.",
            discussion: """
                The columns are those of POST /v1/invoices/import (schemas/openapi.yaml). Good rows are \
                imported and planned, bad rows listed with their line, field and reason; a file sent \
                twice creates nothing new, a changed amount on a known invoice is an update. Exit status: \
                0 when every row was taken, 1 when some were refused (the others are imported), 2 for a \
                usage error or a file that cannot be read.
                """
        )

        @OptionGroup var options: ServiceOptions
        @Argument(help: "The file (CSV with a header line, or JSON lines).")
        var file: String
        @Option(help: "The tenant's id.", transform: { try KeyCommand.tenant($0) })
        var tenant: UUID
        @Option(help: "csv or jsonl (default: from the file's extension, else csv).")
        var format: String?
        @Flag(help: "Print the report as JSON.")
        var json = false

        func validate() throws {
            if let format, ImportFormat(rawValue: format) == nil { throw ValidationError("--format must be csv or jsonl, not '\(format)'") }
            guard FileManager.default.isReadableFile(atPath: file) else { throw ValidationError("cannot read '\(file)'") }
        }

        func run() async throws {
            let configuration = options.configuration()
            let logger = options.logger(label: "relance.import")
            let url: DatabaseURL
            do { url = try configuration.apiDatabase() } catch { throw CommandFailure("RELANCE_API_DATABASE_URL: \(error)") }
            let chosen = format.flatMap(ImportFormat.init(rawValue:))
                ?? (file.hasSuffix(".jsonl") || file.hasSuffix(".ndjson") ? .jsonLines : .csv)
            let zone = try configuration.postRoomZone()
            let tenantId = TenantID(tenant)
            let path = file
            let report: ImportReport
            do {
                report = try await PostgresClient.withRunningClient(url, logger: logger) { client in
                    let importer = InvoiceImporter(client: client, tenant: tenantId, today: CalendarDate(Date(), in: zone), logger: logger)
                    return try await Self.importFile(path, format: chosen, importer: importer)
                }
            } catch let error as ImportFileError {
                FileHandle.standardError.write(Data("\nrelance: \(path): \(error)\n".utf8))
                throw ExitCode(2)
            } catch {
                throw CommandFailure(StoreError.wrapping(error, url: url).description)
            }
            if json {
                print(Self.json(report))
            } else {
                print(Self.text(report))
            }
            if report.rejected > 0 { throw ExitCode(1) }
        }

        /// Reads the file in 1 MiB chunks into an import session, drawing a progress bar on
        /// standard error when it is a terminal.
        static func importFile(_ path: String, format: ImportFormat, importer: InvoiceImporter) async throws -> ImportReport {
            guard let handle = FileHandle(forReadingAtPath: path) else { throw CommandFailure("cannot open '\(path)'") }
            defer { try? handle.close() }
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            let drawing = isatty(STDERR_FILENO) == 1
            var session = ImportSession(importer: importer, format: format)
            var read = 0
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                try await session.feed(chunk)
                read += chunk.count
                if drawing { drawProgress(read: read, size: size, rows: session.report.rows) }
            }
            let report = try await session.finish()
            if drawing { drawProgress(read: size, size: size, rows: report.rows); FileHandle.standardError.write(Data("\n".utf8)) }
            return report
        }

        static func drawProgress(read: Int, size: Int, rows: Int) {
            let fraction = size > 0 ? min(1, Double(read) / Double(size)) : 1
            let filled = Int(fraction * 30)
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled)
            FileHandle.standardError.write(Data("\r[\(bar)] \(Int(fraction * 100))%  \(rows) rows".utf8))
        }

        static func text(_ report: ImportReport) -> String {
            var lines = [
                "rows \(report.rows): imported \(report.imported), updated \(report.updated), unchanged \(report.unchanged), "
                    + "refused \(report.rejected); debtors created \(report.debtorsCreated)",
            ]
            for issue in report.issues.prefix(20) {
                lines.append("  line \(issue.line)\(issue.field.map { ", \($0)" } ?? ""): \(issue.message) [\(issue.code)]")
            }
            if report.issueCount > 20 { lines.append("  … and \(report.issueCount - 20) more issues (--json lists the first \(ImportReport.issueLimit))") }
            return lines.joined(separator: "\n")
        }

        static func json(_ report: ImportReport) -> String {
            let issues = report.issues.map { issue in
                #"{"line":\#(issue.line),"field":\#(issue.field.map(jsonString) ?? "null"),"code":\#(jsonString(issue.code)),"message":\#(jsonString(issue.message))}"#
            }
            return #"{"rows":\#(report.rows),"imported":\#(report.imported),"updated":\#(report.updated),"unchanged":\#(report.unchanged),"debtors_created":\#(report.debtorsCreated),"rejected":\#(report.rejected),"issue_count":\#(report.issueCount),"issues":[\#(issues.joined(separator: ","))]}"#
        }
    }
}
