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
