import Foundation

/// `/app/login` and `/ops/login`: a person pastes a tenant's API key (or an operator's key) and gets
/// a browser session.
enum DashboardLoginPage {
    static func html(message: String?, forOperators: Bool = false) -> String {
        let notice = message.map { "<p class=\"error\" role=\"alert\">\(HTML.escape($0))</p>" } ?? ""
        let (title, who, route, action, label) = forOperators
            ? ("Relance operations", "an operator key (rlo_…, from relance ops key create)", "/v1/ops/dashboard/sessions", "/ops/login", "Operator key")
            : ("Relance dashboard", "an API key of your tenant (any role)", "/v1/dashboard/sessions", "/app/login", "API key")
        return DashboardPageStyle.page(title: "Relance · sign in", body: """
            <div class="login"><h1>\(title)</h1>
            \(notice)
            <p class="note">Paste \(who). It is used once to open a session of 12 hours and is not kept by the browser.
            Or ask for a one-time link: <code>curl -X POST -H "Authorization: Bearer $KEY" …\(route)</code>.</p>
            <form method="post" action="\(action)">
            <label for="key">\(label)</label>
            <input type="password" id="key" name="key" autocomplete="off" required placeholder="rlk_…">
            <button type="submit">Sign in</button>
            </form></div>
            """)
    }

    /// The `key` field of an `application/x-www-form-urlencoded` body.
    static func key(fromForm body: String) -> String? {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0] == "key" else { continue }
            let value = String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding?
                .trimmingCharacters(in: .whitespacesAndNewlines)
            return value?.isEmpty == false ? value : nil
        }
        return nil
    }
}
