import Foundation
import Hummingbird
import RelanceCore
import RelanceStore

// The dead letters, for operators: list (filters as query parameters, paged by id), show,
// replay one or many, discard (with a reason). See `DeadLetterStore` for what a replay does.

extension APIServer {
    func addDeadLetterRoutes(to ops: RouterGroup<APIContext>) {
        // ?channel= ?tenant= ?reason= (text contained) ?since= (RFC 3339) ?state= ?limit= (1…500)
        // ?cursor= (the next_cursor of the previous page).
        ops.get("dead-letters") { request, context in
            let (_, operations) = try operationsAccess(context)
            let filter = try request.deadLetterFilter()
            let query = request.uri.queryParameters
            var limit = 50
            if let text = query["limit"] {
                guard let value = Int(text), (1...500).contains(value) else {
                    throw APIError.invalid("limit", "'limit' must be an integer from 1 to 500")
                }
                limit = value
            }
            var cursor: Int64?
            if let text = query["cursor"] {
                guard let value = Int64(text) else { throw APIError.invalid("cursor", "'cursor' must be the next_cursor of a previous page") }
                cursor = value
            }
            let letters = try await DeadLetterStore(client: operations.database, logger: logger).list(filter, limit: limit, before: cursor)
            return APIJSON.response(DeadLetterPage(
                items: letters.map(DeadLetterView.init), nextCursor: letters.count == limit ? letters.last.map { String($0.id) } : nil
            ))
        }

        ops.get("dead-letters/:id") { _, context in
            let (_, operations) = try operationsAccess(context)
            let store = DeadLetterStore(client: operations.database, logger: logger)
            let id = try context.deadLetterId()
            guard let letter = try await store.get(id) else { throw APIError.notFound("dead letter \(id)") }
            return APIJSON.response(try await DeadLetterDetailView.load(letter, from: store))
        }

        ops.post("dead-letters/:id/replay") { request, context in
            let (principal, operations) = try operationsAccess(context)
            let id = try context.deadLetterId()
            let body = try await Self.optionalBody(ReasonBody.self, of: request, context: context)
            let store = DeadLetterStore(client: operations.database, logger: logger)
            do {
                let letter = try await store.replay(id, actor: "operator:\(principal.name)", reason: body?.reason)
                return APIJSON.response(DeadLetterView(letter))
            } catch let refusal as DeadLetterRefusal {
                throw APIError(refusal)
            }
        }

        ops.post("dead-letters/replay") { request, context in
            let (principal, operations) = try operationsAccess(context)
            let body = try await APIJSON.body(BulkBody.self, of: request, context: context)
            let filter = try body.filter()
            let result = try await DeadLetterStore(client: operations.database, logger: logger)
                .replay(matching: filter, actor: "operator:\(principal.name)", reason: body.reason)
            return APIJSON.response(BulkView(result))
        }

        ops.post("dead-letters/:id/discard") { request, context in
            let (principal, operations) = try operationsAccess(context)
            let id = try context.deadLetterId()
            let body = try await APIJSON.body(ReasonBody.self, of: request, context: context)
            guard let reason = body.reason?.trimmingCharacters(in: .whitespacesAndNewlines), !reason.isEmpty else {
                throw APIError.missing("reason")
            }
            do {
                let letter = try await DeadLetterStore(client: operations.database, logger: logger)
                    .discard(id, actor: "operator:\(principal.name)", reason: reason)
                return APIJSON.response(DeadLetterView(letter))
            } catch let refusal as DeadLetterRefusal {
                throw APIError(refusal)
            }
        }
    }

    /// The body as `T`, or nil when the request has none.
    static func optionalBody<T: Decodable>(_ type: T.Type, of request: Request, context: APIContext) async throws -> T? {
        var request = request
        let buffer = try await request.collectBody(upTo: APILimits.jsonBodyBytes)
        guard buffer.readableBytes > 0 else { return nil }
        return try APIJSON.decode(type, from: Data(buffer.readableBytesView))
    }
}

struct ReasonBody: Decodable {
    var reason: String?
}

/// `POST /v1/ops/dead-letters/replay`: which waiting dead letters to replay. At least one filter.
struct BulkBody: Decodable {
    var channel: String?
    var tenant: UUID?
    var reason: String?
    /// Only letters whose reason contains this text.
    var deadLetterReason: String?
    var since: Date?

    func filter() throws -> DeadLetterFilter {
        guard channel != nil || tenant != nil || deadLetterReason != nil || since != nil else {
            throw APIError.invalid("channel", "name at least one of channel, tenant, dead_letter_reason, since")
        }
        return DeadLetterFilter(channel: channel, tenantId: tenant, reason: deadLetterReason, since: since)
    }
}

struct BulkView: Encodable {
    var replayed: Int
    var ids: [Int64]
    var refused: [Refused]

    struct Refused: Encodable {
        var id: Int64
        var code: String
        var message: String
    }

    init(_ result: DeadLetterStore.BulkResult) {
        replayed = result.done.count
        ids = result.done
        refused = result.refused.map { Refused(id: $0.id, code: $0.code.rawValue, message: $0.message) }
    }
}

struct DeadLetterPage: Encodable {
    var items: [DeadLetterView]
    var nextCursor: String?
}

/// A dead letter in a list.
public struct DeadLetterView: Encodable, Sendable {
    var id: Int64
    @LowercaseOptionalID var tenantId: UUID?
    @LowercaseOptionalID var jobId: UUID?
    var channel: String
    var reason: String
    var deathCount: Int
    var firstDeadLetteredAt: Date?
    var collectedAt: Date
    var state: String
    var stateChangedBy: String?
    var stateChangedAt: Date?
    var stateReason: String?

    public init(_ letter: DeadLetterRecord) {
        id = letter.id
        tenantId = letter.tenantId
        jobId = letter.jobId
        channel = letter.channel
        reason = letter.reason
        deathCount = letter.deathCount
        firstDeadLetteredAt = letter.firstDeadLetteredAt
        collectedAt = letter.collectedAt
        state = letter.state.rawValue
        stateChangedBy = letter.stateChangedBy
        stateChangedAt = letter.stateChangedAt
        stateReason = letter.stateReason
    }

    /// The API's JSON of `value`, for the command line.
    public static func json(_ value: some Encodable) -> String {
        String(decoding: APIJSON.encode(value), as: UTF8.self)
    }
}

/// One dead letter in full: headers, body, the decoded job, the job's outcomes.
public struct DeadLetterDetailView: Encodable, Sendable {
    var deadLetter: DeadLetterView
    var headers: JSONValue?
    /// The body as text when it is UTF-8, else nil (see `bodyBase64`).
    var bodyText: String?
    var bodyBase64: String
    var job: JobView?
    var outcomes: [OutcomeView]

    struct JobView: Encodable {
        @LowercaseID var jobId: UUID
        @LowercaseID var tenantId: UUID
        @LowercaseID var debtorId: UUID
        var channel: String
        var createdAt: Date
        var steps: [StepView]
    }

    struct StepView: Encodable {
        @LowercaseID var stepId: UUID
        @LowercaseID var invoiceId: UUID
        var invoiceNumber: String?
        var position: Int
        var templateKey: String
    }

    struct OutcomeView: Encodable {
        var outcome: String
        var detail: JSONValue?
        var attempts: Int
        var completedAt: Date
        /// When a replay moved it aside; absent for the job's current outcome.
        var movedAsideAt: Date?
    }

    /// Everything shown about `letter`, with the job's outcomes and its invoices' numbers.
    public static func load(_ letter: DeadLetterRecord, from store: DeadLetterStore) async throws -> DeadLetterDetailView {
        let job = letter.job
        let numbers = try await store.invoiceNumbers(job?.steps.map(\.invoiceId) ?? [])
        var outcomes: [RecordedOutcome] = []
        if let jobId = letter.jobId { outcomes = try await store.outcomes(ofJob: jobId) }
        return DeadLetterDetailView(
            deadLetter: DeadLetterView(letter),
            headers: try? APIJSON.decoder().decode(JSONValue.self, from: Data(letter.headers.utf8)),
            bodyText: letter.bodyText,
            bodyBase64: Data(letter.body).base64EncodedString(),
            job: job.map { job in
                JobView(jobId: job.jobId, tenantId: job.tenantId, debtorId: job.debtorId, channel: job.channel.rawValue,
                        createdAt: job.createdAt, steps: job.steps.map {
                            StepView(stepId: $0.stepId, invoiceId: $0.invoiceId, invoiceNumber: numbers[$0.invoiceId],
                                     position: $0.position, templateKey: $0.templateKey)
                        })
            },
            outcomes: outcomes.map {
                OutcomeView(outcome: $0.outcome, detail: try? APIJSON.decoder().decode(JSONValue.self, from: Data($0.detail.utf8)),
                            attempts: $0.attempts, completedAt: $0.completedAt, movedAsideAt: $0.movedAt)
            }
        )
    }
}

extension APIError {
    init(_ refusal: DeadLetterRefusal) {
        switch refusal.code {
        case .notFound: self = .notFound("dead letter \(refusal.id)")
        default: self.init(status: .conflict, code: refusal.code.rawValue, message: refusal.message)
        }
    }
}

extension APIContext {
    func deadLetterId() throws -> Int64 {
        guard let text = parameters.get("id"), let id = Int64(text), id > 0 else {
            throw APIError.invalid("id", "'\(parameters.get("id") ?? "")' is not a dead letter's id (a positive integer)")
        }
        return id
    }
}

extension Request {
    func deadLetterFilter() throws -> DeadLetterFilter {
        let query = uri.queryParameters
        var filter = DeadLetterFilter()
        filter.channel = query["channel"].map(String.init)
        filter.tenantId = try queryId("tenant")
        filter.reason = query["reason"].map(String.init)
        if let text = query["since"] {
            guard let date = try? Date(String(text), strategy: .iso8601) else {
                throw APIError.invalid("since", "'since' must be a moment such as 2026-12-07T09:00:00Z")
            }
            filter.since = date
        }
        if let text = query["state"] {
            guard let state = DeadLetterRecord.State(rawValue: String(text)) else {
                throw APIError.invalid("state", "'state' must be waiting, replayed or discarded")
            }
            filter.state = state
        }
        return filter
    }
}
