import Foundation
import Hummingbird
import RelanceCore
import RelanceStore

/// The dashboard's routes: `POST /v1/dashboard/sessions` (a one-time link for a browser, minted
/// with any key of the tenant) and the HTML pages under `/app`.
extension APIServer {
    /// Adds the dashboard's routes to `router`: one call in `router()`.
    func addDashboardRoutes(to router: Router<APIContext>) {
        let v1 = router.group("v1")
            .add(middleware: Authentication(
                keys: APIKeyStore(session: database, logger: logger),
                operators: operations.map { OperatorKeyStore(session: $0.database, logger: logger) }
            ))
        v1.post("dashboard/sessions") { _, context in
            let principal = try context.require(.read)
            let link = DashboardToken.make()
            let expiresAt = Date().addingTimeInterval(DashboardToken.linkLifetime)
            try await sessions.createLink(tenant: principal.tenantId, sha256: link.sha256, apiKeyId: principal.keyId, expiresAt: expiresAt)
            return APIJSON.response(DashboardLinkView(url: "/app/session/\(link.token)", expiresAt: expiresAt), status: .created)
        }

        addOperationsDashboardRoutes(to: router, v1: v1)

        let app = router.group("app")
        app.get { request, context in
            guard let session = try await currentSession(of: request), let tenant = session.tenantId else {
                return DashboardResponse.redirect(to: "/app/login")
            }
            let figures = try await TenantDashboardReport(client: database, logger: logger).figures(of: tenant, today: settings.today())
            return DashboardResponse.html(TenantDashboardPage(figures: figures).html())
        }
        app.get("login") { _, _ in
            DashboardResponse.html(DashboardLoginPage.html(message: nil))
        }
        app.post("login") { request, context in
            var request = request
            let body = try await request.collectBody(upTo: 16 * 1024)
            let key = DashboardLoginPage.key(fromForm: String(buffer: body))
            guard let key, let principal = try await APIKeyStore(session: database, logger: logger)
                .authenticate(sha256: APIKeyMaker.sha256(of: key))
            else {
                return DashboardResponse.html(DashboardLoginPage.html(message: "This API key is unknown or revoked."), status: .unauthorized)
            }
            let token = DashboardToken.make()
            let session = try await sessions.createSession(
                tenant: principal.tenantId, sha256: token.sha256, apiKeyId: principal.keyId,
                expiresAt: Date().addingTimeInterval(DashboardToken.sessionLifetime)
            )
            return DashboardResponse.signedIn(token: token.token, until: session.expiresAt, request: request)
        }
        app.get("session/:token") { request, context in
            let link = context.parameters.get("token") ?? ""
            let token = DashboardToken.make()
            guard DashboardToken.isWellFormed(link), let session = try await sessions.redeemLink(
                sha256: DashboardToken.sha256(of: link), sessionSHA256: token.sha256,
                sessionExpiresAt: Date().addingTimeInterval(DashboardToken.sessionLifetime)
            ) else {
                return DashboardResponse.html(DashboardLoginPage.html(
                    message: "This sign-in link is unknown, expired or used already. Ask for a new one, or paste an API key."
                ), status: .notFound)
            }
            return DashboardResponse.signedIn(token: token.token, until: session.expiresAt, request: request)
        }
        app.post("logout") { request, context in
            if let session = try await currentSession(of: request) {
                try await sessions.revoke(session)
            }
            var response = DashboardResponse.redirect(to: "/app/login")
            response.setCookie(DashboardResponse.cookie(value: "", maxAge: 0, request: request))
            return response
        }
    }

    var sessions: DashboardSessionStore { DashboardSessionStore(client: database, logger: logger) }

    /// The live session the request's `relance_session` cookie names, if any.
    func currentSession(of request: Request) async throws -> DashboardSession? {
        guard let value = request.cookies[DashboardResponse.cookieName]?.value, DashboardToken.isWellFormed(value) else { return nil }
        return try await sessions.session(sha256: DashboardToken.sha256(of: value))
    }
}

/// The answer to `POST /v1/dashboard/sessions`.
struct DashboardLinkView: Encodable {
    /// Open it in a browser (relative to the API's address): it signs in once.
    var url: String
    var expiresAt: Date
}

/// Links' and sessions' tokens: 32 random bytes (256 bits) in base64url; only the SHA-256 is
/// stored.
enum DashboardToken {
    /// A link signs in once, within five minutes.
    static let linkLifetime: TimeInterval = 5 * 60
    /// A session lasts twelve hours.
    static let sessionLifetime: TimeInterval = 12 * 3600

    static func make() -> (token: String, sha256: [UInt8]) {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let token = APIKeyMaker.base64URL(bytes)
        return (token, sha256(of: token))
    }

    static func sha256(of token: String) -> [UInt8] { APIKeyMaker.sha256(of: token) }

    /// 43 characters of base64url: anything else is not a token and is not looked up.
    static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count == 43 && token.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x5F
        }
    }
}

/// The dashboard's responses: pages, redirects, the session cookie.
enum DashboardResponse {
    static let cookieName = "relance_session"

    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [
            .contentType: "text/html; charset=utf-8",
            .cacheControl: "no-store",
            // No script, nothing from elsewhere: the page needs none and may run none.
            .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            .init("X-Content-Type-Options")!: "nosniff",
            .init("Referrer-Policy")!: "no-referrer",
        ], body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    /// 303 to `page` with a fresh session cookie.
    static func signedIn(token: String, until: Date, request: Request, to page: String = "/app") -> Response {
        var response = redirect(to: page)
        let maxAge = max(0, Int(until.timeIntervalSinceNow.rounded(.down)))
        response.setCookie(cookie(value: token, maxAge: maxAge, request: request))
        return response
    }

    /// HttpOnly, SameSite=Strict, for the whole site; Secure when the request came over HTTPS
    /// (a proxy in front says so with X-Forwarded-Proto).
    static func cookie(value: String, maxAge: Int, request: Request) -> Cookie {
        let secure = request.headers[.init("X-Forwarded-Proto")!]?.lowercased() == "https"
        return Cookie(name: cookieName, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }
}
