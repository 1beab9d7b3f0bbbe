import Foundation

/// `/app/login`: a person pastes an API key of their tenant and gets a browser session.
enum DashboardLoginPage {
    static func html(message: String?) -> String {
        let notice = message.map { "<p class=\"error\" role=\"alert\">\(HTML.escape($0))</p>" } ?? ""
        return DashboardPageStyle.page(title: "Relance · sign in", body: """
            <div class="login"><h1>Relance dashboard</h1>
            \(notice)
            <p class="note">Paste an API key of your tenant (any role). It is used once to open a session of 12 hours and is not kept by the browser.
            Or ask for a one-time link: <code>curl -X POST -H "Authorization: Bearer $KEY" …/v1/dashboard/sessions</code>.</p>
            <form method="post" action="/app/login">
            <label for="key">API key</label>
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
