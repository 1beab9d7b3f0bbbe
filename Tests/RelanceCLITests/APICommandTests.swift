import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Glibc
import PostgresNIO
import RelanceStore
import RelanceTestSupport
import Testing

/// The way in as a new user takes it: `relance tenant create`, `relance api`, requests over HTTP,
/// `relance import invoices`, `relance key list|revoke` — the executable against a fresh database.
@Suite("relance api, tenant, key, import")
struct APICommandTests {
    /// `relance api --port 0` in the background; its port read from its log.
    final class Server {
        let process = Process()
        let log: URL
        var port = 0

        init(arguments: [String] = ["api", "--port", "0"], environment: [String: String?]) throws {
            log = FileManager.default.temporaryDirectory.appendingPathComponent("relance-api-\(UUID().uuidString).log")
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            let handle = try FileHandle(forWritingTo: log)
            process.executableURL = try RelanceProcess.binary()
            process.arguments = arguments
            process.currentDirectoryURL = RelanceProcess.repository
            var merged = ProcessInfo.processInfo.environment
            for (key, value) in environment { merged[key] = value }
            process.environment = merged
            process.standardOutput = handle
            process.standardError = handle
            try process.run()
            // It starts in about a second; the bound only ends a broken start.
            for _ in 0..<300 {
                let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                if let range = text.range(of: #"http://127\.0\.0\.1:(\d+)/v1"#, options: .regularExpression) {
                    port = Int(text[range].split(separator: ":").last!.prefix { $0.isNumber })!
                    return
                }
                guard process.isRunning else { break }
                usleep(100_000)
            }
            throw ServerDidNotStart(log: (try? String(contentsOf: log, encoding: .utf8)) ?? "")
        }

        /// SIGTERM; the status it exited with.
        func stop(keepingLog: Bool = false) -> Int32 {
            if process.isRunning { kill(process.processIdentifier, SIGTERM) }
            process.waitUntilExit()
            if !keepingLog { try? FileManager.default.removeItem(at: log) }
            return process.terminationStatus
        }

        struct ServerDidNotStart: Error, CustomStringConvertible {
            let log: String
            var description: String { "relance api did not start: \(log)" }
        }

        /// What the process has logged so far.
        var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

        /// A request's status and body as text.
        func fetch(_ path: String) async throws -> (Int, String) {
            let (data, response) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)\(path)")!)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
        }

        func call(_ method: String, _ path: String, key: String, body: Data? = nil, headers: [String: String] = [:]) async throws -> (Int, [String: Any]) {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
            request.httpMethod = method
            request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
            for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
            request.httpBody = body
            let (data, response) = try await URLSession.shared.data(for: request)
            let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, json)
        }
    }

    @Test("A tenant is created with a key, invoices imported over HTTP and from a file, a payment stops a ladder, a revoked key is refused")
    func wayIn() async throws {
        try await FreshDatabase.withMigrated { url, client in
            let environment: [String: String?] = ["RELANCE_DATABASE_URL": url.urlWithPassword, "RELANCE_API_DATABASE_URL": nil]

            let bad = try RelanceProcess.run(["tenant", "create", "--name", "X", "--kind", "charity"], environment: environment)
            #expect(bad.status == 2)
            #expect(bad.stderr.contains("--kind"))
            let agency = try RelanceProcess.run(["tenant", "create", "--name", "Agence", "--kind", "collection_agency"], environment: environment)
            #expect(agency.status == 2)
            #expect(agency.stderr.contains("--agency-statement"))

            let created = try RelanceProcess.run(["tenant", "create", "--name", "Atelier Durand", "--kind", "business", "--json"],
                                                 environment: environment)
            #expect(created.status == 0, "\(created.stderr)")
            let tenant = try #require(try created.json()["tenant_id"] as? String)
            let key = try #require(try created.json()["api_key"] as? String)
            #expect(key.hasPrefix("rlk_") && key.count == 47)
            let listed = try RelanceProcess.run(["tenant", "list"], environment: environment)
            #expect(listed.stdout.contains(tenant) && listed.stdout.contains("Atelier Durand") && listed.stdout.contains("keys 1"))

            let server = try Server(environment: environment)
            var stopped = false
            defer { if !stopped { _ = server.stop() } }
            let (creditorStatus, _) = try await server.call("POST", "/v1/creditors", key: key, body: Data("""
                {"name": "Atelier Durand SARL", "address": {"lines": ["3 rue des Lilas"], "postal_code": "75011", "city": "Paris", "country_code": "FR"}}
                """.utf8))
            #expect(creditorStatus == 201)
            let csv = try Data(contentsOf: RelanceProcess.repository.appendingPathComponent("docs/examples/invoices.csv"))
            let (importStatus, report) = try await server.call("POST", "/v1/invoices/import", key: key, body: csv, headers: ["Content-Type": "text/csv"])
            #expect(importStatus == 200)
            #expect(report["imported"] as? Int == 5)
            #expect(report["rejected"] as? Int == 1)

            // The same file from the command line: the same code, nothing new.
            let file = RelanceProcess.repository.appendingPathComponent("docs/examples/invoices.csv").path
            let again = try RelanceProcess.run(["import", "invoices", file, "--tenant", tenant, "--json"], environment: environment)
            #expect(again.status == 1, "one row is refused: \(again.stderr)")
            let againReport = try again.json()
            #expect(againReport["imported"] as? Int == 0)
            #expect(againReport["unchanged"] as? Int == 5)

            let (_, page) = try await server.call("GET", "/v1/invoices?limit=10", key: key)
            let items = try #require(page["items"] as? [[String: Any]])
            let invoice = try #require(items.first { $0["number"] as? String == "F-2026-0103" })
            let id = try #require(invoice["id"] as? String)
            let (_, detail) = try await server.call("GET", "/v1/invoices/\(id)", key: key)
            #expect((detail["timeline"] as? [[String: Any]])?.contains { $0["status"] as? String == "planned" } == true)
            let (paidStatus, paid) = try await server.call("POST", "/v1/invoices/\(id)/payments", key: key,
                                                           body: Data(#"{"amount": "3420.15"}"#.utf8))
            #expect(paidStatus == 201)
            #expect(paid["to_status"] as? String == "paid")
            let timeline = ((paid["invoice"] as? [String: Any])?["timeline"] as? [[String: Any]]) ?? []
            #expect(!timeline.isEmpty && !timeline.contains { $0["status"] as? String == "planned" })

            // Keys: another made, listed by prefix, revoked, refused.
            let made = try RelanceProcess.run(["key", "create", "--tenant", tenant, "--role", "readonly", "--label", "dashboard"], environment: environment)
            #expect(made.status == 0, "\(made.stderr)")
            let second = try #require(made.stdout.split(separator: " ").last.map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) })
            #expect(try await server.call("GET", "/v1/tenant", key: second).0 == 200)
            let keys = try RelanceProcess.run(["key", "list", "--tenant", tenant], environment: environment)
            #expect(keys.stdout.contains(String(second.prefix(12))) && keys.stdout.contains("dashboard"))
            #expect(!keys.stdout.contains(second))
            let revoked = try RelanceProcess.run(["key", "revoke", "--tenant", tenant, String(second.prefix(12))], environment: environment)
            #expect(revoked.status == 0)
            #expect(try await server.call("GET", "/v1/tenant", key: second).0 == 401)
            let unknown = try RelanceProcess.run(["key", "revoke", "--tenant", tenant, "rlk_nothing"], environment: environment)
            #expect(unknown.status == 1)

            stopped = true
            #expect(server.stop() == 0)
            _ = client
        }
    }
}
