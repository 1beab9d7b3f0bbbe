import Foundation
import Hummingbird
import PostgresNIO
import RelanceCore
import RelanceStore

// Invoices: create one, list, and read one whole (state, penalties, timeline, events).

struct InvoiceBody: Decodable {
    var creditorId: UUID
    var debtorId: UUID
    var number: String
    var issueDate: String
    var dueDate: String
    var currency: String
    var amount: String?
    var amountMinor: Int64?
    var contractRateBp: Int?
    var jurisdiction: String?
    var policyId: UUID?
}

/// An invoice as lists show it.
struct InvoiceSummary: Encodable {
    @LowercaseID var id: UUID
    var number: String
    @LowercaseID var creditorId: UUID
    @LowercaseID var debtorId: UUID
    var issueDate: CalendarDate
    var dueDate: CalendarDate
    var currency: String
    var amount: String
    var amountMinor: Int64
    var outstanding: String
    var outstandingMinor: Int64
    var status: String
    var jurisdiction: String
    var formalNoticeDate: CalendarDate?
    var policy: PolicyRef?

    struct PolicyRef: Encodable {
        @LowercaseID var id: UUID
        var name: String
        var version: Int
        var source: String?
    }

    init(_ record: InvoiceRecord) {
        let invoice = record.invoice
        id = invoice.id.uuid
        number = invoice.number
        creditorId = invoice.creditorId.uuid
        debtorId = invoice.debtorId.uuid
        issueDate = invoice.issueDate
        dueDate = invoice.dueDate
        currency = invoice.amount.currency.code
        amount = invoice.amount.decimalString
        amountMinor = invoice.amount.minorUnits
        outstanding = invoice.outstanding.decimalString
        outstandingMinor = invoice.outstanding.minorUnits
        status = invoice.state.status.rawValue
        jurisdiction = record.jurisdiction.rawValue
        formalNoticeDate = record.formalNoticeDate
        policy = record.ladder.map { PolicyRef(id: $0.id.uuid, name: $0.name, version: $0.version, source: record.ladderSource?.rawValue) }
    }
}

/// An invoice whole: what lists show, its state in full, penalties to date, the timeline.
struct InvoiceDetail: Encodable {
    var invoice: InvoiceSummary
    var state: InvoiceState
    var penalties: Penalties?
    var payments: [PaymentView]
    var timeline: [StepView]
    var events: [EventView]

    struct Penalties: Encodable {
        /// The day they are computed to.
        var asOf: CalendarDate
        var interest: String
        var interestMinor: Int64
        var fixedIndemnity: String
        var fixedIndemnityMinor: Int64
        var totalDue: String
        var totalDueMinor: Int64
        /// The engine's whole breakdown: periods, rates and their sources, notes.
        var breakdown: PenaltyResult?
        /// Why nothing is claimed yet (a rate not published), when so.
        var note: String?
    }

    struct PaymentView: Encodable {
        @LowercaseID var id: UUID
        var paidOn: CalendarDate
        var amount: String
        var amountMinor: Int64
    }

    struct StepView: Encodable {
        var position: Int
        var channel: String
        var template: String
        var tone: String
        var dueDate: CalendarDate
        var dueAt: Date
        var status: String
        var statusReason: String?
        @LowercaseOptionalID var jobId: UUID?
        var outcome: String?
        var completedAt: Date?
        /// A letter's or dossier's file: download it from `GET /v1/jobs/{job_id}/artefact`.
        var artefact: Bool
        var outcomeDetail: JSONValue?
    }

    struct EventView: Encodable {
        var id: Int64
        var occurredAt: Date
        var effectiveDate: CalendarDate
        var kind: String
        var fromStatus: String?
        var toStatus: String?
        var detail: JSONValue?
    }
}

extension APIServer {
    func addInvoiceRoutes(to v1: RouterGroup<APIContext>) {
        v1.get("invoices") { request, context in
            let principal = try context.require(.read)
            let (cursor, limit) = try request.page()
            let debtor = try request.queryId("debtor_id")
            var status: InvoiceStatus?
            if let text = request.uri.queryParameters["status"] {
                guard let value = InvoiceStatus(rawValue: String(text)) else {
                    let known = InvoiceStatus.allCases.map(\.rawValue).joined(separator: ", ")
                    throw APIError.invalid("status", "'status' must be one of \(known)")
                }
                status = value
            }
            let page = try await inTenant(principal) { connection in
                try await TenantRecords(connection: connection, logger: logger)
                    .invoices(after: cursor, limit: limit, debtor: debtor.map(DebtorID.init), status: status)
            }
            return APIJSON.response(PageView(items: page.items.map(InvoiceSummary.init), nextCursor: page.next))
        }
        v1.post("invoices") { request, context in
            let principal = try context.require(.manage)
            let body = try await APIJSON.body(InvoiceBody.self, of: request, context: context)
            let invoice = try makeInvoice(body, tenant: principal.tenantId)
            let jurisdiction = try body.jurisdiction.map { text throws(APIError) -> Jurisdiction in
                guard let value = Jurisdiction(rawValue: text) else {
                    throw APIError.invalid("jurisdiction", "'jurisdiction' must be one of \(Jurisdiction.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return value
            }
            let today = settings.today()
            let detail = try await inTenant(principal) { connection in
                let records = TenantRecords(connection: connection, logger: logger)
                guard let debtor = try await records.debtor(invoice.debtorId) else {
                    throw APIError(status: .notFound, code: "not_found", message: "no debtor \(body.debtorId)", field: "debtor_id")
                }
                guard debtor.record.debtor.creditorId == invoice.creditorId else {
                    throw APIError(status: .unprocessableContent, code: "debtor_of_another_creditor",
                                   message: "debtor \(body.debtorId) owes creditor \(debtor.record.debtor.creditorId), not \(body.creditorId)",
                                   field: "creditor_id")
                }
                if try await records.invoice(number: invoice.number, creditor: invoice.creditorId) != nil {
                    throw APIError(status: .conflict, code: "duplicate_invoice",
                                   message: "the creditor already has an invoice numbered '\(invoice.number)'", field: "number")
                }
                try await InvoiceIntake(client: database, logger: logger)
                    .add([invoice], jurisdiction: jurisdiction, today: today, connection: connection)
                return try await invoiceDetail(invoice.id, on: connection, today: today)
            }
            return APIJSON.response(detail, status: .created, headers: [.location: "/v1/invoices/\(invoice.id)"])
        }
        v1.get("invoices/:id") { _, context in
            let principal = try context.require(.read)
            let id = InvoiceID(try context.id("id"))
            let today = settings.today()
            let detail = try await inTenant(principal) { connection in
                try await invoiceDetail(id, on: connection, today: today)
            }
            return APIJSON.response(detail)
        }
    }

    func makeInvoice(_ body: InvoiceBody, tenant: TenantID) throws -> Invoice {
        try Validate.nonEmpty(body.number, "number")
        guard body.number.count <= 100 else { throw APIError.invalid("number", "'number' is longer than 100 characters") }
        let issue = try Validate.date(body.issueDate, "issue_date")
        let due = try Validate.date(body.dueDate, "due_date")
        guard due >= issue else { throw APIError.invalid("due_date", "'due_date' is before 'issue_date'") }
        let currency = try Validate.currency(body.currency, "currency")
        let amount = try Validate.amount(body.amount, minor: body.amountMinor, currency: currency, field: "amount")
        if let rate = body.contractRateBp, !(0...100_000).contains(rate) {
            throw APIError.invalid("contract_rate_bp", "'contract_rate_bp' must be from 0 to 100000 basis points")
        }
        do {
            return try Invoice(
                id: InvoiceID(UUID.timeOrdered()), tenantId: tenant, creditorId: CreditorID(body.creditorId),
                debtorId: DebtorID(body.debtorId), number: body.number, issueDate: issue, dueDate: due, amount: amount,
                contractRate: body.contractRateBp.map(Rate.init(basisPoints:)), policyOverride: body.policyId.map(DunningPolicyID.init)
            )
        } catch {
            throw APIError(status: .unprocessableContent, code: error.code.name, message: error.message)
        }
    }

    /// The invoice whole, read on the tenant's connection: 404 when the tenant has no such invoice.
    func invoiceDetail(_ id: InvoiceID, on connection: PostgresConnection, today: CalendarDate) async throws -> InvoiceDetail {
        let invoices = InvoiceRepository(session: connection, logger: logger)
        guard let record = try await invoices.record(id) else { throw APIError.notFound("invoice \(id)") }
        let payments = try await invoices.payments(of: id)
        let timeline = try await invoices.timeline(of: id)
        let events = try await invoices.events(of: id)
        return InvoiceDetail(
            invoice: InvoiceSummary(record),
            state: record.invoice.state,
            penalties: penalties(record, payments: payments, today: today),
            payments: payments.map { .init(id: $0.id.uuid, paidOn: $0.date, amount: $0.amount.decimalString, amountMinor: $0.amount.minorUnits) },
            timeline: timeline.map { step in
                .init(position: step.position, channel: step.channel.rawValue, template: step.templateKey, tone: step.tone.rawValue,
                      dueDate: step.dueDate, dueAt: step.dueAt, status: step.status.rawValue, statusReason: step.statusReason,
                      jobId: step.jobId, outcome: step.outcome?.rawValue, completedAt: step.completedAt,
                      artefact: step.artefactURI != nil, outcomeDetail: JSONValue.parsing(step.outcomeDetail))
            },
            events: events.map { event in
                .init(id: event.id, occurredAt: event.occurredAt, effectiveDate: event.effectiveDate, kind: event.kind,
                      fromStatus: event.fromStatus?.rawValue, toStatus: event.toStatus?.rawValue, detail: JSONValue.parsing(event.detail))
            }
        )
    }

    /// Penalties to `today` by the engine, for an invoice still owed; nil once paid or written off.
    func penalties(_ record: InvoiceRecord, payments: [Payment], today: CalendarDate) -> InvoiceDetail.Penalties? {
        let invoice = record.invoice
        guard !invoice.state.status.isTerminal, invoice.dueDate < today else { return nil }
        let currency = invoice.amount.currency
        let request = PenaltyRequest(
            jurisdiction: record.jurisdiction, principal: invoice.amount, dueDate: invoice.dueDate, settlement: .unpaid(asOf: today),
            payments: payments.filter { $0.date <= today && $0.amount.currency == currency }
                .map { PartialPayment(date: $0.date, amount: $0.amount) },
            contractRate: record.jurisdiction == .frB2B ? invoice.contractRate : nil,
            noticeDate: record.jurisdiction == .frB2C ? record.formalNoticeDate : nil
        )
        do {
            let result = try PenaltyEngine(tables: rateTables).compute(request)
            return .init(
                asOf: today, interest: result.interest.decimalString, interestMinor: result.interest.minorUnits,
                fixedIndemnity: result.fixedIndemnity.decimalString, fixedIndemnityMinor: result.fixedIndemnity.minorUnits,
                totalDue: result.totalDue.decimalString, totalDueMinor: result.totalDue.minorUnits, breakdown: result, note: nil
            )
        } catch {
            // No rate published yet for part of the period: claim no interest rather than guess
            // (the fixed indemnity does not depend on a rate).
            let zero = Money.zero(currency)
            let indemnity = error.code == .rateUnavailable
                ? PenaltyEngine.fixedIndemnity(record.jurisdiction, principal: invoice.amount) : zero
            let total = (try? invoice.outstanding.adding(indemnity)) ?? invoice.outstanding
            return .init(
                asOf: today, interest: zero.decimalString, interestMinor: 0, fixedIndemnity: indemnity.decimalString,
                fixedIndemnityMinor: indemnity.minorUnits, totalDue: total.decimalString, totalDueMinor: total.minorUnits,
                breakdown: nil, note: "no interest claimed: \(error.message)"
            )
        }
    }
}
