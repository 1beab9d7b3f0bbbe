import Foundation
import RelanceAPI
import RelanceCore
import RelancePipeline
import RelanceStore
import RelanceTestSupport
import Testing

/// What clients send wrong gets a 4xx in the error shape: never a 500, never SQL or a trace.
@Suite struct APIMalformedInputTests {
    static let bodies: [String] = [
        "", "{", "[]", "null", "42", "\"text\"", "{\"a\":", "{}",
        #"{"amount": 12.5}"#, #"{"amount": "12,50"}"#, #"{"amount": "-3"}"#, #"{"amount_minor": -1}"#,
        #"{"amount": "1", "amount_minor": 100}"#, #"{"amount_minor": 99999999999999999999999}"#,
        #"{"pay_by": "2026-02-30"}"#, #"{"paid_on": "yesterday"}"#, #"{"reason": ""}"#, #"{"reason": 5}"#,
        #"{"installments": []}"#, #"{"installments": [{"due_date": "2026-13-01", "amount": "1"}]}"#,
        #"{"resolution": "maybe"}"#, #"{"name": ""}"#, #"{"name": "x", "address": 3}"#,
        #"{"creditor_id": "not-an-id", "name": "x", "kind": "business"}"#,
        #"{"creditor_id": "0192f1c4-6b1e-7cc0-8d5e-3b2f7a9c1d40", "name": "x", "kind": "pirate"}"#,
        #"{"creditor_id": "0192f1c4-6b1e-7cc0-8d5e-3b2f7a9c1d40", "debtor_id": "0192f1c4-6b1e-7cc0-8d5e-3b2f7a9c1d40", "number": "1", "issue_date": "2026-10-01", "due_date": "2026-09-01", "currency": "EUR", "amount": "1"}"#,
        #"{"creditor_id": "0192f1c4-6b1e-7cc0-8d5e-3b2f7a9c1d40", "debtor_id": "0192f1c4-6b1e-7cc0-8d5e-3b2f7a9c1d40", "number": "1", "issue_date": "2026-10-01", "due_date": "2026-11-01", "currency": "EURO", "amount": "1"}"#,
        "{\"name\": \"\u{0}\"}", String(repeating: "[", count: 5_000), "\u{FEFF}{}",
    ]

    @Test func malformedBodiesToEveryRouteGetA4xxInTheErrorShape() async throws {
        try await APIHarness.run { api in
            let tenant = try await api.makeTenant("Atelier Durand")
            let parties = try await api.seed(tenant.key)
            var tries = 0
            // Operator routes answer a tenant's key 403 before reading anything (their suites check it).
            for route in api.server.routeList() where !route.contains(" /v1/ops/") {
                let parts = route.split(separator: " ", maxSplits: 1)
                let (method, template) = (String(parts[0]), String(parts[1]))
                let id = template.hasPrefix("/v1/creditors") ? parties.creditor : template.hasPrefix("/v1/debtors") ? parties.debtor : parties.invoice
                let path = template.replacingOccurrences(of: "{id}", with: id)
                if method == "GET" {
                    for query in ["?limit=-1", "?cursor=%00", "?limit=1&limit=x"] {
                        let reply = try await api.call(method, path + query, key: tenant.key)
                        #expect(reply.status < 500, "\(route)\(query): \(reply.status) \(reply.text)")
                    }
                    if template.contains("{id}") {
                        for bad in ["x", "%27%3B%20DROP%20TABLE%20invoices%3B--", "00000000-0000-0000-0000-000000000000"] {
                            let reply = try await api.call(method, template.replacingOccurrences(of: "{id}", with: bad), key: tenant.key)
                            #expect([400, 404].contains(reply.status), "\(route) with \(bad): \(reply.status)")
                            #expect(reply.errorCode != nil)
                        }
                    }
                    continue
                }
                for body in Self.bodies {
                    let reply = try await api.call(method, path, key: tenant.key, body: Data(body.utf8))
                    tries += 1
                    #expect((400..<500).contains(reply.status) || (200..<300).contains(reply.status),
                            "\(route) with \(body.prefix(60)): \(reply.status) \(reply.text)")
                    if reply.status >= 400 {
                        // The JSON API answers its error shape; the dashboard's pages (/app, /ops) answer HTML.
                        #expect(reply.errorCode != nil || !template.hasPrefix("/v1/"), "\(route): \(reply.text)")
                        #expect(!reply.text.lowercased().contains("select ") && !reply.text.contains("PSQLError"), "\(route): \(reply.text)")
                    }
                }
                // A body over the limit (the import streams and has its own, far larger).
                if template.hasSuffix("/import") { continue }
                let huge = Data(repeating: UInt8(ascii: " "), count: 2 << 20)
                let reply = try await api.call(method, path, key: tenant.key, body: huge)
                #expect(reply.status == 413, "\(route): \(reply.status)")
                #expect(reply.errorCode == "body_too_large")
            }
            #expect(tries > 200)
        }
    }

    /// Bodies that are well-formed JSON but wrong for an operator route.
    static let operatorBodies: [String] = [
        #"{"reason": ""}"#, #"{"reason": 5}"#, #"{"reason": null}"#, #"{"reason": "\#(String(repeating: "x", count: 1_001))"}"#,
        #"{"channel": "fax"}"#, #"{"channel": 3}"#, #"{"tenant_id": "not-an-id"}"#, #"{"reason": "x", "since": "yesterday"}"#,
        #"{"reason": "x", "channel": "email", "tenant_id": "0192f1c4-6b1e-7cc0-8d5e-3b2f7a9c1d40", "since": "2026-02-30T00:00:00Z"}"#,
        #"{"reason_code": ["x"], "limit": -4}"#,
    ]

    @Test("The operator routes, with an operator key: malformed bodies, queries and path values get a 4xx in the error shape")
    func malformedInputToOperatorRoutes() async throws {
        try await APIHarness.run { api in
            let tenant = try await api.makeTenant("Atelier Durand")
            let operatorKey = try await api.makeOperatorKey(name: "fuzz")
            try await DeadLetterStore(client: api.owner, logger: FreshDatabase.logger).collect([CollectedDeadLetter(
                tenantId: tenant.tenant.uuid, jobId: UUID.timeOrdered(), channel: "email", reason: "unknown tenant",
                body: Array("{}".utf8), headers: "{}", deathCount: 1, firstDeadLetteredAt: nil, dedupKey: "fuzz|1"
            )])
            let letter = try #require(try await DeadLetterStore(client: api.owner, logger: FreshDatabase.logger).list(DeadLetterFilter()).first)
            let routes = api.server.routeList().filter { $0.contains(" /v1/ops/") }
            #expect(routes.count >= 10, "\(routes)")
            var tries = 0
            for route in routes {
                let parts = route.split(separator: " ", maxSplits: 1)
                let (method, template) = (String(parts[0]), String(parts[1]))
                let path = template.replacingOccurrences(of: "{id}", with: "\(letter.id)")
                    .replacingOccurrences(of: "{scope}", with: "channel").replacingOccurrences(of: "{target}", with: "email")
                func check(_ reply: APIHarness.Reply, _ what: String) {
                    #expect(reply.status < 500, "\(route) \(what): \(reply.status) \(reply.text)")
                    if reply.status >= 400 {
                        #expect(reply.errorCode != nil, "\(route) \(what): \(reply.text)")
                        #expect(!reply.text.lowercased().contains("select ") && !reply.text.contains("PSQLError"), "\(route): \(reply.text)")
                    }
                }
                let wrongValues: [(String, String)] = [("{id}", "x"), ("{id}", "%27%3B%20DROP%20TABLE%20dead_letters%3B--"), ("{id}", "-1"),
                                                       ("{id}", "99999999999999999999"), ("{scope}", "planet"), ("{target}", "fax")]
                for (parameter, bad) in wrongValues where template.contains(parameter) {
                    let wrong = path.replacingOccurrences(of: parameter == "{id}" ? "/\(letter.id)" : parameter == "{scope}" ? "/channel/" : "/email",
                                                          with: parameter == "{scope}" ? "/\(bad)/" : "/\(bad)")
                    let reply = try await api.call(method, wrong, key: operatorKey, json: method == "GET" ? nil : #"{"reason": "fuzz"}"#)
                    #expect([400, 404].contains(reply.status), "\(route) as \(wrong): \(reply.status) \(reply.text)")
                    check(reply, wrong)
                }
                if method == "GET" {
                    for query in ["?limit=-1", "?limit=x", "?cursor=%00", "?since=yesterday", "?since=2026-02-30T00:00:00Z",
                                  "?channel=fax", "?tenant=not-an-id", "?tenant_id=%27", "?state=zombie", "?action=%00", "?reason=%00", "?%00=1"] {
                        check(try await api.call(method, path + query, key: operatorKey), query)
                    }
                    continue
                }
                for body in Self.bodies + Self.operatorBodies {
                    let reply = try await api.call(method, path, key: operatorKey, body: Data(body.utf8))
                    tries += 1
                    #expect((400..<500).contains(reply.status) || (200..<300).contains(reply.status),
                            "\(route) with \(body.prefix(60)): \(reply.status) \(reply.text)")
                    check(reply, String(body.prefix(60)))
                }
                let huge = Data(repeating: UInt8(ascii: " "), count: 2 << 20)
                let reply = try await api.call(method, path, key: operatorKey, body: huge)
                #expect(reply.status == 413, "\(route): \(reply.status)")
                #expect(reply.errorCode == "body_too_large")
            }
            #expect(tries > 100)
            // Whatever was sent, every audit row names the operator and a real action.
            let audit = try await OpsAuditLog(session: api.owner, logger: FreshDatabase.logger).entries()
            #expect(audit.allSatisfy { $0.actor == "operator:fuzz" }, "\(audit.map(\.actor))")
        }
    }

    @Test func randomBytesNeverMakeA500() async throws {
        try await APIHarness.run { api in
            let tenant = try await api.makeTenant("Atelier Durand")
            let parties = try await api.seed(tenant.key)
            var generator = SeededGenerator(seed: 20261207)
            let routes = api.server.routeList().filter { $0.hasPrefix("POST") }
            for round in 0..<120 {
                let route = routes[round % routes.count]
                let template = String(route.split(separator: " ", maxSplits: 1)[1])
                let id = template.hasPrefix("/v1/debtors") ? parties.debtor : parties.invoice
                let length = Int.random(in: 0...300, using: &generator)
                var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
                if round % 3 == 0 { bytes = Array("{\"amount\": \"".utf8) + bytes + Array("\"}".utf8) }
                let reply = try await api.call("POST", template.replacingOccurrences(of: "{id}", with: id), key: tenant.key, body: Data(bytes))
                #expect(reply.status < 500, "\(route): \(reply.status) \(reply.text)")
            }
        }
    }
}

/// A small deterministic generator (SplitMix64), so a failure can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
