import Foundation
import Hummingbird
import RelanceCore
import RelanceStore

// The tenant's webhook: where outcomes, payments and state changes are sent, signed.

struct WebhookBody: Decodable {
    var url: String
    /// The signing secret (16 characters or more); a random one is made when absent.
    var secret: String?
    var enabled: Bool?
}

struct WebhookView: Encodable {
    var url: String
    var enabled: Bool
    /// Shown when it was just set; otherwise only its first characters.
    var secret: String
    var createdAt: Date?
    var updatedAt: Date?

    init(_ endpoint: WebhookEndpoint, revealSecret: Bool) {
        url = endpoint.url
        enabled = endpoint.enabled
        secret = revealSecret ? endpoint.secret : String(endpoint.secret.prefix(8)) + "…"
        createdAt = endpoint.createdAt
        updatedAt = endpoint.updatedAt
    }
}

struct WebhookEventView: Encodable {
    @LowercaseID var id: UUID
    var type: String
    var occurredAt: Date
    var state: String
    var attempts: Int
    var nextAttemptAt: Date
    var deliveredAt: Date?
    var failedAt: Date?
    var lastStatus: Int?
    var lastError: String?
    var payload: JSONValue?
}

extension APIServer {
    func addWebhookRoutes(to v1: RouterGroup<APIContext>) {
        v1.put("webhook") { request, context in
            let principal = try context.require(.manage)
            let body = try await APIJSON.body(WebhookBody.self, of: request, context: context)
            let secret = body.secret ?? "whsec_" + APIKeyMaker.make().key.dropFirst(4)
            let endpoint = WebhookEndpoint(tenantId: principal.tenantId, url: body.url, secret: secret, enabled: body.enabled ?? true)
            if let problem = endpoint.problem {
                throw APIError(status: .unprocessableContent, code: "invalid_webhook", message: problem,
                               field: problem.contains("secret") ? "secret" : "url")
            }
            let stored = try await inTenant(principal) { connection in
                try await WebhookEndpointStore.set(endpoint, on: connection, logger: logger)
            }
            return APIJSON.response(WebhookView(stored, revealSecret: true))
        }
        v1.get("webhook") { _, context in
            let principal = try context.require(.read)
            let endpoint = try await inTenant(principal) { connection in
                try await WebhookEndpointStore.endpoint(of: principal.tenantId, on: connection, logger: logger)
            }
            guard let endpoint else { throw APIError.notFound("webhook: set one with PUT /v1/webhook") }
            return APIJSON.response(WebhookView(endpoint, revealSecret: false))
        }
        v1.delete("webhook") { _, context in
            let principal = try context.require(.manage)
            let deleted = try await inTenant(principal) { connection in
                try await WebhookEndpointStore.delete(of: principal.tenantId, on: connection, logger: logger)
            }
            guard deleted else { throw APIError.notFound("webhook") }
            return Response(status: .noContent)
        }
        v1.get("webhook/events") { request, context in
            let principal = try context.require(.read)
            let (_, limit) = try request.page()
            var before: Date?
            if let text = request.uri.queryParameters["before"] {
                guard let date = ISO8601DateFormatter().date(from: String(text)) else {
                    throw APIError.invalid("before", "'before' must be an RFC 3339 moment (an event's occurred_at)")
                }
                before = date
            }
            let events = try await inTenant(principal) { connection in
                try await WebhookEndpointStore.events(of: principal.tenantId, limit: limit, before: before, on: connection, logger: logger)
            }
            return APIJSON.response(["items": events.map { event in
                WebhookEventView(
                    id: event.id, type: event.type, occurredAt: event.occurredAt, state: event.state.rawValue, attempts: event.attempts,
                    nextAttemptAt: event.nextAttemptAt, deliveredAt: event.deliveredAt, failedAt: event.failedAt,
                    lastStatus: event.lastStatus, lastError: event.lastError, payload: JSONValue.parsing(event.payload)
                )
            }])
        }
    }
}
