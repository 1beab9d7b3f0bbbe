import Foundation
import Hummingbird
import RelanceCore
import RelanceStore

// Operators' pauses, under /v1/ops/pauses: a channel, a tenant or a creditor held back — its due
// steps not claimed, its published jobs not acted on — until it is resumed. Each pause and
// resume is in the audit log under operator:<key name>.

struct PauseView: Encodable {
    var scope: String
    var target: String
    @LowercaseOptionalID var tenantId: UUID?
    var reason: String
    var pausedBy: String
    var pausedAt: Date

    init(_ pause: OperatorPause) {
        scope = pause.target.scope.rawValue
        target = pause.target.target
        tenantId = pause.tenantId?.uuid
        reason = pause.reason
        pausedBy = pause.pausedBy
        pausedAt = pause.pausedAt
    }
}

/// What a PUT or a DELETE did: `paused`, `already_paused` (the pause in force is kept),
/// `resumed` (with the pause it ended) or `not_paused`.
struct PauseChangeView: Encodable {
    var status: String
    var scope: String
    var target: String
    var pause: PauseView?

    init(_ change: PauseChange) {
        var pause: OperatorPause?
        var target: PauseTarget
        switch change {
        case .paused(let held):
            status = "paused"
            pause = held
            target = held.target
        case .alreadyPaused(let held):
            status = "already_paused"
            pause = held
            target = held.target
        case .resumed(let ended):
            status = "resumed"
            pause = ended
            target = ended.target
        case .notPaused(let named):
            status = "not_paused"
            pause = nil
            target = named
        }
        scope = target.scope.rawValue
        self.target = target.target
        self.pause = pause.map(PauseView.init)
    }
}

struct PauseReasonBody: Decodable {
    var reason: String
}

struct ResumeReasonBody: Decodable {
    var reason: String?
}

extension APIServer {
    func addPauseRoutes(to ops: RouterGroup<APIContext>) {
        // What is paused, oldest first.
        ops.get("pauses") { _, context in
            let (_, operations) = try operationsAccess(context)
            let pauses = try await OperatorPauses(client: operations.database, logger: logger).list()
            return APIJSON.response(["items": pauses.map(PauseView.init)])
        }
        // Pause: {"reason": …} required. 201 when paused now, 200 when it was already.
        ops.put("pauses/:scope/:target") { request, context in
            let (principal, operations) = try operationsAccess(context)
            let target = try pauseTarget(context)
            let body = try await APIJSON.body(PauseReasonBody.self, of: request, context: context)
            try Validate.nonEmpty(body.reason, "reason")
            guard body.reason.count <= 1000 else { throw APIError.invalid("reason", "'reason' is at most 1000 characters") }
            let change = try await OperatorPauses(client: operations.database, logger: logger)
                .pause(target, reason: body.reason, actor: principal.actor)
            if case .paused = change { return APIJSON.response(PauseChangeView(change), status: .created) }
            return APIJSON.response(PauseChangeView(change))
        }
        // Resume: a reason is optional, as {"reason": …} or ?reason=. 200 either way; the
        // status says whether it was paused.
        ops.delete("pauses/:scope/:target") { request, context in
            let (principal, operations) = try operationsAccess(context)
            let target = try pauseTarget(context)
            var request = request
            let buffer = try await request.collectBody(upTo: APILimits.jsonBodyBytes)
            var reason = request.uri.queryParameters["reason"].map(String.init)
            if buffer.readableBytes > 0 {
                reason = try APIJSON.decode(ResumeReasonBody.self, from: Data(buffer.readableBytesView)).reason ?? reason
            }
            let change = try await OperatorPauses(client: operations.database, logger: logger)
                .resume(target, reason: reason, actor: principal.actor)
            return APIJSON.response(PauseChangeView(change))
        }
    }

    /// The path's scope and target: 400 naming the part that is not one.
    private func pauseTarget(_ context: APIContext) throws -> PauseTarget {
        let scopeText = context.parameters.get("scope") ?? ""
        guard let scope = PauseScope(rawValue: scopeText) else {
            throw APIError.invalid("scope", "'\(scopeText)' is not a scope (channel, tenant or creditor)")
        }
        do {
            return try PauseTarget(scope: scope, target: context.parameters.get("target") ?? "")
        } catch let error as StoreError {
            throw APIError.invalid("target", error.message)
        }
    }
}
