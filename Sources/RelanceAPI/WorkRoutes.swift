import Foundation
import Hummingbird
import PostgresNIO
import RelanceCore
import RelancePipeline
import RelanceStore

// What people work on: call tasks, court dossiers, and the files the channels wrote.

struct NextCallBody: Decodable {
    /// Who takes the task.
    var agent: String
}

struct CallResultBody: Decodable {
    var agent: String
    /// promise_to_pay, dispute, payment_plan, paid, no_answer, wrong_number, callback
    var result: String
    /// promise_to_pay: the day promised; paid: the value date.
    var date: String?
    var amount: String?
    var amountMinor: Int64?
    var currency: String?
    var reason: String?
    var installments: Int?
    var firstDue: String?
    /// callback: when, RFC 3339 with its offset.
    var at: Date?
}

struct CallTaskView: Encodable {
    @LowercaseID var id: UUID
    @LowercaseID var jobId: UUID
    @LowercaseID var debtorId: UUID
    var debtorName: String
    var phone: String?
    @LowercaseIDs var invoiceIds: [UUID]
    var priority: Int
    var earliestAt: Date
    var latestAt: Date
    var talkingPoints: CallTalkingPoints
    var status: String
    var agent: String?
    var attempts: Int
    var result: String?

    init(_ task: CallTask) {
        id = task.id
        jobId = task.jobId
        debtorId = task.debtorId
        debtorName = task.debtorName
        phone = task.phone
        invoiceIds = task.invoiceIds
        priority = task.priority
        earliestAt = task.window.earliest.date
        latestAt = task.window.latest.date
        talkingPoints = task.talkingPoints
        status = task.status.rawValue
        agent = task.agent
        attempts = task.attempts
        result = task.result?.rawValue
    }
}

struct CallRecordingView: Encodable {
    @LowercaseID var taskId: UUID
    var status: String
    var attempts: Int
    var rescheduledTo: Date?
    var ladderMovedOn: Bool
    var transitions: [Transition]

    struct Transition: Encodable {
        @LowercaseID var invoiceId: UUID
        var event: String
        var fromStatus: String
        var toStatus: String
    }
}

struct FilingView: Encodable {
    @LowercaseID var id: UUID
    @LowercaseID var jobId: UUID
    @LowercaseID var debtorId: UUID
    var debtorName: String
    var invoiceNumbers: [String]
    var court: String
    var courtKind: String
    var courtConfirmed: Bool
    var form: String
    var total: String
    var totalMinor: Int64
    var currency: String
    var claimDate: CalendarDate
    var pdfSha256: String
    var pdfPages: Int
    var warnings: [String]
    var status: String
    var filedBy: String?
    var filedAt: Date?
    var filingReference: String?
    var withdrawnBy: String?
    var withdrawnAt: Date?
    var preparedAt: Date

    init(_ filing: LegalFilings.Filing) {
        id = filing.id
        jobId = filing.jobId
        debtorId = filing.debtorId
        debtorName = filing.debtorName
        invoiceNumbers = filing.invoiceNumbers
        court = filing.courtName
        courtKind = filing.courtKind.rawValue
        courtConfirmed = filing.courtConfirmed
        form = filing.form
        total = filing.total.decimalString
        totalMinor = filing.total.minorUnits
        currency = filing.total.currency.code
        claimDate = filing.claimDate
        pdfSha256 = filing.pdfSHA256
        pdfPages = filing.pdfPages
        warnings = filing.warnings
        status = filing.status.rawValue
        filedBy = filing.filedBy
        filedAt = filing.filedAt
        filingReference = filing.filingReference
        withdrawnBy = filing.withdrawnBy
        withdrawnAt = filing.withdrawnAt
        preparedAt = filing.preparedAt
    }
}

struct FiledBody: Decodable {
    var by: String
    var reference: String?
}

struct WithdrawnBody: Decodable { var by: String }

extension APIServer {
    func addWorkRoutes(to v1: RouterGroup<APIContext>) {
        v1.post("call-tasks/next") { request, context in
            let principal = try context.require(.collect)
            let body = try await APIJSON.body(NextCallBody.self, of: request, context: context)
            try Validate.nonEmpty(body.agent, "agent")
            let task = try await callTasks(principal).next(tenant: principal.tenantId.uuid, agent: body.agent, now: settings.now())
            return APIJSON.response(["task": task.map(CallTaskView.init)])
        }
        v1.get("call-tasks/:id") { _, context in
            let principal = try context.require(.read)
            let id = try context.id("id")
            guard let task = try await callTasks(principal).task(id) else { throw APIError.notFound("call task \(id)") }
            return APIJSON.response(CallTaskView(task))
        }
        v1.post("call-tasks/:id/result") { request, context in
            let principal = try context.require(.collect)
            let id = try context.id("id")
            let body = try await APIJSON.body(CallResultBody.self, of: request, context: context)
            try Validate.nonEmpty(body.agent, "agent")
            let store = callTasks(principal)
            guard let task = try await store.task(id) else { throw APIError.notFound("call task \(id)") }
            let result = try callResult(body, taskCurrency: try await invoiceCurrency(task, principal))
            let recording = try await store.record(task: id, result: result, agent: body.agent, now: settings.now())
            return APIJSON.response(CallRecordingView(
                taskId: recording.taskId, status: recording.status.rawValue, attempts: recording.attempts,
                rescheduledTo: recording.rescheduledTo?.earliest.date, ladderMovedOn: recording.ladderMovedOn,
                transitions: recording.transitions.map {
                    .init(invoiceId: $0.invoice.id.uuid, event: $0.eventKind, fromStatus: $0.from.rawValue, toStatus: $0.to.rawValue)
                }
            ))
        }

        v1.get("legal-dossiers") { request, context in
            let principal = try context.require(.read)
            var status: FilingStatus?
            if let text = request.uri.queryParameters["status"] {
                guard let value = FilingStatus(rawValue: String(text)) else {
                    throw APIError.invalid("status", "'status' must be ready_for_review, filed or withdrawn")
                }
                status = value
            }
            let filings = try await legalFilings(principal).list(tenant: principal.tenantId.uuid, status: status)
            return APIJSON.response(["items": filings.map(FilingView.init)])
        }
        v1.get("legal-dossiers/:id") { _, context in
            let principal = try context.require(.read)
            let id = try context.id("id")
            guard let filing = try await legalFilings(principal).filing(id) else { throw APIError.notFound("legal dossier \(id)") }
            return APIJSON.response(FilingView(filing))
        }
        v1.get("legal-dossiers/:id/document") { _, context in
            let principal = try context.require(.read)
            let id = try context.id("id")
            guard let filing = try await legalFilings(principal).filing(id) else { throw APIError.notFound("legal dossier \(id)") }
            return try artefact(at: filing.pdfPath, contentType: "application/pdf", name: "dossier-\(filing.id).pdf")
        }
        v1.get("legal-dossiers/:id/manifest") { _, context in
            let principal = try context.require(.read)
            let id = try context.id("id")
            guard let filing = try await legalFilings(principal).filing(id) else { throw APIError.notFound("legal dossier \(id)") }
            return try artefact(at: filing.manifestPath, contentType: "application/json", name: "dossier-\(filing.id).json")
        }
        v1.post("legal-dossiers/:id/filed") { request, context in
            let principal = try context.require(.manage)
            let id = try context.id("id")
            let body = try await APIJSON.body(FiledBody.self, of: request, context: context)
            try Validate.nonEmpty(body.by, "by")
            let filing = try await legalFilings(principal).markFiled(id, by: body.by, reference: body.reference, at: settings.now())
            return APIJSON.response(FilingView(filing))
        }
        v1.post("legal-dossiers/:id/withdrawn") { request, context in
            let principal = try context.require(.manage)
            let id = try context.id("id")
            let body = try await APIJSON.body(WithdrawnBody.self, of: request, context: context)
            try Validate.nonEmpty(body.by, "by")
            let filing = try await legalFilings(principal).markWithdrawn(id, by: body.by, at: settings.now())
            return APIJSON.response(FilingView(filing))
        }

        v1.get("jobs/:id/artefact") { _, context in
            let principal = try context.require(.read)
            let id = try context.id("id")
            let uri = try await inTenant(principal) { connection -> String? in
                let rows = try await connection.query(
                    "SELECT artefact_uri FROM job_outcomes WHERE job_id = \(id) AND artefact_uri IS NOT NULL", logger: logger
                )
                for try await uri in rows.decode(String.self) { return uri }
                return nil
            }
            guard let uri, let url = URL(string: uri), url.isFileURL else { throw APIError.notFound("artefact of job \(id)") }
            let type = url.pathExtension == "json" ? "application/json" : "application/pdf"
            return try artefact(at: url.path, contentType: type, name: url.lastPathComponent)
        }
    }

    private func callTasks(_ principal: APIPrincipal) -> CallTaskStore {
        var store = CallTaskStore(client: database, rules: reference.complianceRules, logger: logger)
        store.tenantScope = principal.tenantId
        return store
    }

    private func legalFilings(_ principal: APIPrincipal) -> LegalFilings {
        var filings = LegalFilings(client: database, logger: logger)
        filings.tenantScope = principal.tenantId
        return filings
    }

    /// The currency of the task's first invoice: amounts the agent sends are in it unless
    /// another is named.
    private func invoiceCurrency(_ task: CallTask, _ principal: APIPrincipal) async throws -> Currency {
        guard let first = task.invoiceIds.first else { return .eur }
        let record = try await inTenant(principal) { connection in
            try await InvoiceRepository(session: connection, logger: logger).record(InvoiceID(first))
        }
        return record?.invoice.amount.currency ?? .eur
    }

    private func callResult(_ body: CallResultBody, taskCurrency: Currency) throws -> CallResult {
        guard let kind = CallResult.Kind(rawValue: body.result) else {
            throw APIError.invalid("result", "'result' must be one of \(CallResult.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let currency = try body.currency.map { text throws(APIError) in try Validate.currency(text, "currency") } ?? taskCurrency
        func date() throws(APIError) -> CalendarDate {
            guard let text = body.date else { throw APIError.missing("date") }
            return try Validate.date(text, "date")
        }
        switch kind {
        case .promiseToPay:
            return .promiseToPay(date: try date(), amount: try Validate.amount(body.amount, minor: body.amountMinor, currency: currency, field: "amount"))
        case .paid:
            return .paid(amount: try Validate.amount(body.amount, minor: body.amountMinor, currency: currency, field: "amount"), date: try date())
        case .dispute:
            guard let reason = body.reason else { throw APIError.missing("reason") }
            return .dispute(reason: reason)
        case .paymentPlan:
            guard let count = body.installments else { throw APIError.missing("installments") }
            guard let first = body.firstDue else { throw APIError.missing("first_due") }
            return .paymentPlan(installments: count, firstDueDate: try Validate.date(first, "first_due"))
        case .noAnswer: return .noAnswer
        case .wrongNumber: return .wrongNumber
        case .callback:
            guard let at = body.at else { throw APIError.missing("at") }
            return .callback(at: at)
        }
    }

    /// A file the channels wrote, served only from under the artefacts directory.
    private func artefact(at path: String, contentType: String, name: String) throws -> Response {
        let root = URL(fileURLWithPath: settings.artefactsDirectory).standardizedFileURL.path
        let file = URL(fileURLWithPath: path).standardizedFileURL.path
        guard file.hasPrefix(root.hasSuffix("/") ? root : root + "/"), let data = FileManager.default.contents(atPath: file) else {
            throw APIError(status: .notFound, code: "not_found", message: "the file is not (or no longer) in the artefact store")
        }
        return Response(
            status: .ok,
            headers: [.contentType: contentType, .contentDisposition: "inline; filename=\"\(name)\""],
            body: .init(byteBuffer: ByteBuffer(bytes: data))
        )
    }
}
