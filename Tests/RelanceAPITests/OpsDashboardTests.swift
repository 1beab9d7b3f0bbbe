import Foundation
import PostgresNIO
import RelanceAPI
import RelanceCore
import RelancePipeline
import RelanceStore
import RelanceTestSupport
import Testing

/// The operators' dashboard `/ops`: an operator key buys the link, sessions of tenants and of
/// operators each open their own page only, and the page in chromium shows what the database
/// holds across tenants.
@Suite struct OpsDashboardTests {
    @Test func onlyAnOperatorsSessionOpensOps() async throws {
        try await APIHarness.run { api in
            let tenant = try await api.makeTenant("Atelier Durand")
            let operatorKey = try await api.makeOperatorKey(name: "alice")

            let anonymous = try await Browserless.get(api, "/ops")
            #expect(anonymous.status == 303)
            #expect(anonymous.headers["location"] == "/ops/login")
            #expect(try await api.call("POST", "/v1/ops/dashboard/sessions", key: tenant.key).status == 403)
            let minted = try await api.call("POST", "/v1/ops/dashboard/sessions", key: operatorKey)
            #expect(minted.status == 201)
            let url = try #require(minted.string("url"))
            #expect(url.hasPrefix("/ops/session/"))
            let redeemed = try await Browserless.get(api, url)
            #expect(redeemed.status == 303)
            #expect(redeemed.headers["location"] == "/ops")
            let cookie = try #require(redeemed.headers["set-cookie"].flatMap(Browserless.cookie))
            let page = try await Browserless.get(api, "/ops", cookie: cookie)
            #expect(page.status == 200)
            #expect(page.text.contains("signed in as alice"))
            // An operator's session is no tenant's: /app does not open with it.
            #expect(try await Browserless.get(api, "/app", cookie: cookie).status == 303)
            #expect(try await Browserless.get(api, url).status == 404)

            // The application role never sees an operator's rows, whichever tenant it acts for.
            let visible = try await api.server.database.withTenant(tenant.tenant, logger: FreshDatabase.logger) { connection in
                try await connection.query("SELECT count(*) FROM dashboard_sessions WHERE tenant_id IS NULL", logger: FreshDatabase.logger)
                    .collect().first?.decode(Int64.self)
            }
            #expect(visible == 0)
            let stored = try await api.owner.query("SELECT count(*) FROM dashboard_sessions WHERE operator_name = 'alice'", logger: FreshDatabase.logger).collect()
            #expect(try stored.first?.decode(Int64.self) == 2)

            // A tenant's session does not open /ops, nor does a tenant's link.
            let tenantCookie = try await Browserless.session(api, key: tenant.key)
            let refused = try await Browserless.get(api, "/ops", cookie: tenantCookie)
            #expect(refused.status == 303)
            #expect(refused.headers["location"] == "/ops/login")
            let tenantLink = try #require(try await api.call("POST", "/v1/dashboard/sessions", key: tenant.key).string("url"))
            #expect(try await Browserless.get(api, "/ops/session/" + tenantLink.dropFirst("/app/session/".count)).status == 404)

            // The form takes an operator key, and a tenant's key is not one.
            #expect(try await Browserless.send(api, "POST", "/ops/login", form: "key=\(tenant.key)").status == 401)
            let signedIn = try await Browserless.send(api, "POST", "/ops/login", form: "key=\(operatorKey)")
            #expect(signedIn.status == 303)
            #expect(signedIn.headers["location"] == "/ops")
            let out = try await Browserless.send(api, "POST", "/ops/logout", cookie: cookie)
            #expect(out.status == 303)
            #expect(try await Browserless.get(api, "/ops", cookie: cookie).status == 303)
        }
    }

    @Test func theOperationsPageInChromiumShowsWhatTheDatabaseHolds() async throws {
        guard let browser = try HeadlessBrowser.forTest("RelanceAPITests") else { return }
        try await APIHarness.run { api in
            let first = try await api.makeTenant("Atelier <b>Durand</b>")
            let parties = try await api.seed(first.key, number: "F-1", dueDate: "2026-10-31")
            let second = try await api.makeTenant("Menuiserie Petit")
            _ = try await api.seed(second.key, number: "F-2", dueDate: "2026-11-20")
            // Each invoice's catch-up step goes out two hours before the server's moment.
            try await ReminderRounds(client: api.owner).carryOut(at: APIHarness.now.addingTimeInterval(-2 * 3600))
            // And one job ends dead-lettered.
            let job = UUID.timeOrdered()
            try await api.owner.query(
                "INSERT INTO jobs (tenant_id, id, debtor_id, channel, payload) VALUES (\(first.tenant.uuid), \(job), \(UUID(uuidString: parties.debtor)!), 'email', '{}')",
                logger: FreshDatabase.logger
            )
            try await WorkerStore(client: api.owner, logger: FreshDatabase.logger).record([JobOutcome(
                jobId: job, stepIds: [], tenantId: first.tenant.uuid, debtorId: UUID(uuidString: parties.debtor)!, channel: .email,
                kind: .deadLettered, detail: #"{"reason": "<script>undecodable</script>"}"#, completedAt: APIHarness.now.addingTimeInterval(-3600)
            )])
            // The collector took its message from the dead-letter queue.
            try await DeadLetterStore(client: api.owner, logger: FreshDatabase.logger).collect([CollectedDeadLetter(
                tenantId: first.tenant.uuid, jobId: job, channel: "email", reason: "<script>undecodable</script>",
                body: Array("not a job".utf8), headers: "{}", deathCount: 1, firstDeadLetteredAt: nil, dedupKey: "ops-dashboard-test"
            )])
            // Collected an hour before the page's moment (the server's clock is fixed).
            try await api.owner.query(
                "UPDATE dead_letters SET collected_at = \(APIHarness.now.addingTimeInterval(-3600))", logger: FreshDatabase.logger
            )
            let operatorKey = try await api.makeOperatorKey(name: "alice")
            // And an operator has paused a channel.
            _ = try await OperatorPauses(client: api.owner, logger: FreshDatabase.logger)
                .pause(PauseTarget(.call), reason: "agents on <strike>", actor: "operator:alice")

            let link = try #require(try await api.call("POST", "/v1/ops/dashboard/sessions", key: operatorKey).string("url"))
            let visit = try await browser.dumpDOM("http://127.0.0.1:\(api.port)\(link)")
            #expect(visit.consoleMessages.isEmpty, "console: \(visit.consoleMessages)")
            let dom = visit.dom
            #expect(dom.contains("id=\"throughput\""), "not the operations page:\n\(dom.prefix(2_000))")
            #expect(!dom.contains("<script"))
            #expect(!dom.contains("<b>Durand"))
            #expect(dom.contains("&lt;script&gt;undecodable&lt;/script&gt;"))

            // The same figures, from SQL.
            let start = Date(timeIntervalSince1970: (APIHarness.now.timeIntervalSince1970 / 3600).rounded(.down) * 3600 - 23 * 3600)
            var throughput: [String: Int] = [:]
            for try await (channel, count) in try await api.owner.query(
                "SELECT channel, count(*)::bigint FROM job_outcomes WHERE completed_at >= \(start) AND completed_at < \(start.addingTimeInterval(24 * 3600)) GROUP BY 1",
                logger: FreshDatabase.logger
            ).decode((String, Int64).self) {
                throughput[channel] = Int(count)
            }
            #expect(!throughput.isEmpty)
            for (channel, count) in throughput {
                #expect(DashboardTests.figure("throughput.\(channel)", in: dom) == "\(count)", "\(channel)")
            }
            #expect(DashboardTests.figureKeys(prefix: "throughput.", in: dom) == Set(throughput.keys.map { "throughput.\($0)" }))
            #expect(DashboardTests.figure("dead_letters.total", in: dom) == "1")
            #expect(DashboardTests.figure("oldest.relance.dlq.email", in: dom) == "3600", "the waiting dead letter's age, from the database")
            #expect(DashboardTests.figure("pauses.count", in: dom) == "1")
            // RabbitMQ's own figures, from its management API.
            #expect(DashboardTests.figure("queue.relance.email", in: dom) != nil, "the broker's queues are shown")
            #expect(!dom.contains("RabbitMQ management API at"), "the management API answered")
            #expect(dom.contains("channel:call") && dom.contains("agents on &lt;strike&gt;"))
            for tenant in [first.tenant, second.tenant] {
                let rows = try await api.owner.query(
                    "SELECT count(*)::bigint FROM schedule_steps WHERE tenant_id = \(tenant.uuid) AND status = 'planned' AND due_at <= \(APIHarness.now)",
                    logger: FreshDatabase.logger
                ).collect()
                let due = try rows[0].decode(Int64.self)
                let shown = DashboardTests.figure("backlog.\(tenant.uuid.uuidString.lowercased())", in: dom)
                #expect(shown == (due == 0 ? nil : "\(due)"))
            }

            let second2 = try #require(try await api.call("POST", "/v1/ops/dashboard/sessions", key: operatorKey).string("url"))
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("relance-ops-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let shot = directory.appendingPathComponent("ops.png")
            let pictured = try await browser.screenshot("http://127.0.0.1:\(api.port)\(second2)", to: shot.path, height: 1_950)
            #expect(pictured.consoleMessages.isEmpty, "console: \(pictured.consoleMessages)")
            #expect(try Data(contentsOf: shot).starts(with: [0x89, 0x50, 0x4E, 0x47]))
            print("OpsDashboardTests: screenshot at \(shot.path)")
            let docs = FreshDatabase.repositoryRoot.appendingPathComponent("docs/screenshots")
            try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: docs.appendingPathComponent("ops.png"))
            try FileManager.default.copyItem(at: shot, to: docs.appendingPathComponent("ops.png"))
        }
    }
}
