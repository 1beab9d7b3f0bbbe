import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import PostgresNIO
import RelanceCore
import RelanceStore

// What happens to an invoice: payments, disputes, promises, plans, pauses, write-offs.

struct PaymentBody: Decodable {
    var amount: String?
    var amountMinor: Int64?
    /// The payment's value date; today when absent.
    var paidOn: String?
    var reference: String?
}

struct DisputeBody: Decodable { var reason: String }
struct ResolveDisputeBody: Decodable {
    /// `resume` (the ladder goes on) or `write_off`.
    var resolution: String
    var reason: String?
}
struct PromiseBody: Decodable {
    var payBy: String
    var graceDays: Int?
}
struct PlanBody: Decodable {
    struct InstallmentBody: Decodable {
        var dueDate: String
        var amount: String?
        var amountMinor: Int64?
    }
    var installments: [InstallmentBody]
    var graceDays: Int?
}
struct PauseBody: Decodable {
    var reason: String
    var resumesOn: String?

    /// The day the pause ends, if any, once the reason is checked.
    func resumeDate() throws(APIError) -> CalendarDate? {
        try Validate.nonEmpty(reason, "reason")
        return try resumesOn.map { text throws(APIError) in try Validate.date(text, "resumes_on") }
    }
}
struct WriteOffBody: Decodable { var reason: String }

/// What a transition did.
struct TransitionView: Encodable {
    var event: String
    var fromStatus: String
    var toStatus: String
    var cancelledSteps: Int
    var replannedSteps: Int
    @LowercaseOptionalID var paymentId: UUID?
    var invoice: InvoiceDetail
}

/// What pausing or resuming a debtor did.
struct DebtorTransitionView: Encodable {
    @LowercaseID var debtorId: UUID
    @LowercaseIDs var changed: [UUID]
    @LowercaseIDs var unchanged: [UUID]
}

extension APIServer {
    func addActionRoutes(to v1: RouterGroup<APIContext>) {
        v1.post("invoices/:id/payments") { request, context in
            let principal = try context.require(.collect)
            let id = InvoiceID(try context.id("id"))
            var request = request
            let raw = try await request.collectBody(upTo: APILimits.jsonBodyBytes)
            let bytes = Data(raw.readableBytesView)
            let body = try APIJSON.decode(PaymentBody.self, from: bytes)
            let today = settings.today()
            let paidOn = try body.paidOn.map { text throws(APIError) in try Validate.date(text, "paid_on") } ?? today
            let idempotencyKey = try Idempotency.key(of: request)
            return try await inTenant(principal) { connection in
                try await Idempotency.once(
                    key: idempotencyKey, route: "POST /v1/invoices/{id}/payments", target: id.uuid, body: bytes,
                    tenant: principal.tenantId, on: connection, logger: logger
                ) {
                    guard let record = try await InvoiceRepository(session: connection, logger: logger).record(id) else {
                        throw APIError.notFound("invoice \(id)")
                    }
                    let currency = record.invoice.amount.currency
                    let amount = try Validate.amount(body.amount, minor: body.amountMinor, currency: currency, field: "amount")
                    let payment = Payment(id: PaymentID(UUID.timeOrdered()), invoiceId: id, date: paidOn, amount: amount)
                    let result = try await InvoiceTransitions(client: database, logger: logger)
                        .recordPayment(payment, reference: body.reference, today: today, connection: connection)
                    return (.created, try await transitionView(result, payment: payment.id.uuid, on: connection, today: today))
                }
            }
        }
        v1.post("invoices/:id/disputes") { request, context in
            let principal = try context.require(.collect)
            let body = try await APIJSON.body(DisputeBody.self, of: request, context: context)
            try Validate.nonEmpty(body.reason, "reason")
            return try await transition(context, principal) { id, today, connection, transitions in
                try await transitions.dispute(id, reason: body.reason, on: today, connection: connection)
            }
        }
        v1.post("invoices/:id/disputes/resolve") { request, context in
            let principal = try context.require(.manage)
            let body = try await APIJSON.body(ResolveDisputeBody.self, of: request, context: context)
            let resolution: DisputeResolution
            switch body.resolution {
            case "resume": resolution = .resume
            case "write_off":
                guard let reason = body.reason, !reason.isEmpty else { throw APIError.missing("reason") }
                resolution = .writeOff(reason: reason)
            default:
                throw APIError.invalid("resolution", "'resolution' must be resume or write_off")
            }
            return try await transition(context, principal) { id, today, connection, transitions in
                try await transitions.resolveDispute(id, resolution, on: today, connection: connection)
            }
        }
        v1.post("invoices/:id/promises") { request, context in
            let principal = try context.require(.collect)
            let body = try await APIJSON.body(PromiseBody.self, of: request, context: context)
            let payBy = try Validate.date(body.payBy, "pay_by")
            let grace = body.graceDays ?? 0
            guard (0...60).contains(grace) else { throw APIError.invalid("grace_days", "'grace_days' must be from 0 to 60") }
            return try await transition(context, principal) { id, today, connection, transitions in
                try await transitions.promise(id, payBy: payBy, graceDays: grace, on: today, connection: connection)
            }
        }
        v1.post("invoices/:id/payment-plans") { request, context in
            let principal = try context.require(.collect)
            let body = try await APIJSON.body(PlanBody.self, of: request, context: context)
            guard !body.installments.isEmpty else { throw APIError.invalid("installments", "a plan needs at least one installment") }
            let grace = body.graceDays ?? 5
            guard (0...60).contains(grace) else { throw APIError.invalid("grace_days", "'grace_days' must be from 0 to 60") }
            return try await transition(context, principal) { id, today, connection, transitions in
                guard let record = try await InvoiceRepository(session: connection, logger: logger).record(id) else {
                    throw APIError.notFound("invoice \(id)")
                }
                let currency = record.invoice.amount.currency
                var installments: [Installment] = []
                for (index, item) in body.installments.enumerated() {
                    let field = "installments[\(index)]"
                    installments.append(Installment(
                        number: index + 1, dueDate: try Validate.date(item.dueDate, "\(field).due_date"),
                        amount: try Validate.amount(item.amount, minor: item.amountMinor, currency: currency, field: "\(field).amount")
                    ))
                }
                let plan = try PaymentPlan(agreedOn: today, installments: installments, graceDays: grace)
                return try await transitions.agreePaymentPlan(id, plan, connection: connection)
            }
        }
        v1.post("invoices/:id/pause") { request, context in
            let principal = try context.require(.manage)
            let body = try await APIJSON.body(PauseBody.self, of: request, context: context)
            let resumesOn = try body.resumeDate()
            return try await transition(context, principal) { id, today, connection, transitions in
                try await transitions.pause(id, reason: body.reason, by: "api key \(principal.keyId)", on: today,
                                            resumesOn: resumesOn, connection: connection)
            }
        }
        v1.post("invoices/:id/resume") { _, context in
            let principal = try context.require(.manage)
            return try await transition(context, principal) { id, today, connection, transitions in
                try await transitions.resume(id, on: today, connection: connection)
            }
        }
        v1.post("invoices/:id/write-off") { request, context in
            let principal = try context.require(.manage)
            let body = try await APIJSON.body(WriteOffBody.self, of: request, context: context)
            try Validate.nonEmpty(body.reason, "reason")
            return try await transition(context, principal) { id, today, connection, transitions in
                try await transitions.writeOff(id, reason: body.reason, on: today, connection: connection)
            }
        }
        v1.post("debtors/:id/pause") { request, context in
            let principal = try context.require(.manage)
            let body = try await APIJSON.body(PauseBody.self, of: request, context: context)
            let resumesOn = try body.resumeDate()
            return try await debtorTransition(context, principal, from: [.open, .partiallyPaid]) { id, today, connection, transitions in
                try await transitions.pause(id, reason: body.reason, by: "api key \(principal.keyId)", on: today,
                                            resumesOn: resumesOn, connection: connection)
            }
        }
        v1.post("debtors/:id/resume") { _, context in
            let principal = try context.require(.manage)
            return try await debtorTransition(context, principal, from: [.paused]) { id, today, connection, transitions in
                try await transitions.resume(id, on: today, connection: connection)
            }
        }
    }

    /// One transition of the invoice named by the path, in the tenant's transaction.
    private func transition(
        _ context: APIContext, _ principal: APIPrincipal,
        _ apply: @Sendable (InvoiceID, CalendarDate, PostgresConnection, InvoiceTransitions) async throws -> TransitionResult
    ) async throws -> Response {
        let id = InvoiceID(try context.id("id"))
        let today = settings.today()
        let view = try await inTenant(principal) { connection in
            let result = try await apply(id, today, connection, InvoiceTransitions(client: database, logger: logger))
            return try await transitionView(result, payment: nil, on: connection, today: today)
        }
        return APIJSON.response(view)
    }

    /// The same transition for each of the debtor's invoices in one of `states`, all in one
    /// transaction.
    private func debtorTransition(
        _ context: APIContext, _ principal: APIPrincipal, from states: Set<InvoiceStatus>,
        _ apply: @Sendable (InvoiceID, CalendarDate, PostgresConnection, InvoiceTransitions) async throws -> TransitionResult
    ) async throws -> Response {
        let debtorId = DebtorID(try context.id("id"))
        let today = settings.today()
        let view = try await inTenant(principal) { connection in
            guard try await TenantRecords(connection: connection, logger: logger).debtor(debtorId) != nil else {
                throw APIError.notFound("debtor \(debtorId)")
            }
            let invoices = try await InvoiceRepository(session: connection, logger: logger).invoices(ofDebtor: debtorId)
            var changed: [UUID] = []
            var unchanged: [UUID] = []
            let transitions = InvoiceTransitions(client: database, logger: logger)
            for invoice in invoices {
                if states.contains(invoice.state.status) {
                    _ = try await apply(invoice.id, today, connection, transitions)
                    changed.append(invoice.id.uuid)
                } else {
                    unchanged.append(invoice.id.uuid)
                }
            }
            return DebtorTransitionView(debtorId: debtorId.uuid, changed: changed, unchanged: unchanged)
        }
        return APIJSON.response(view)
    }

    private func transitionView(
        _ result: TransitionResult, payment: UUID?, on connection: PostgresConnection, today: CalendarDate
    ) async throws -> TransitionView {
        TransitionView(
            event: result.eventKind, fromStatus: result.from.rawValue, toStatus: result.to.rawValue,
            cancelledSteps: result.cancelledSteps, replannedSteps: result.replannedSteps, paymentId: payment,
            invoice: try await invoiceDetail(result.invoice.id, on: connection, today: today)
        )
    }
}

/// Requests sent with an `Idempotency-Key` header: the first result is stored with the key in
/// the same transaction as the change, and answered again to the same key and body (with
/// `Idempotent-Replayed: true`); the same key with another body or route is a 409. A request
/// that fails stores nothing, so it may be sent again under the same key.
enum Idempotency {
    static let header = HTTPField.Name("Idempotency-Key")!
    static let replayed = HTTPField.Name("Idempotent-Replayed")!

    static func key(of request: Request) throws(APIError) -> String? {
        guard let key = request.headers[header] else { return nil }
        guard (1...255).contains(key.utf8.count), key.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x21 && $0.value < 0x7f }) else {
            throw APIError.invalid("Idempotency-Key", "the Idempotency-Key header must be 1 to 255 printable ASCII characters")
        }
        return key
    }

    static func once<View: Encodable & Sendable>(
        key: String?, route: String, target: UUID, body: Data, tenant: TenantID,
        on connection: PostgresConnection, logger: Logger,
        _ perform: () async throws -> (HTTPResponse.Status, View)
    ) async throws -> Response {
        guard let key else {
            let (status, view) = try await perform()
            return APIJSON.response(view, status: status)
        }
        var hasher = SHA256()
        hasher.update(data: Array(route.utf8) + [0] + Array(target.uuidString.utf8) + [0])
        hasher.update(data: body)
        let digest = ByteBuffer(bytes: Array(hasher.finalize()))
        let inserted = try await connection.query(
            """
            INSERT INTO idempotency_keys (tenant_id, key, route, request_sha256) VALUES (\(tenant.uuid), \(key), \(route), \(digest))
            ON CONFLICT DO NOTHING RETURNING 1
            """,
            logger: logger
        ).collect()
        if inserted.isEmpty {
            let rows = try await connection.query(
                "SELECT request_sha256, status, response FROM idempotency_keys WHERE tenant_id = \(tenant.uuid) AND key = \(key)",
                logger: logger
            )
            for try await (stored, status, response) in rows.decode((ByteBuffer, Int?, String?).self) {
                guard stored == digest else {
                    throw APIError(status: .conflict, code: "idempotency_key_reused",
                                   message: "this Idempotency-Key was used for another request; use a new key for a new request",
                                   field: "Idempotency-Key")
                }
                guard let status, let response else {
                    throw APIError(status: .conflict, code: "request_in_progress", message: "a request with this Idempotency-Key is still in progress")
                }
                return Response(
                    status: HTTPResponse.Status(code: status),
                    headers: [.contentType: "application/json; charset=utf-8", replayed: "true"],
                    body: .init(byteBuffer: ByteBuffer(string: response))
                )
            }
            throw APIError(status: .conflict, code: "request_in_progress", message: "a request with this Idempotency-Key is still in progress")
        }
        let (status, view) = try await perform()
        let json = String(decoding: APIJSON.encode(view), as: UTF8.self)
        try await connection.query(
            """
            UPDATE idempotency_keys SET status = \(status.code), response = \(json)
            WHERE tenant_id = \(tenant.uuid) AND key = \(key)
            """,
            logger: logger
        )
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: json)))
    }
}
