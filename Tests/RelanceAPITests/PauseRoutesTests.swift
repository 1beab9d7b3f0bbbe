import Foundation
import Testing
import RelanceAPI
import RelanceCore
import RelanceStore
import RelanceTestSupport

/// /v1/ops/pauses: operators pause and resume channels, tenants and creditors; each change is
/// audited once under the operator's name; tenant keys are refused.
@Suite("Operator pause routes", .serialized)
struct PauseRoutesTests {
    @Test("An operator pauses a tenant with a reason, is told when it was paused already, lists it, resumes it; each change audited once")
    func pauseAndResume() async throws {
        try await APIHarness.run { api in
            let tenant = try await api.makeTenant("Atelier Durand")
            let operatorKey = try await api.makeOperatorKey(name: "alice")
            let path = "/v1/ops/pauses/tenant/\(tenant.tenant)"

            let paused = try await api.call("PUT", path, key: operatorKey, json: #"{"reason": "fraud review"}"#)
            #expect(paused.status == 201)
            #expect(paused.string("status") == "paused")
            let pause = paused.json["pause"] as? [String: Any] ?? [:]
            #expect(pause["paused_by"] as? String == "operator:alice")
            #expect(pause["tenant_id"] as? String == "\(tenant.tenant)")

            let again = try await api.call("PUT", path, key: operatorKey, json: #"{"reason": "another reason"}"#)
            #expect(again.status == 200)
            #expect(again.string("status") == "already_paused")
            #expect((again.json["pause"] as? [String: Any])?["reason"] as? String == "fraud review")

            let list = try await api.call("GET", "/v1/ops/pauses", key: operatorKey)
            #expect(list.status == 200)
            let items = list.json["items"] as? [[String: Any]] ?? []
            #expect(items.count == 1)
            #expect(items.first?["scope"] as? String == "tenant" && items.first?["target"] as? String == "\(tenant.tenant)")

            let resumed = try await api.call("DELETE", path + "?reason=cleared", key: operatorKey)
            #expect(resumed.status == 200)
            #expect(resumed.string("status") == "resumed")
            let notPaused = try await api.call("DELETE", path, key: operatorKey)
            #expect(notPaused.status == 200)
            #expect(notPaused.string("status") == "not_paused")
            #expect(((try await api.call("GET", "/v1/ops/pauses", key: operatorKey)).json["items"] as? [Any])?.isEmpty == true)

            let audit = try await OpsAuditLog(session: api.owner, logger: FreshDatabase.logger).entries()
            #expect(audit.map(\.action) == ["resume", "pause"])
            #expect(audit.allSatisfy { $0.actor == "operator:alice" && $0.target == "tenant:\(tenant.tenant)" && $0.tenantId == tenant.tenant })
            #expect(audit.map(\.reason) == ["cleared", "fraud review"])
        }
    }

    @Test("A pause needs a reason, a known scope, channel, tenant or creditor; a tenant's key is refused")
    func refusals() async throws {
        try await APIHarness.run { api in
            let tenant = try await api.makeTenant("Atelier Durand")
            let operatorKey = try await api.makeOperatorKey()

            let noReason = try await api.call("PUT", "/v1/ops/pauses/channel/email", key: operatorKey, json: "{}")
            #expect(noReason.status == 400)
            let blank = try await api.call("PUT", "/v1/ops/pauses/channel/email", key: operatorKey, json: #"{"reason": "  "}"#)
            #expect(blank.status == 400)
            #expect(blank.errorField == "reason")
            let scope = try await api.call("PUT", "/v1/ops/pauses/planet/mars", key: operatorKey, json: #"{"reason": "x"}"#)
            #expect(scope.status == 400 && scope.errorField == "scope")
            let channel = try await api.call("PUT", "/v1/ops/pauses/channel/fax", key: operatorKey, json: #"{"reason": "x"}"#)
            #expect(channel.status == 400 && channel.errorField == "target")
            let unknown = try await api.call("PUT", "/v1/ops/pauses/creditor/\(UUID())", key: operatorKey, json: #"{"reason": "x"}"#)
            #expect(unknown.status == 404)

            for (method, path) in [("GET", "/v1/ops/pauses"), ("PUT", "/v1/ops/pauses/channel/email"), ("DELETE", "/v1/ops/pauses/channel/email")] {
                let asTenant = try await api.call(method, path, key: tenant.key, json: method == "PUT" ? #"{"reason": "x"}"# : nil)
                #expect(asTenant.status == 403, "\(method) \(path)")
            }
            #expect(try await OperatorPauses(client: api.owner, logger: FreshDatabase.logger).list().isEmpty)
            #expect(try await OpsAuditLog(session: api.owner, logger: FreshDatabase.logger).entries().isEmpty)

            let channelPause = try await api.call("PUT", "/v1/ops/pauses/channel/email", key: operatorKey, json: #"{"reason": "SMTP relay down"}"#)
            #expect(channelPause.status == 201)
            let entry = try #require(try await OpsAuditLog(session: api.owner, logger: FreshDatabase.logger).entries().first)
            #expect(entry.target == "channel:email" && entry.tenantId == nil && entry.reason == "SMTP relay down")
        }
    }
}
