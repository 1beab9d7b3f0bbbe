import Foundation
import Hummingbird
import PostgresNIO
import RelanceCore
import RelancePipeline
import RelanceStore

// Dunning policies: list, read, create a version, choose one, preview the timeline it gives.

struct PolicyBody: Decodable {
    var name: String
    var steps: [DunningStep]
}

struct PolicyView: Encodable {
    @LowercaseID var id: UUID
    var name: String
    var version: Int
    var steps: [DunningStep]

    init(_ policy: DunningPolicy) {
        id = policy.id.uuid
        name = policy.name
        version = policy.version
        steps = policy.steps
    }
}

struct PolicyChoiceBody: Decodable {
    /// The policy to use; null for the next level's (creditor → tenant → built-in).
    var policyId: UUID?
}

struct PreviewBody: Decodable {
    var issueDate: String
    var dueDate: String
    var currency: String
    var amount: String?
    var amountMinor: Int64?
    var debtorKind: DebtorKind?
    /// The day the invoice would arrive; the server's today when absent.
    var today: String?
}

struct PreviewView: Encodable {
    var policy: PolicyView
    var today: CalendarDate
    var steps: [Step]

    struct Step: Encodable {
        var position: Int
        var date: CalendarDate
        var originalDate: CalendarDate
        var channel: String
        var template: String
        var tone: String
        /// planned, done, skipped or not_applicable
        var status: String
        var reason: String?
    }
}

extension APIServer {
    func addPolicyRoutes(to v1: RouterGroup<APIContext>) {
        v1.get("policies") { _, context in
            let principal = try context.require(.read)
            let policies = try await inTenant(principal) { connection in
                try await DunningPolicyRepository.all(on: connection, logger: logger)
            }
            return APIJSON.response(["items": policies.map(PolicyView.init)])
        }
        v1.get("policies/:id") { _, context in
            let principal = try context.require(.read)
            let id = DunningPolicyID(try context.id("id"))
            let policy = try await inTenant(principal) { connection in
                try await DunningPolicyRepository.policies([id], on: connection, logger: logger)[id]
            }
            guard let policy else { throw APIError.notFound("policy \(id)") }
            return APIJSON.response(PolicyView(policy))
        }
        v1.post("policies") { request, context in
            let principal = try context.require(.manage)
            let body = try await APIJSON.body(PolicyBody.self, of: request, context: context)
            try Validate.nonEmpty(body.name, "name")
            for (index, step) in body.steps.enumerated() {
                let missing = Language.allCases.filter {
                    !reference.templates.hasDefault(key: step.templateKey, language: $0)
                        && reference.templates.tones(key: step.templateKey, language: $0).isEmpty
                }
                guard missing.isEmpty else {
                    throw APIError(
                        status: .unprocessableContent, code: "unknown_template",
                        message: "no template '\(step.templateKey)' in \(missing.map(\.rawValue).joined(separator: ", ")) (see templates/)",
                        field: "steps[\(index)].template_key"
                    )
                }
            }
            let policy = try await inTenant(principal) { connection in
                let version = (try await DunningPolicyRepository.latestVersion(named: body.name, on: connection, logger: logger) ?? 0) + 1
                let policy = try DunningPolicy(id: DunningPolicyID(UUID.timeOrdered()), name: body.name, version: version, steps: body.steps)
                try await DunningPolicyRepository.insert(policy, tenantId: principal.tenantId, on: connection, logger: logger)
                return policy
            }
            return APIJSON.response(PolicyView(policy), status: .created, headers: [.location: "/v1/policies/\(policy.id)"])
        }
        v1.post("policies/:id/preview") { request, context in
            let principal = try context.require(.read)
            let id = DunningPolicyID(try context.id("id"))
            let body = try await APIJSON.body(PreviewBody.self, of: request, context: context)
            let issue = try Validate.date(body.issueDate, "issue_date")
            let due = try Validate.date(body.dueDate, "due_date")
            guard due >= issue else { throw APIError.invalid("due_date", "'due_date' is before 'issue_date'") }
            let currency = try Validate.currency(body.currency, "currency")
            let amount = try Validate.amount(body.amount, minor: body.amountMinor, currency: currency, field: "amount")
            let today = try body.today.map { text throws(APIError) in try Validate.date(text, "today") } ?? settings.today()
            let policy = try await inTenant(principal) { connection in
                try await DunningPolicyRepository.policies([id], on: connection, logger: logger)[id]
            }
            guard let policy else { throw APIError.notFound("policy \(id)") }
            let invoice = try Invoice(
                tenantId: principal.tenantId, creditorId: CreditorID(), debtorId: DebtorID(), number: "preview",
                issueDate: issue, dueDate: due, amount: amount
            )
            let schedule = try EscalationPlanner().plan(
                invoice: invoice, debtorKind: body.debtorKind ?? .business, policy: policy, history: [], today: today
            )
            return APIJSON.response(PreviewView(
                policy: PolicyView(policy), today: today,
                steps: schedule.steps.map { step in
                    let reason: String? = switch step.status {
                    case .skipped(let cause): cause.description
                    case .notApplicable(let reason): reason
                    default: nil
                    }
                    return .init(position: step.stepIndex, date: step.date, originalDate: step.originalDate, channel: step.channel.rawValue,
                                 template: step.templateKey, tone: step.tone.rawValue, status: step.status.name, reason: reason)
                }
            ))
        }
        v1.put("tenant/policy") { request, context in
            try await choosePolicy(request, context, table: "tenants", what: "tenant") { _ in context.principal?.tenantId.uuid }
        }
        v1.put("creditors/:id/policy") { request, context in
            try await choosePolicy(request, context, table: "creditors", what: "creditor") { try $0.id("id") }
        }
        v1.put("debtors/:id/policy") { request, context in
            try await choosePolicy(request, context, table: "debtors", what: "debtor") { try $0.id("id") }
        }
    }

    /// Names the policy of a tenant, creditor or debtor (null: the next level's). Invoices
    /// planned from then on use it; those planned already keep their ladder.
    private func choosePolicy(
        _ request: Request, _ context: APIContext, table: String, what: String, id: (APIContext) throws -> UUID?
    ) async throws -> Response {
        let principal = try context.require(.manage)
        guard let target = try id(context) else { throw APIError.notFound(what) }
        let body = try await APIJSON.body(PolicyChoiceBody.self, of: request, context: context)
        let column = table == "tenants" ? "default_policy_id" : table == "creditors" ? "default_policy_id" : "policy_id"
        let chosen = try await inTenant(principal) { connection -> DunningPolicy? in
            var policy: DunningPolicy?
            if let policyId = body.policyId.map(DunningPolicyID.init) {
                policy = try await DunningPolicyRepository.policies([policyId], on: connection, logger: logger)[policyId]
                guard policy != nil else {
                    throw APIError(status: .notFound, code: "not_found", message: "no policy \(policyId)", field: "policy_id")
                }
            }
            let updated = try await connection.query(
                PostgresQuery(unsafeSQL: "UPDATE \(table) SET \(column) = $1 WHERE id = $2 RETURNING id", binds: {
                    var binds = PostgresBindings()
                    binds.append(body.policyId)
                    binds.append(target)
                    return binds
                }()),
                logger: logger
            ).collect()
            guard !updated.isEmpty else { throw APIError.notFound("\(what) \(target)") }
            return policy
        }
        return APIJSON.response(["policy": chosen.map(PolicyView.init)])
    }
}
