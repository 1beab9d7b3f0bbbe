import Foundation
import Hummingbird
import RelancePipeline
import RelanceStore

/// The operators' dashboard: `POST /v1/ops/dashboard/sessions` (an operator key buys a one-time
/// link) and the pages under `/ops`, signed in as on `/app` but by an operator's session (no
/// tenant). Served only when the server has the owner's connection (`operations`).
extension APIServer {
    func addOperationsDashboardRoutes(to router: Router<APIContext>, v1: RouterGroup<APIContext>) {
        v1.post("ops/dashboard/sessions") { _, context in
            let (principal, operations) = try operationsAccess(context)
            let link = DashboardToken.make()
            let session = try await DashboardSessionStore(client: operations.database, logger: logger).createOperator(
                link: true, name: principal.name, sha256: link.sha256, expiresAt: Date().addingTimeInterval(DashboardToken.linkLifetime)
            )
            return APIJSON.response(DashboardLinkView(url: "/ops/session/\(link.token)", expiresAt: session.expiresAt), status: .created)
        }

        let ops = router.group("ops")
        ops.get { request, _ in
            guard let operations else { return Self.noOperations() }
            guard let session = try await currentSession(of: request), let name = session.operatorName else {
                return DashboardResponse.redirect(to: "/ops/login")
            }
            let figures = try await OperationsDashboardReport(client: operations.database, logger: logger).figures(now: settings.now())
            let pauses = try await OperatorPauses(client: operations.database, logger: logger).list()
            var brokerQueues: Result<[QueueFigures], BrokerMonitorError>?
            if let monitor = operations.brokerMonitor {
                do throws(BrokerMonitorError) {
                    brokerQueues = .success(try await monitor.queues())
                } catch {
                    brokerQueues = .failure(error)
                }
                if case .success(let queues) = brokerQueues {
                    brokerQueues = .success(try await QueueAges(client: operations.database, logger: logger).fill(queues, now: settings.now()))
                }
            }
            return DashboardResponse.html(OperationsDashboardPage(
                figures: figures, operatorName: name, pauses: pauses, brokerQueues: brokerQueues
            ).html())
        }
        ops.get("login") { _, _ in
            DashboardResponse.html(DashboardLoginPage.html(message: nil, forOperators: true))
        }
        ops.post("login") { request, _ in
            guard let operations else { return Self.noOperations() }
            var request = request
            let body = try await request.collectBody(upTo: 16 * 1024)
            guard let key = DashboardLoginPage.key(fromForm: String(buffer: body)),
                  let principal = try await OperatorKeyStore(session: operations.database, logger: logger)
                      .authenticate(sha256: APIKeyMaker.sha256(of: key))
            else {
                return DashboardResponse.html(DashboardLoginPage.html(message: "This operator key is unknown or revoked.", forOperators: true),
                                              status: .unauthorized)
            }
            let token = DashboardToken.make()
            let session = try await DashboardSessionStore(client: operations.database, logger: logger).createOperator(
                link: false, name: principal.name, sha256: token.sha256, expiresAt: Date().addingTimeInterval(DashboardToken.sessionLifetime)
            )
            return DashboardResponse.signedIn(token: token.token, until: session.expiresAt, request: request, to: "/ops")
        }
        ops.get("session/:token") { request, context in
            let link = context.parameters.get("token") ?? ""
            let token = DashboardToken.make()
            guard DashboardToken.isWellFormed(link), let session = try await sessions.redeemLink(
                sha256: DashboardToken.sha256(of: link), sessionSHA256: token.sha256,
                sessionExpiresAt: Date().addingTimeInterval(DashboardToken.sessionLifetime)
            ), session.operatorName != nil else {
                return DashboardResponse.html(DashboardLoginPage.html(
                    message: "This sign-in link is unknown, expired or used already. Ask for a new one, or paste an operator key.",
                    forOperators: true
                ), status: .notFound)
            }
            return DashboardResponse.signedIn(token: token.token, until: session.expiresAt, request: request, to: "/ops")
        }
        ops.post("logout") { request, _ in
            if let session = try await currentSession(of: request), session.operatorName != nil, let operations {
                try await DashboardSessionStore(client: operations.database, logger: logger).revoke(session)
            }
            var response = DashboardResponse.redirect(to: "/ops/login")
            response.setCookie(DashboardResponse.cookie(value: "", maxAge: 0, request: request))
            return response
        }
    }

    static func noOperations() -> Response {
        DashboardResponse.html(DashboardPageStyle.page(title: "Relance · operations", body: """
            <div class="login"><h1>Operations</h1><p class="error">This server has no operator access \
            (it was started without the owner's database URL).</p></div>
            """), status: .serviceUnavailable)
    }
}
