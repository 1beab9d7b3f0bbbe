import Foundation
import Testing
import RelanceAPI
import RelanceCore
import RelanceStore
import RelanceTestSupport

/// Operator keys open /v1/ops and nothing of a tenant's; tenant keys never open /v1/ops.
@Suite("Operator access", .serialized)
struct OperatorAccessTests {
    @Test("an operator key reads the audit log; a tenant's key, none or a revoked one cannot")
    func operatorKeysOpenTheOperatorRoutes() async throws {
        try await APIHarness.run { api in
            let tenant = try await api.makeTenant("Atelier Durand")
            let operatorKey = try await api.makeOperatorKey(name: "alice")
            try await OpsAuditLog(session: api.owner, logger: FreshDatabase.logger).record(OpsAuditEntry(
                actor: "operator:alice", action: "pause", target: "channel:email", reason: "SMTP relay down"
            ))

            let audit = try await api.call("GET", "/v1/ops/audit", key: operatorKey)
            #expect(audit.status == 200)
            let items = audit.json["items"] as? [[String: Any]] ?? []
            #expect(items.count == 1)
            #expect(items.first?["actor"] as? String == "operator:alice")
            #expect(items.first?["reason"] as? String == "SMTP relay down")

            let asTenant = try await api.call("GET", "/v1/ops/audit", key: tenant.key)
            #expect(asTenant.status == 403)
            #expect(asTenant.errorCode == "forbidden")
            let anonymous = try await api.call("GET", "/v1/ops/audit", key: nil)
            #expect(anonymous.status == 401)

            // An operator acts for no tenant: the tenant routes refuse its key.
            let invoices = try await api.call("GET", "/v1/invoices", key: operatorKey)
            #expect(invoices.status == 403)
            #expect(!invoices.text.contains("Atelier"))

            let keys = OperatorKeyStore(session: api.owner, logger: FreshDatabase.logger)
            let prefix = String(operatorKey.prefix(12))
            #expect(try await keys.revoke(prefix) != nil)
            let revoked = try await api.call("GET", "/v1/ops/audit", key: operatorKey)
            #expect(revoked.status == 401)
        }
    }

    @Test("the audit log filters by action family, tenant and moment")
    func auditFilters() async throws {
        try await APIHarness.run { api in
            let log = OpsAuditLog(session: api.owner, logger: FreshDatabase.logger)
            let tenant = TenantID(UUID.timeOrdered())
            try await log.record(OpsAuditEntry(actor: "cli:root@host", action: "dead_letter.replay", target: "dead_letter:1", tenantId: tenant))
            try await log.record(OpsAuditEntry(actor: "cli:root@host", action: "dead_letter.discard", target: "dead_letter:2", reason: "duplicate"))
            try await log.record(OpsAuditEntry(actor: "operator:bob", action: "resume", target: "channel:call"))

            #expect(try await log.entries(action: "dead_letter").map(\.action) == ["dead_letter.discard", "dead_letter.replay"])
            #expect(try await log.entries(tenant: tenant).map(\.target) == ["dead_letter:1"])
            #expect(try await log.entries(since: Date().addingTimeInterval(3600)).isEmpty)
            #expect(try await log.entries(limit: 2).count == 2)
        }
    }
}
