import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PostgresNIO
import RelanceAPI
import RelanceCore
import RelancePipeline
import RelanceStore
import RelanceTestSupport
import Synchronization
import Testing

/// The tenant dashboard `/app`: signing in a browser (one-time link, API key form, session
/// cookie), isolation between tenants, and the page in a real headless chromium compared with
/// what SQL computes from the database.
@Suite struct DashboardTests {
    // MARK: Signing in

    @Test func aLinkSignsInOnceAndTheSessionCookieOpensTheDashboard() async throws {
        try await APIHarness.run { api in
            let tenant = try await api.makeTenant("Atelier Durand")
            let reader = try await api.makeKey(for: tenant.tenant, role: .readonly)

            let anonymous = try await Browserless.get(api, "/app")
            #expect(anonymous.status == 303)
            #expect(anonymous.headers["location"] == "/app/login")
            let login = try await Browserless.get(api, "/app/login")
            #expect(login.status == 200)
            #expect(login.text.contains("<form method=\"post\" action=\"/app/login\">"))

            #expect(try await api.call("POST", "/v1/dashboard/sessions", key: nil).status == 401)
            let minted = try await api.call("POST", "/v1/dashboard/sessions", key: reader)
            #expect(minted.status == 201)
            let url = try #require(minted.string("url"))
            #expect(url.hasPrefix("/app/session/"))
            let expiresAt = try #require(minted.string("expires_at").flatMap { try? Date($0, strategy: .iso8601) })
            #expect(abs(expiresAt.timeIntervalSinceNow - 300) < 30)

            let redeemed = try await Browserless.get(api, url)
            #expect(redeemed.status == 303)
            #expect(redeemed.headers["location"] == "/app")
            let setCookie = try #require(redeemed.headers["set-cookie"])
            #expect(setCookie.hasPrefix("relance_session="))
            #expect(setCookie.contains("HttpOnly"))
            #expect(setCookie.contains("SameSite=Strict"))
            let maxAge = setCookie.split(separator: ";").compactMap { part -> Int? in
                let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=")
                return pair.first == "Max-Age" ? Int(pair[1]) : nil
            }.first
            #expect(maxAge.map { abs($0 - 43_200) < 60 } == true)
            let cookie = try #require(Browserless.cookie(setCookie))

            let page = try await Browserless.get(api, "/app", cookie: cookie)
            #expect(page.status == 200)
            #expect(page.headers["content-type"]?.hasPrefix("text/html") == true)
            #expect(page.text.contains("Relance · Atelier Durand"))
            #expect(page.headers["content-security-policy"]?.contains("default-src 'none'") == true)

            // Used once: a second visit of the link, a made-up link and an expired one are refused.
            let again = try await Browserless.get(api, url)
            #expect(again.status == 404)
            #expect(again.text.contains("unknown, expired or used already"))
            #expect(again.headers["set-cookie"] == nil)
            #expect(try await Browserless.get(api, "/app/session/not-a-token").status == 404)
            #expect(try await Browserless.get(api, "/app/session/" + String(repeating: "A", count: 43)).status == 404)
            let stale = try #require(try await api.call("POST", "/v1/dashboard/sessions", key: reader).string("url"))
            try await api.owner.query(
                """
                UPDATE dashboard_sessions SET created_at = now() - interval '10 minutes', expires_at = now() - interval '5 minutes'
                WHERE tenant_id = \(tenant.tenant.uuid) AND kind = 'link' AND used_at IS NULL
                """,
                logger: FreshDatabase.logger
            )
            #expect(try await Browserless.get(api, stale).status == 404)
            #expect(try await Browserless.get(api, "/app", cookie: "relance_session=" + String(repeating: "A", count: 43)).status == 303)

            // Only hashes are stored.
            let token = String(url.dropFirst("/app/session/".count))
            let stored = try await api.owner.query(
                "SELECT count(*) FROM dashboard_sessions WHERE token_sha256 = sha256(\(ByteBuffer(string: token)))",
                logger: FreshDatabase.logger
            ).collect()
            #expect(try stored.first?.decode(Int64.self) == 1)

            // Signing out ends the session.
            let out = try await Browserless.send(api, "POST", "/app/logout", cookie: cookie)
            #expect(out.status == 303)
            #expect(try await Browserless.get(api, "/app", cookie: cookie).status == 303)
        }
    }

    @Test func theLoginFormTakesAnAPIKey() async throws {
        try await APIHarness.run { api in
            let tenant = try await api.makeTenant("Atelier Durand")
            let wrong = try await Browserless.send(api, "POST", "/app/login", form: "key=rlk_nothing")
            #expect(wrong.status == 401)
            #expect(wrong.text.contains("unknown or revoked"))
            #expect(wrong.headers["set-cookie"] == nil)
            let right = try await Browserless.send(api, "POST", "/app/login",
                                                   form: "key=" + tenant.key.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(right.status == 303)
            #expect(right.headers["location"] == "/app")
            let cookie = try #require(right.headers["set-cookie"].flatMap(Browserless.cookie))
            let page = try await Browserless.get(api, "/app", cookie: cookie)
            #expect(page.status == 200)
            #expect(page.text.contains("Atelier Durand"))
        }
    }

    @Test func anotherTenantsSessionNeverShowsThisTenantsFigures() async throws {
        try await APIHarness.run { api in
            let mine = try await api.makeTenant("Atelier Durand")
            _ = try await api.seed(mine.key, number: "F-MINE-1", amount: "1234.56", dueDate: "2026-10-31")
            let other = try await api.makeTenant("Menuiserie Petit")
            _ = try await api.seed(other.key, number: "F-OTHER-1", amount: "777.00", dueDate: "2026-11-30")

            let myPage = try await Browserless.get(api, "/app", cookie: try await Browserless.session(api, key: mine.key))
            #expect(myPage.text.contains("€1,234.56"))
            #expect(!myPage.text.contains("€777.00"))
            let theirPage = try await Browserless.get(api, "/app", cookie: try await Browserless.session(api, key: other.key))
            #expect(theirPage.status == 200)
            #expect(theirPage.text.contains("Menuiserie Petit"))
            #expect(theirPage.text.contains("€777.00"))
            #expect(!theirPage.text.contains("€1,234.56"))
            #expect(!theirPage.text.contains("Atelier Durand"))
        }
    }

    // MARK: The page in a real browser

    @Test func theDashboardInChromiumShowsWhatTheDatabaseHolds() async throws {
        guard let browser = try HeadlessBrowser.forTest("RelanceAPITests") else { return }
        try await APIHarness.run { api in
            let seeded = try await DashboardSeed.make(api)

            let link = try #require(try await api.call("POST", "/v1/dashboard/sessions", key: seeded.readerKey).string("url"))
            let visit = try await browser.dumpDOM("http://127.0.0.1:\(api.port)\(link)")
            #expect(visit.consoleMessages.isEmpty, "console: \(visit.consoleMessages)")
            let dom = visit.dom
            // The cookie carried through the redirect: this is the dashboard, not the login form.
            #expect(dom.contains("id=\"ageing\""), "not the dashboard:\n\(dom.prefix(2_000))\n\(visit.log.suffix(2_000))")

            // Names are escaped: no script element anywhere, the names shown as text.
            #expect(!dom.contains("<script"))
            #expect(dom.contains("Relance · Atelier &lt;script&gt;alert(1)&lt;/script&gt; &amp; Fils"))
            #expect(dom.contains("Boulangerie &lt;script&gt;alert(\"x\")&lt;/script&gt;"))
            #expect(dom.contains("role=\"img\""))

            let expected = try await DashboardSeed.expectedFigures(api, tenant: seeded.tenant)
            for (key, minor) in expected.ageing {
                #expect(Self.figure(key, in: dom) == "\(minor)", "\(key)")
            }
            #expect(Self.figure("dso.EUR", in: dom) == expected.dso)
            #expect(Self.figure("receivables.EUR", in: dom) == "\(expected.receivables)")
            #expect(Self.figure("sales.EUR", in: dom) == "\(expected.sales)")
            for (key, minor) in expected.recovered {
                #expect(Self.figure(key, in: dom) == "\(minor)", "\(key)")
            }
            let shownRecovered = Self.figureKeys(prefix: "recovered.", in: dom)
            #expect(shownRecovered == Set(expected.recovered.keys))
            for (key, count) in expected.upcoming {
                #expect(Self.figure(key, in: dom) == "\(count)", "\(key)")
            }
            #expect(Self.figureKeys(prefix: "upcoming.", in: dom) == Set(expected.upcoming.keys))
            #expect(Self.figure("call_tasks.open", in: dom) == "1")
            #expect(Self.figure("dossiers.ready", in: dom) == "1")

            // What the seed was built to show, by hand: the payment after the third reminder
            // (an email) is credited to it, the one after a call task to the call, the one
            // before any reminder to none.
            #expect(expected.recovered["recovered.EUR.step_3.email"] == 60_000)
            #expect(expected.recovered["recovered.EUR.step_4.call"] == 40_000)
            #expect(expected.recovered["recovered.EUR.none"] == 30_000)
            #expect(expected.ageing["ageing.EUR.over_90"] == 300_000)
            #expect(dom.contains("€3,000.00"))

            // A screenshot, kept with the test's run and in docs/ for the README.
            let second = try #require(try await api.call("POST", "/v1/dashboard/sessions", key: seeded.readerKey).string("url"))
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("relance-dashboard-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let shot = directory.appendingPathComponent("app.png")
            let pictured = try await browser.screenshot("http://127.0.0.1:\(api.port)\(second)", to: shot.path, height: 1_560)
            #expect(pictured.consoleMessages.isEmpty, "console: \(pictured.consoleMessages)")
            let png = try Data(contentsOf: shot)
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            #expect(png.count > 20_000)
            print("DashboardTests: screenshot at \(shot.path)")
            let docs = FreshDatabase.repositoryRoot.appendingPathComponent("docs/screenshots")
            try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: docs.appendingPathComponent("app.png"))
            try FileManager.default.copyItem(at: shot, to: docs.appendingPathComponent("app.png"))
        }
    }

    @Test func theBrowserHelperCatchesAPageError() async throws {
        guard let browser = try HeadlessBrowser.forTest("RelanceAPITests") else { return }
        let page = FileManager.default.temporaryDirectory.appendingPathComponent("relance-broken-\(UUID().uuidString).html")
        try Data("<html><body><p>hello</p><script>undefinedFunction();</script></body></html>".utf8).write(to: page)
        defer { try? FileManager.default.removeItem(at: page) }
        let visit = try await browser.dumpDOM(page.absoluteString)
        #expect(visit.dom.contains("<p>hello</p>"))
        #expect(visit.consoleMessages.contains { $0.contains("Uncaught ReferenceError: undefinedFunction is not defined") })
    }

    /// The exact value a `data-figure` element carries (`data-minor`, `data-days` or `data-value`).
    static func figure(_ key: String, in dom: String) -> String? {
        let pattern = "data-figure=\"\(NSRegularExpression.escapedPattern(for: key))\"[^>]*?data-(?:minor|days|value)=\"([^\"]*)\""
        let regex = try! NSRegularExpression(pattern: pattern)
        guard let match = regex.firstMatch(in: dom, range: NSRange(dom.startIndex..., in: dom)),
              let range = Range(match.range(at: 1), in: dom) else { return nil }
        return String(dom[range])
    }

    static func figureKeys(prefix: String, in dom: String) -> Set<String> {
        let regex = try! NSRegularExpression(pattern: "data-figure=\"(\(NSRegularExpression.escapedPattern(for: prefix))[^\"]*)\"")
        return Set(regex.matches(in: dom, range: NSRange(dom.startIndex..., in: dom)).compactMap { match in
            Range(match.range(at: 1), in: dom).map { String(dom[$0]) }
        })
    }
}

/// HTTP as a browser speaks it, without one: redirects are not followed, the cookie is sent by
/// hand.
enum Browserless {
    struct Reply {
        var status: Int
        var headers: [String: String]
        var text: String
    }

    final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
        func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
            completionHandler(nil)
        }
    }

    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        return URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
    }()

    static func get(_ api: APIHarness, _ path: String, cookie: String? = nil) async throws -> Reply {
        try await send(api, "GET", path, cookie: cookie)
    }

    static func send(_ api: APIHarness, _ method: String, _ path: String, cookie: String? = nil, form: String? = nil) async throws -> Reply {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(api.port)\(path)")!)
        request.httpMethod = method
        if let cookie { request.setValue(cookie, forHTTPHeaderField: "Cookie") }
        if let form {
            request.httpBody = Data(form.utf8)
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        }
        let box = Mutex<CheckedContinuation<Reply, any Error>?>(nil)
        return try await withCheckedThrowingContinuation { continuation in
            box.withLock { $0 = continuation }
            session.dataTask(with: request) { data, response, error in
                let continuation = box.withLock { value in defer { value = nil }; return value }
                guard let http = response as? HTTPURLResponse else {
                    continuation?.resume(throwing: error ?? HarnessError("no HTTP response for \(method) \(path)"))
                    return
                }
                var headers: [String: String] = [:]
                for (name, value) in http.allHeaderFields {
                    if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
                }
                continuation?.resume(returning: Reply(status: http.statusCode, headers: headers, text: String(decoding: data ?? Data(), as: UTF8.self)))
            }.resume()
        }
    }

    /// `name=value` of a Set-Cookie header, as a Cookie header sends it back.
    static func cookie(_ setCookie: String) -> String? {
        setCookie.split(separator: ";").first.map { String($0).trimmingCharacters(in: .whitespaces) }
    }

    /// A session cookie of the key's tenant, by a one-time link.
    static func session(_ api: APIHarness, key: String) async throws -> String {
        let url = try #require(try await api.call("POST", "/v1/dashboard/sessions", key: key).string("url"))
        let reply = try await get(api, url)
        return try #require(reply.headers["set-cookie"].flatMap(cookie))
    }
}
