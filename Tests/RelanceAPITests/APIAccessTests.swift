import Foundation
import PostgresNIO
import RelanceAPI
import RelanceCore
import RelanceStore
import RelanceTestSupport
import Testing

/// Keys and roles over real HTTP: who gets in, and what each role may do.
@Suite struct APIAccessTests {
    @Test func aRequestWithoutAValidKeyGets401InTheErrorShape() async throws {
        try await APIHarness.run { api in
            let tenant = try await api.makeTenant("Atelier Durand")
            let none = try await api.call("GET", "/v1/tenant", key: nil)
            #expect(none.status == 401)
            #expect(none.errorCode == "unauthenticated")
            #expect(none.headers["www-authenticate"] == "Bearer")

            let wrong = try await api.call("GET", "/v1/tenant", key: tenant.key + "x")
            #expect(wrong.status == 401)
            let malformed = try await api.call("GET", "/v1/tenant", key: nil, headers: ["Authorization": "Basic abc"])
            #expect(malformed.status == 401)

            let good = try await api.call("GET", "/v1/tenant", key: tenant.key)
            #expect(good.status == 200)
            #expect(good.string("name") == "Atelier Durand")
            #expect(good.string("id") == tenant.tenant.description)
            #expect(good.string("role") == "admin")
        }
    }

    @Test func aRevokedKeyGets401FromThenOn() async throws {
        try await APIHarness.run { api in
            let tenant = try await api.makeTenant("Atelier Durand")
            let second = try await api.makeKey(for: tenant.tenant, role: .readonly)
            #expect(try await api.call("GET", "/v1/tenant", key: second).status == 200)
            let store = APIKeyStore(session: api.owner, logger: FreshDatabase.logger)
            #expect(try await store.revoke(String(second.prefix(12)), of: tenant.tenant))
            let after = try await api.call("GET", "/v1/tenant", key: second)
            #expect(after.status == 401)
            #expect(after.errorCode == "unauthenticated")
            // The other key still works; keys are stored as hashes only.
            #expect(try await api.call("GET", "/v1/tenant", key: tenant.key).status == 200)
            let stored = try await api.owner.query("SELECT prefix, secret_sha256 FROM api_keys", logger: FreshDatabase.logger)
            for try await (prefix, hash) in stored.decode((String, ByteBuffer).self) {
                #expect(prefix.count == 12)
                #expect(hash.readableBytes == 32)
            }
        }
    }

    @Test func eachRoleMayDoWhatItsRoleAllowsAndGets403Otherwise() async throws {
        try await APIHarness.run { api in
            let admin = try await api.makeTenant("Atelier Durand")
            let parties = try await api.seed(admin.key)
            let agent = try await api.makeKey(for: admin.tenant, role: .agent)
            let reader = try await api.makeKey(for: admin.tenant, role: .readonly)
            let creditorBody = """
                {"name": "Other", "address": {"lines": ["1 rue"], "postal_code": "69001", "city": "Lyon", "country_code": "FR"}}
                """

            // readonly: reads, nothing else.
            #expect(try await api.call("GET", "/v1/invoices/\(parties.invoice)", key: reader).status == 200)
            let readerPays = try await api.call("POST", "/v1/invoices/\(parties.invoice)/payments", key: reader, json: #"{"amount": "10.00"}"#)
            #expect(readerPays.status == 403)
            #expect(readerPays.errorCode == "forbidden")
            #expect(try await api.call("POST", "/v1/creditors", key: reader, json: creditorBody).status == 403)

            // agent: records what debtors pay and say, changes no party.
            let agentPays = try await api.call("POST", "/v1/invoices/\(parties.invoice)/payments", key: agent, json: #"{"amount": "10.00"}"#)
            #expect(agentPays.status == 201)
            #expect(try await api.call("POST", "/v1/creditors", key: agent, json: creditorBody).status == 403)
            let agentWritesOff = try await api.call("POST", "/v1/invoices/\(parties.invoice)/write-off", key: agent, json: #"{"reason": "x"}"#)
            #expect(agentWritesOff.status == 403)

            // admin: everything.
            #expect(try await api.call("POST", "/v1/creditors", key: admin.key, json: creditorBody).status == 201)
        }
    }
}
