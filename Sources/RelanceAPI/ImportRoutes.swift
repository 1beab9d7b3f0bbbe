import Foundation
import Hummingbird
import RelanceCore
import RelanceStore

// Bulk import of invoices with their debtors, streamed.

struct ImportReportView: Encodable {
    var rows: Int
    var imported: Int
    var updated: Int
    var unchanged: Int
    var debtorsCreated: Int
    var rejected: Int
    /// The first issues (at most 1 000); `issue_count` counts them all.
    var issues: [ImportIssue]
    var issueCount: Int

    init(_ report: ImportReport) {
        rows = report.rows
        imported = report.imported
        updated = report.updated
        unchanged = report.unchanged
        debtorsCreated = report.debtorsCreated
        rejected = report.rejected
        issues = report.issues
        issueCount = report.issueCount
    }
}

extension APIServer {
    func addImportRoutes(to v1: RouterGroup<APIContext>) {
        v1.post("invoices/import") { request, context in
            let principal = try context.require(.manage)
            let format = try importFormat(of: request)
            let importer = InvoiceImporter(client: database, tenant: principal.tenantId, today: settings.today(), logger: logger)
            var session = ImportSession(importer: importer, format: format)
            var received = 0
            do {
                for try await buffer in request.body {
                    received += buffer.readableBytes
                    guard received <= APILimits.importBodyBytes else {
                        throw APIError(status: .contentTooLarge, code: "body_too_large",
                                       message: "an import is at most \(APILimits.importBodyBytes >> 20) MiB; split the file")
                    }
                    try await session.feed(buffer.readableBytesView)
                }
                let report = try await session.finish()
                return APIJSON.response(ImportReportView(report))
            } catch let error as ImportFileError {
                throw APIError(status: .badRequest, code: error.code.name, message: error.description)
            }
        }
    }

    /// `?format=csv|jsonl`, else from the Content-Type (text/csv; application/x-ndjson or
    /// application/jsonl), else CSV.
    private func importFormat(of request: Request) throws -> ImportFormat {
        if let text = request.uri.queryParameters["format"] {
            guard let format = ImportFormat(rawValue: String(text)) else {
                throw APIError.invalid("format", "'format' must be csv or jsonl")
            }
            return format
        }
        let type = request.headers[.contentType]?.lowercased() ?? ""
        if type.contains("ndjson") || type.contains("jsonl") || type.contains("json-seq") { return .jsonLines }
        return .csv
    }
}
