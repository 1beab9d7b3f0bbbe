import Foundation
import RelanceAPI
import RelanceCore
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
