import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PostgresNIO
import RelanceStore
import RelanceTestSupport
import Testing

/// `relance run` as an operator watches it: jobs flow, `/metrics` counts what the database
/// holds, `/health` and `/ready` answer, and every log line is a JSON object.
@Suite("relance run: metrics, health, JSON logs")
struct OperationsEndToEndTests {
    @Test("the figures on /metrics match the outcomes in the database")
    func metricsMatchTheDatabase() async throws {
        try await BrokerSlots.shared.withSlot { try await FreshDatabase.withMigrated { url, client in
            let vhost = "relance_test_ops_\(UInt32.random(in: 0...UInt32.max))"
            try await BrokerVirtualHost.create(vhost)
            do {
                try await Self.run(url: url, client: client, vhost: vhost)
            } catch {
                try? await BrokerVirtualHost.delete(vhost)
                throw error
            }
            try await BrokerVirtualHost.delete(vhost)
        } }
    }

    @Test("with --log-format json, a command that fails says so in a JSON line too, and exits non-zero")
    func failureIsAJSONLine() throws {
        let output = try RelanceProcess.run(["run", "--log-format", "json"], environment: [
            "RELANCE_DATABASE_URL": "postgres://relance:wrong-password@127.0.0.1:5432/relance",
        ])
        #expect(output.status != 0)
        let lines = output.stderr.split(separator: "\n").filter { !$0.isEmpty }
        #expect(!lines.isEmpty)
        for line in lines {
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object != nil, "not a JSON line: \(line)")
        }
        let last = try #require(lines.last.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] })
        #expect(last["level"] as? String == "critical")
        #expect((last["error"] as? String)?.contains("password authentication failed") == true, "\(last)")
        #expect((last["error"] as? String)?.contains("wrong-password") == false, "the password is not logged")
    }

    static func run(url: DatabaseURL, client: PostgresClient, vhost: String) async throws {
        do {
            let environment: [String: String?] = [
                "RELANCE_DATABASE_URL": url.urlWithPassword, "RELANCE_API_DATABASE_URL": nil,
                "RELANCE_AMQP_URL": "amqp://relance:relance@127.0.0.1:5672/\(vhost)",
                "RELANCE_CHANNELS": "record",
            ]
            let created = try RelanceProcess.run(["tenant", "create", "--name", "Atelier Durand", "--kind", "business", "--json"],
                                                 environment: environment)
            #expect(created.status == 0, "\(created.stderr)")
            let key = try #require(try created.json()["api_key"] as? String)

            let server = try APICommandTests.Server(arguments: ["run", "--port", "0", "--log-format", "json"], environment: environment)
            var stopped = false
            defer { if !stopped { _ = server.stop() } }

            // Debtors whose local time is midday now, so that email may reach them whatever
            // the hour the test runs at; invoices five days overdue (their latest step due is the email of day 3).
            let (_, creditor) = try await server.call("POST", "/v1/creditors", key: key, body: Data("""
                {"name": "Atelier Durand SARL", "address": {"lines": ["3 rue des Lilas"], "postal_code": "75011", "city": "Paris", "country_code": "FR"}}
                """.utf8))
            let creditorId = try #require(creditor["id"] as? String)
            let zone = Self.zoneAtMidday()
            let today = Date()
            func day(_ offset: Int) -> String {
                today.addingTimeInterval(Double(offset) * 86_400).formatted(.iso8601.year().month().day())
            }
            for index in 1...3 {
                let (debtorStatus, debtor) = try await server.call("POST", "/v1/debtors", key: key, body: Data("""
                    {"creditor_id": "\(creditorId)", "name": "Client \(index)", "kind": "business", "time_zone": "\(zone)",
                     "email": "compta\(index)@client.example"}
                    """.utf8))
                #expect(debtorStatus == 201, "\(debtor)")
                let debtorId = try #require(debtor["id"] as? String)
                let (invoiceStatus, invoice) = try await server.call("POST", "/v1/invoices", key: key, body: Data("""
                    {"creditor_id": "\(creditorId)", "debtor_id": "\(debtorId)", "number": "F-\(index)",
                     "issue_date": "\(day(-35))", "due_date": "\(day(-5))", "currency": "EUR", "amount": "100.00"}
                    """.utf8))
                #expect(invoiceStatus == 201, "\(invoice)")
            }

            // Wait until the due steps are claimed and every job has its outcome.
            var outcomes = 0
            for _ in 0..<600 {
                let rows = try await client.query(
                    """
                    SELECT (SELECT count(*) FROM job_outcomes)::int8, (SELECT count(*) FROM jobs)::int8, (SELECT count(*) FROM outbox)::int8
                    """, logger: FreshDatabase.logger)
                var done = false
                for try await (settled, jobs, outbox) in rows.decode((Int, Int, Int).self) where jobs >= 3 && settled == jobs && outbox == 0 {
                    outcomes = settled
                    done = true
                }
                if done { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(outcomes >= 3, "every debtor got its email job: \(server.logText.suffix(2000))")

            let (metricsStatus, metrics) = try await server.fetch("/metrics")
            #expect(metricsStatus == 200)
            let processed = Self.sum(metrics, "relance_jobs_processed_total")
            #expect(processed == outcomes, "relance_jobs_processed_total counts the outcomes committed:\n\(metrics)")
            #expect(Self.sum(metrics, "relance_job_lateness_seconds_count") == outcomes)
            #expect(Self.sum(metrics, "relance_job_handling_seconds_count") == outcomes)
            #expect(Self.sum(metrics, "relance_jobs_published_total") >= outcomes)
            #expect(Self.sum(metrics, "relance_jobs_dispatched_total") >= outcomes)
            #expect(metrics.contains(#"relance_jobs_processed_total{channel="email",outcome="recorded"}"#))
            #expect(metrics.contains("relance_outbox_backlog"))
            #expect(metrics.contains(#"relance_tenant_backlog{tenant="other"}"#))

            let (healthStatus, _) = try await server.fetch("/health")
            #expect(healthStatus == 200)
            let (readyStatus, ready) = try await server.fetch("/ready")
            #expect(readyStatus == 200, "\(ready)")

            #expect(server.stop(keepingLog: true) == 0)
            stopped = true
            let lines = server.logText.split(separator: "\n")
            try? FileManager.default.removeItem(at: server.log)
            #expect(!lines.isEmpty)
            for line in lines {
                let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                #expect(object?["time"] is String && object?["level"] is String && object?["message"] is String,
                        "a JSON log line: \(line)")
            }
        }
    }

    /// The sum of every sample of `name` in a Prometheus exposition.
    static func sum(_ exposition: String, _ name: String) -> Int {
        var total = 0.0
        for line in exposition.split(separator: "\n") where line.hasPrefix(name + "{") || line.hasPrefix(name + " ") {
            total += Double(line.split(separator: " ").last ?? "0") ?? 0
        }
        return Int(total)
    }

    /// A fixed-offset zone where it is about midday now (Etc/GMT signs are inverted).
    static func zoneAtMidday() -> String {
        let hour = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date()).hour!
        var offset = 12 - hour // local = UTC + offset
        if offset > 12 { offset -= 24 }
        if offset < -12 { offset += 24 }
        if offset == 0 { return "Etc/GMT" }
        return offset > 0 ? "Etc/GMT-\(offset)" : "Etc/GMT+\(-offset)"
    }
}

/// A RabbitMQ virtual host of a test's own, through the management API (the local `relance`
/// user is an administrator).
enum BrokerVirtualHost {
    static func request(_ method: String, _ path: String, body: String? = nil) async throws -> Int {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:15672" + path)!)
        request.httpMethod = method
        request.setValue("Basic " + Data("relance:relance".utf8).base64EncodedString(), forHTTPHeaderField: "Authorization")
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    static func create(_ name: String) async throws {
        let created = try await request("PUT", "/api/vhosts/\(name)", body: "{}")
        try #require([201, 204].contains(created), "the management API (deploy/services-up.sh enables it) made the virtual host")
        let granted = try await request("PUT", "/api/permissions/\(name)/relance", body: #"{"configure":".*","write":".*","read":".*"}"#)
        try #require([201, 204].contains(granted))
    }

    static func delete(_ name: String) async throws {
        _ = try await request("DELETE", "/api/vhosts/\(name)")
    }
}
