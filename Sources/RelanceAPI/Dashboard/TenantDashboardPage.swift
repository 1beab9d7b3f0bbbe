import Foundation
import RelanceCore
import RelanceStore

/// The tenant's dashboard (`/app`) as one HTML page: figures as text and as SVG charts, each
/// figure also in a `data-figure` attribute with its exact value (minor units, days), which is
/// what the browser test compares with the database.
struct TenantDashboardPage {
    var figures: TenantDashboard

    static func color(of channel: Channel) -> String {
        switch channel {
        case .email: SVGChart.palette[0]
        case .call: SVGChart.palette[2]
        case .letter: SVGChart.palette[1]
        case .registeredLetter: SVGChart.palette[3]
        case .legal: SVGChart.palette[4]
        }
    }

    /// The key a bucket has in `data-figure` attributes.
    static func key(of bucket: AgeingBucket) -> String {
        switch bucket {
        case .notYetDue: "not_yet_due"
        case .days0to30: "0_30"
        case .days31to60: "31_60"
        case .days61to90: "61_90"
        case .over90: "over_90"
        }
    }

    /// How a step reads: `Step 3 · Email · firm_reminder`, or that the payment came first.
    static func stepLabel(_ amount: RecoveredAmount) -> String {
        guard let position = amount.position, let channel = amount.channel else { return "Before any reminder" }
        return "Step \(position + 1) · \(DashboardFormat.channel(channel))"
    }

    static func stepKey(_ amount: RecoveredAmount) -> String {
        guard let position = amount.position, let channel = amount.channel else { return "none" }
        return "step_\(position + 1).\(channel.rawValue)"
    }

    func html() -> String {
        let name = HTML.escape(figures.tenantName)
        let body = """
            <header class="top"><div><h1>Relance · \(name)</h1><div class="asof">Figures as of \(DashboardFormat.day(figures.today))</div></div>
            <form method="post" action="/app/logout"><button type="submit">Sign out</button></form></header>
            <main>
            \(cards())
            <div class="grid">
            \(ageing())
            \(salesOutstanding())
            \(recovered())
            \(upcoming())
            \(callTasks())
            \(dossiers())
            </div>
            <footer>Amounts are never added across currencies: each currency has its own figures. Served by Relance; this page runs no script.</footer>
            </main>
            """
        return DashboardPageStyle.page(title: "Relance · \(figures.tenantName)", body: body)
    }

    func cards() -> String {
        var cards: [String] = []
        for balance in figures.ageing {
            let overdue = balance.buckets.filter { $0.bucket != .notYetDue }.reduce(Int64(0)) { $0 + $1.outstandingMinor }
            cards.append(card(DashboardFormat.money(balance.totalMinor, balance.currency), "Outstanding (\(balance.currency))",
                              figure: "outstanding.\(balance.currency)", value: "\(balance.totalMinor)"))
            cards.append(card(DashboardFormat.money(overdue, balance.currency), "Overdue (\(balance.currency))",
                              figure: "overdue.\(balance.currency)", value: "\(overdue)"))
        }
        for dso in figures.salesOutstanding {
            cards.append(card(dso.days.map { "\(DashboardFormat.days($0)) days" } ?? "—", "DSO (\(dso.currency))",
                              figure: "dso_card.\(dso.currency)", value: dso.days.map { DashboardFormat.days($0) } ?? ""))
        }
        cards.append(card(DashboardFormat.count(figures.callTasks.open + figures.callTasks.assigned), "Call tasks waiting",
                          figure: "call_tasks", value: "\(figures.callTasks.open + figures.callTasks.assigned)"))
        cards.append(card(DashboardFormat.count(figures.dossiers.readyForReview), "Court dossiers to review",
                          figure: "dossiers", value: "\(figures.dossiers.readyForReview)"))
        return "<div class=\"cards\">\(cards.joined())</div>"
    }

    func card(_ figure: String, _ caption: String, figure key: String, value: String) -> String {
        """
        <div class="card"><div class="caption">\(HTML.escape(caption))</div>\
        <div class="figure" data-figure="\(HTML.escape(key))" data-value="\(HTML.escape(value))">\(HTML.escape(figure))</div></div>
        """
    }

    func ageing() -> String {
        var out = """
            <section class="panel" id="ageing"><h2>Ageing balance</h2>
            <p class="note">What is still owed, by days past the due date on \(DashboardFormat.day(figures.today)) (invoices neither paid nor written off).</p>
            """
        if figures.ageing.isEmpty { out += "<p class=\"empty\">Nothing is outstanding.</p>" }
        for balance in figures.ageing {
            let colors = ["#56B4E9", "#0072B2", "#E69F00", "#D55E00", "#a4262c"]
            let chart = BarChart(title: "Ageing balance in \(balance.currency)", bars: balance.buckets.map { bucket in
                BarChart.Bar(label: bucket.bucket.label, value: Double(bucket.outstandingMinor),
                             valueText: DashboardFormat.money(bucket.outstandingMinor, balance.currency),
                             color: colors[bucket.bucket.rawValue])
            })
            out += "<h3>\(HTML.escape(balance.currency))</h3>" + chart.svg()
            out += "<table><thead><tr><th>Days past due</th><th class=\"num\">Invoices</th><th class=\"num\">Outstanding</th></tr></thead><tbody>"
            for bucket in balance.buckets {
                out += """
                    <tr><td>\(bucket.bucket.label)</td><td class="num">\(DashboardFormat.count(bucket.invoices))</td>\
                    <td class="num" data-figure="ageing.\(HTML.escape(balance.currency)).\(Self.key(of: bucket.bucket))" \
                    data-minor="\(bucket.outstandingMinor)">\(DashboardFormat.money(bucket.outstandingMinor, balance.currency))</td></tr>
                    """
            }
            out += """
                <tr><th>Total</th><th class="num">\(DashboardFormat.count(balance.buckets.reduce(0) { $0 + $1.invoices }))</th>\
                <th class="num">\(DashboardFormat.money(balance.totalMinor, balance.currency))</th></tr></tbody></table>
                """
        }
        return out + "</section>"
    }

    func salesOutstanding() -> String {
        var out = """
            <section class="panel" id="dso"><h2>Days sales outstanding (DSO)</h2>
            <p class="note">DSO = receivables outstanding ÷ credit sales of the last \(DaysSalesOutstanding.periodDays) days × \(DaysSalesOutstanding.periodDays). \
            Receivables outstanding: what is still owed on every invoice neither paid nor written off, due or not. \
            Credit sales: the amounts of the invoices issued from \(DashboardFormat.day(figures.today.adding(days: 1 - DaysSalesOutstanding.periodDays))) \
            to \(DashboardFormat.day(figures.today)). The lower, the faster customers pay.</p>
            """
        if figures.salesOutstanding.isEmpty { out += "<p class=\"empty\">No invoices yet.</p>" }
        else {
            out += "<table><thead><tr><th>Currency</th><th class=\"num\">Receivables</th><th class=\"num\">Sales, \(DaysSalesOutstanding.periodDays) days</th><th class=\"num\">DSO</th></tr></thead><tbody>"
            for dso in figures.salesOutstanding {
                let days = dso.days.map { "\(DashboardFormat.days($0)) days" } ?? "— (no sales)"
                out += """
                    <tr><td>\(HTML.escape(dso.currency))</td>\
                    <td class="num" data-figure="receivables.\(HTML.escape(dso.currency))" data-minor="\(dso.receivablesMinor)">\(DashboardFormat.money(dso.receivablesMinor, dso.currency))</td>\
                    <td class="num" data-figure="sales.\(HTML.escape(dso.currency))" data-minor="\(dso.creditSalesMinor)">\(DashboardFormat.money(dso.creditSalesMinor, dso.currency))</td>\
                    <td class="num" data-figure="dso.\(HTML.escape(dso.currency))" data-days="\(dso.days.map { DashboardFormat.days($0) } ?? "")">\(days)</td></tr>
                    """
            }
            out += "</tbody></table>"
        }
        return out + "</section>"
    }

    func recovered() -> String {
        var out = """
            <section class="panel" id="recovered"><h2>Recovered, by the reminder that got paid</h2>
            <p class="note">Each payment of the last \(RecoveredAmount.periodDays) days is credited to the last reminder of its invoice that reached \
            the debtor (email sent, call task created, letter or dossier prepared) on or before the payment's value date. \
            A payment with no such reminder counts as paid before any reminder.</p>
            """
        let currencies = Array(Set(figures.recovered.map(\.currency))).sorted()
        if currencies.isEmpty { out += "<p class=\"empty\">No payment in this period.</p>" }
        for currency in currencies {
            let amounts = figures.recovered.filter { $0.currency == currency }
            let chart = BarChart(title: "Recovered in \(currency) per dunning step and channel", bars: amounts.map { amount in
                BarChart.Bar(label: Self.stepLabel(amount), value: Double(amount.amountMinor),
                             valueText: DashboardFormat.money(amount.amountMinor, currency),
                             color: amount.channel.map(Self.color(of:)) ?? "#9aa8b8")
            })
            out += "<h3>\(HTML.escape(currency))</h3>" + chart.svg()
            out += "<table><thead><tr><th>Step</th><th>Template</th><th class=\"num\">Payments</th><th class=\"num\">Recovered</th></tr></thead><tbody>"
            for amount in amounts {
                out += """
                    <tr><td>\(HTML.escape(Self.stepLabel(amount)))</td><td>\(HTML.escape(amount.templateKey ?? "—"))</td>\
                    <td class="num">\(DashboardFormat.count(amount.payments))</td>\
                    <td class="num" data-figure="recovered.\(HTML.escape(currency)).\(Self.stepKey(amount))" data-minor="\(amount.amountMinor)">\
                    \(DashboardFormat.money(amount.amountMinor, currency))</td></tr>
                    """
            }
            out += "</tbody></table>"
            let weeks = figures.recoveredByWeek.filter { $0.currency == currency }
            if !weeks.isEmpty {
                let series = TimeSeriesChart.Series(name: "Recovered per week", color: SVGChart.palette[2], points: weeks.map {
                    .init(time: Date(timeIntervalSince1970: Double($0.weekStart.daysSinceEpoch) * 86_400), value: Double($0.amountMinor))
                })
                let chart = TimeSeriesChart(
                    title: "Recovered in \(currency) per week, last \(WeeklyRecovery.weeks) weeks", series: [series],
                    timeText: { date in DashboardFormat.dayMonth(CalendarDate(daysSinceEpoch: Int(date.timeIntervalSince1970 / 86_400))) },
                    valueText: { DashboardFormat.money(Int64($0), currency) }
                )
                out += "<h3>Per week (\(HTML.escape(currency)))</h3>" + chart.svg()
            }
        }
        return out + "</section>"
    }

    func upcoming() -> String {
        let days = (0..<UpcomingSteps.horizonDays).map { figures.today.adding(days: $0) }
        let channels = Channel.allCases.filter { channel in figures.upcoming.contains { $0.channel == channel } }
        var out = """
            <section class="panel" id="upcoming"><h2>Upcoming steps, next \(UpcomingSteps.horizonDays) days</h2>
            <p class="note">Reminders planned from \(DashboardFormat.day(figures.today)) to \(DashboardFormat.day(days[days.count - 1])), by day and channel \
            (a step may still be skipped if the debtor pays, disputes or promises first).</p>
            """
        let chart = StackedBarChart(
            title: "Steps planned per day and channel, next \(UpcomingSteps.horizonDays) days",
            categories: days.map { "\(DashboardFormat.weekdays[$0.isoWeekday - 1]) \($0.day)" },
            series: channels.map { channel in
                StackedBarChart.Series(name: DashboardFormat.channel(channel), color: Self.color(of: channel), values: days.map { day in
                    Double(figures.upcoming.first { $0.day == day && $0.channel == channel }?.steps ?? 0)
                })
            }
        )
        if figures.upcoming.isEmpty {
            out += "<p class=\"empty\">No step planned in the next \(UpcomingSteps.horizonDays) days.</p>"
        } else {
            out += chart.svg()
            out += "<table><thead><tr><th>Day</th><th>Channel</th><th class=\"num\">Steps</th></tr></thead><tbody>"
            for item in figures.upcoming {
                out += """
                    <tr><td>\(DashboardFormat.shortDay(item.day))</td><td>\(DashboardFormat.channel(item.channel))</td>\
                    <td class="num" data-figure="upcoming.\(item.day.iso).\(item.channel.rawValue)" data-value="\(item.steps)">\(DashboardFormat.count(item.steps))</td></tr>
                    """
            }
            out += "</tbody></table>"
        }
        return out + "</section>"
    }

    func callTasks() -> String {
        let queue = figures.callTasks
        var out = """
            <section class="panel" id="calls"><h2>Call tasks waiting</h2>
            <p class="note"><span data-figure="call_tasks.open" data-value="\(queue.open)">\(DashboardFormat.count(queue.open))</span> open, \
            <span data-figure="call_tasks.assigned" data-value="\(queue.assigned)">\(DashboardFormat.count(queue.assigned))</span> taken by an agent. \
            The next ones, highest priority first:</p>
            """
        if queue.next.isEmpty { out += "<p class=\"empty\">No call waiting.</p>" }
        else {
            out += "<table><thead><tr><th>Debtor</th><th class=\"num\">Priority</th><th>From</th><th>Agent</th></tr></thead><tbody>"
            for task in queue.next {
                out += """
                    <tr><td class="debtor">\(HTML.escape(task.debtorName))</td><td class="num">\(task.priority)</td>\
                    <td>\(DashboardFormat.moment(task.earliestAt))</td><td>\(HTML.escape(task.agent ?? "—"))</td></tr>
                    """
            }
            out += "</tbody></table>"
        }
        return out + "</section>"
    }

    func dossiers() -> String {
        let queue = figures.dossiers
        var out = """
            <section class="panel" id="dossiers"><h2>Court dossiers ready for review</h2>
            <p class="note"><span data-figure="dossiers.ready" data-value="\(queue.readyForReview)">\(DashboardFormat.count(queue.readyForReview))</span> \
            payment-order dossier(s) prepared and waiting for a person to check and file them.</p>
            """
        if queue.oldest.isEmpty { out += "<p class=\"empty\">No dossier waiting.</p>" }
        else {
            out += "<table><thead><tr><th>Debtor</th><th>Court</th><th class=\"num\">Claim</th><th>Prepared</th></tr></thead><tbody>"
            for dossier in queue.oldest {
                out += """
                    <tr><td class="debtor">\(HTML.escape(dossier.debtorName))</td><td>\(HTML.escape(dossier.courtName))</td>\
                    <td class="num">\(DashboardFormat.money(dossier.totalMinor, dossier.currency))</td><td>\(DashboardFormat.moment(dossier.preparedAt))</td></tr>
                    """
            }
            out += "</tbody></table>"
        }
        return out + "</section>"
    }
}
