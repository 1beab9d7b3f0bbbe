/// The page frame every dashboard page shares: inline CSS, no script, nothing fetched.
enum DashboardPageStyle {
    static let css = """
        :root { color-scheme: light; --ink: #1d2733; --muted: #5b6b7c; --line: #dfe5ec; --card: #ffffff; --back: #f3f5f8; --accent: #0072B2; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: var(--back); }
        header.top { display: flex; align-items: center; justify-content: space-between; padding: 14px 28px; background: #14213d; color: #fff; }
        header.top h1 { font-size: 19px; margin: 0; font-weight: 600; }
        header.top .asof { color: #c9d3e0; font-size: 13px; }
        header.top form button { background: transparent; color: #fff; border: 1px solid #8fa3bf; border-radius: 4px; padding: 4px 10px; cursor: pointer; }
        main { padding: 20px 28px 40px; max-width: 1400px; margin: 0 auto; }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 14px; margin-bottom: 18px; }
        .card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; }
        .card .figure { font-size: 26px; font-weight: 650; margin-top: 2px; font-variant-numeric: tabular-nums; }
        .card .caption { color: var(--muted); font-size: 13px; }
        .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 18px; }
        section.panel { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 16px 18px; }
        section.panel h2 { font-size: 16px; margin: 0 0 4px; }
        p.note { color: var(--muted); font-size: 13px; margin: 4px 0 10px; }
        table { border-collapse: collapse; width: 100%; margin-top: 8px; font-variant-numeric: tabular-nums; }
        th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); font-size: 14px; }
        th { color: var(--muted); font-weight: 600; font-size: 12px; text-transform: uppercase; letter-spacing: .03em; }
        td.num, th.num { text-align: right; }
        div.scroll { overflow-x: auto; }
        table.compact th, table.compact td { padding: 5px 5px; }
        svg.chart { max-width: 100%; height: auto; display: block; }
        svg.chart text { font: 12px system-ui, "DejaVu Sans", sans-serif; fill: var(--ink); }
        svg.chart text.value { font-weight: 600; }
        svg.chart text.tick, svg.chart text.legend { fill: var(--muted); font-size: 11px; }
        svg.chart .track { fill: #eef2f6; }
        svg.chart .axis { stroke: #9aa8b8; stroke-width: 1; }
        svg.chart .grid { stroke: #e6ebf1; stroke-width: 1; }
        .empty { color: var(--muted); font-style: italic; }
        h3 { font-size: 14px; margin: 14px 0 4px; }
        .login { max-width: 460px; margin: 80px auto; background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 24px; }
        .login input[type=password] { width: 100%; padding: 8px; font: inherit; border: 1px solid #9aa8b8; border-radius: 4px; }
        .login button { margin-top: 12px; background: var(--accent); color: #fff; border: 0; border-radius: 4px; padding: 8px 16px; font: inherit; cursor: pointer; }
        .error { color: #a4262c; }
        footer { color: var(--muted); font-size: 12px; margin-top: 22px; }
        """

    /// A whole page: `title` is plain text, `body` is HTML already escaped where it must be.
    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>\(HTML.escape(title))</title>
        <link rel="icon" href="data:,">
        <style>\(css)</style>
        </head>
        <body>
        \(body)
        </body>
        </html>
        """
    }
}
