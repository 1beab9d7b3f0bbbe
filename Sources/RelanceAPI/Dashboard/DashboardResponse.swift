import Foundation
import Hummingbird

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
