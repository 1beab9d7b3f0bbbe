import Foundation
import RelanceCore
import RelancePipeline
import RelanceStore

/// The operators' dashboard (`/ops`): throughput per hour by channel, outcomes, the outbox and
/// the due steps not yet claimed, backlog and pauses per tenant, dead letters. Figures carry
/// `data-figure` attributes with their exact values, as on `/app`.
struct OperationsDashboardPage {
    var figures: OperationsDashboard
    var operatorName: String
    /// What operators have paused (`relance ops pause`), oldest first.
    var pauses: [OperatorPause] = []
    /// RabbitMQ's own figures of the relance queues (its management API), or why there are none.
    var brokerQueues: Result<[QueueFigures], BrokerMonitorError>? = nil

    static func hour(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return String(format: "%02d:00", calendar.component(.hour, from: date))
    }

    func html() -> String {
        let body = """
            <header class="top"><div><h1>Relance · operations</h1><div class="asof">As of \(DashboardFormat.moment(figures.now)) · \
            signed in as \(HTML.escape(operatorName))</div></div>
            <form method="post" action="/ops/logout"><button type="submit">Sign out</button></form></header>
            <main>
            \(cards())
            <div class="grid">
            \(throughput())
            \(queues())
            \(broker())
            \(tenants())
            \(deadLetters())
            \(operatorPauses())
            </div>
            <footer>Every tenant's work, read through the owner's connection. Hours are UTC. This page runs no script.</footer>
            </main>
            """
        return DashboardPageStyle.page(title: "Relance · operations", body: body)
    }

    func cards() -> String {
        let processed = figures.throughput.reduce(0) { $0 + $1.jobs }
        let outbox = figures.outbox.reduce(0) { $0 + $1.jobs }
        let items: [(String, String, String, Int)] = [
            ("Jobs done, last \(OperationsDashboard.throughputHours) h", "processed", DashboardFormat.count(processed), processed),
            ("Outbox (not yet published)", "outbox", DashboardFormat.count(outbox), outbox),
            ("Steps due, not claimed", "due_unclaimed", DashboardFormat.count(figures.dueUnclaimed), figures.dueUnclaimed),
            ("Dead letters, last \(OperationsDashboard.throughputHours) h", "dead_letters", DashboardFormat.count(figures.deadLetters.inWindow), figures.deadLetters.inWindow),
        ]
        return "<div class=\"cards\">" + items.map { caption, key, text, value in
            """
            <div class="card"><div class="caption">\(HTML.escape(caption))</div>\
            <div class="figure" data-figure="\(key)" data-value="\(value)">\(text)</div></div>
            """
        }.joined() + "</div>"
    }

    func throughput() -> String {
        let hours = (0..<OperationsDashboard.throughputHours).map { figures.windowStart.addingTimeInterval(Double($0) * 3600) }
        let channels = Channel.allCases.filter { channel in figures.throughput.contains { $0.channel == channel } }
        var out = """
            <section class="panel" id="throughput"><h2>Throughput per hour, last \(OperationsDashboard.throughputHours) hours</h2>
            <p class="note">Jobs whose outcome was written in each hour (UTC), by channel: what the workers got through.</p>
            """
        if channels.isEmpty {
            out += "<p class=\"empty\">No job finished in this window.</p>"
        } else {
            let chart = TimeSeriesChart(
                title: "Jobs done per hour by channel, last \(OperationsDashboard.throughputHours) hours",
                series: channels.map { channel in
                    TimeSeriesChart.Series(name: DashboardFormat.channel(channel), color: TenantDashboardPage.color(of: channel), points: hours.map { hour in
                        .init(time: hour, value: Double(figures.throughput.first { $0.hourStart == hour && $0.channel == channel }?.jobs ?? 0))
                    })
                },
                timeText: { Self.hour($0) }, valueText: { "\(Int($0))" }, area: false, height: 220
            )
            out += chart.svg()
            out += "<table><thead><tr><th>Channel</th><th class=\"num\">Jobs, \(OperationsDashboard.throughputHours) h</th><th class=\"num\">Busiest hour</th></tr></thead><tbody>"
            for channel in channels {
                let rows = figures.throughput.filter { $0.channel == channel }
                let total = rows.reduce(0) { $0 + $1.jobs }
                let busiest = rows.max { $0.jobs < $1.jobs }
                out += """
                    <tr><td>\(DashboardFormat.channel(channel))</td>\
                    <td class="num" data-figure="throughput.\(channel.rawValue)" data-value="\(total)">\(DashboardFormat.count(total))</td>\
                    <td class="num">\(busiest.map { "\(Self.hour($0.hourStart)) (\($0.jobs))" } ?? "—")</td></tr>
                    """
            }
            out += "</tbody></table>"
        }
        let outcomes = figures.outcomes.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
        if !outcomes.isEmpty {
            let chart = BarChart(title: "Outcomes, last \(OperationsDashboard.throughputHours) hours", bars: outcomes.map { kind, count in
                let bad = kind == "failed" || kind == "dead_lettered"
                return BarChart.Bar(label: kind.replacingOccurrences(of: "_", with: " "), value: Double(count),
                                    valueText: DashboardFormat.count(count), color: bad ? SVGChart.palette[3] : SVGChart.palette[0])
            })
            out += "<h3>Outcomes</h3>" + chart.svg()
        }
        return out + "</section>"
    }

    func queues() -> String {
        var out = """
            <section class="panel" id="queues"><h2>Queue health</h2>
            <p class="note">From the database: jobs written to the outbox and not yet published to RabbitMQ, and steps due \
            that no dispatcher has claimed yet. Both should stay near zero; a growing age means a stuck relay or dispatcher.</p>
            <table><thead><tr><th>Channel</th><th class="num">Outbox jobs</th><th class="num">Oldest waiting since</th></tr></thead><tbody>
            """
        if figures.outbox.isEmpty { out += "<tr><td colspan=\"3\" class=\"empty\">The outbox is empty.</td></tr>" }
        for backlog in figures.outbox {
            out += """
                <tr><td>\(DashboardFormat.channel(backlog.channel))</td>\
                <td class="num" data-figure="outbox.\(backlog.channel.rawValue)" data-value="\(backlog.jobs)">\(DashboardFormat.count(backlog.jobs))</td>\
                <td class="num">\(DashboardFormat.moment(backlog.oldest))</td></tr>
                """
        }
        out += """
            </tbody></table>
            <p>Steps due and not claimed: <strong data-figure="due_unclaimed.count" data-value="\(figures.dueUnclaimed)">\(DashboardFormat.count(figures.dueUnclaimed))</strong>\
            \(figures.oldestDueUnclaimed.map { ", the oldest due \(DashboardFormat.moment($0))" } ?? "").</p>
            """
        return out + "</section>"
    }

    func tenants() -> String {
        var out = """
            <section class="panel" id="tenants"><h2>Backlog and pauses per tenant</h2>
            <p class="note">Steps due and not yet claimed, per tenant (the ten largest), and invoices paused.</p>
            """
        if figures.backlogByTenant.isEmpty { out += "<p class=\"empty\">No tenant has a backlog.</p>" }
        else {
            out += BarChart(title: "Steps due and not claimed, per tenant", bars: figures.backlogByTenant.map {
                BarChart.Bar(label: $0.tenantName, value: Double($0.count), valueText: DashboardFormat.count($0.count))
            }).svg()
            out += "<table><thead><tr><th>Tenant</th><th class=\"num\">Steps due</th></tr></thead><tbody>"
            for tenant in figures.backlogByTenant {
                out += """
                    <tr><td>\(HTML.escape(tenant.tenantName))</td>\
                    <td class="num" data-figure="backlog.\(tenant.tenantId.uuid.uuidString.lowercased())" data-value="\(tenant.count)">\(DashboardFormat.count(tenant.count))</td></tr>
                    """
            }
            out += "</tbody></table>"
        }
        out += "<h3>Paused invoices</h3>"
        if figures.pausedByTenant.isEmpty { out += "<p class=\"empty\">Nothing is paused.</p>" }
        else {
            out += "<table><thead><tr><th>Tenant</th><th class=\"num\">Invoices paused</th></tr></thead><tbody>"
            for tenant in figures.pausedByTenant {
                out += """
                    <tr><td>\(HTML.escape(tenant.tenantName))</td>\
                    <td class="num" data-figure="paused.\(tenant.tenantId.uuid.uuidString.lowercased())" data-value="\(tenant.count)">\(DashboardFormat.count(tenant.count))</td></tr>
                    """
            }
            out += "</tbody></table>"
        }
        return out + "</section>"
    }

    func operatorPauses() -> String {
        var out = """
            <section class="panel" id="pauses"><h2>Paused by operators</h2>
            <p class="note">Channels, tenants and creditors held back: the dispatcher does not claim their steps and \
            workers hold their jobs, until resumed (<code>relance ops resume</code>).</p>
            """
        if pauses.isEmpty { return out + "<p class=\"empty\" data-figure=\"pauses.count\" data-value=\"0\">Nothing is paused.</p></section>" }
        out += "<table data-figure=\"pauses.count\" data-value=\"\(pauses.count)\"><thead><tr><th>What</th><th>Since</th><th>By</th><th>Why</th></tr></thead><tbody>"
        for pause in pauses {
            out += """
                <tr><td data-figure="pause.\(HTML.escape(pause.target.description))">\(HTML.escape(pause.target.description))</td>\
                <td>\(DashboardFormat.moment(pause.pausedAt))</td><td>\(HTML.escape(pause.pausedBy))</td><td>\(HTML.escape(pause.reason))</td></tr>
                """
        }
        return out + "</tbody></table></section>"
    }

    func broker() -> String {
        var out = """
            <section class="panel" id="broker"><h2>RabbitMQ queues</h2>
            <p class="note">From the broker's management API: messages in each job queue, delivered and not yet \
            acknowledged, consumers, and rates per second. Retry queues hold jobs waiting for their next try; \
            dead-letter queues are emptied into the dead letters below. The oldest waiting comes from the database: \
            a channel's oldest job published and not finished, a dead-letter queue's oldest dead letter not yet \
            replayed or discarded.</p>
            """
        switch brokerQueues {
        case nil:
            return out + "<p class=\"empty\">This server has no management API URL (RELANCE_AMQP_MANAGEMENT_URL).</p></section>"
        case .failure(let error):
            return out + "<p class=\"error\">\(HTML.escape(error.description))</p></section>"
        case .success(let queues):
            let shown = queues.filter { !$0.name.hasPrefix("relance.retry.") }
            let held = queues.filter { $0.name.hasPrefix("relance.retry.") }.reduce(0) { $0 + $1.messages }
            let jobQueues = shown.filter { !$0.name.hasPrefix("relance.dlq.") }
            if !jobQueues.isEmpty {
                out += BarChart(title: "Messages in each job queue", bars: jobQueues.map {
                    BarChart.Bar(label: $0.name, value: Double($0.messages), valueText: DashboardFormat.count($0.messages))
                }).svg()
            }
            out += """
                <div class="scroll"><table class="compact"><thead><tr><th>Queue</th><th class="num">Messages</th><th class="num">Unacked</th>\
                <th class="num">Consumers</th><th class="num">In /s</th><th class="num">Acked /s</th><th class="num">Oldest</th></tr></thead><tbody>
                """
            for queue in shown {
                out += """
                    <tr><td>\(HTML.escape(queue.name))</td>\
                    <td class="num" data-figure="queue.\(HTML.escape(queue.name))" data-value="\(queue.messages)">\(DashboardFormat.count(queue.messages))</td>\
                    <td class="num">\(DashboardFormat.count(queue.unacknowledged))</td>\
                    <td class="num" data-figure="consumers.\(HTML.escape(queue.name))" data-value="\(queue.consumers)">\(DashboardFormat.count(queue.consumers))</td>\
                    <td class="num">\(String(format: "%.1f", queue.publishRate))</td><td class="num">\(String(format: "%.1f", queue.ackRate))</td>\
                    <td class="num" data-figure="oldest.\(HTML.escape(queue.name))" data-value="\(queue.oldestMessageAgeSeconds.map { String(Int($0)) } ?? "")">\(queue.oldestText)</td></tr>
                    """
            }
            out += """
                </tbody></table></div>
                <p>Waiting in retry queues: <strong data-figure="queue.retries" data-value="\(held)">\(DashboardFormat.count(held))</strong>.</p>
                """
            return out + "</section>"
        }
    }

    func deadLetters() -> String {
        var out = """
            <section class="panel" id="dead-letters"><h2>Dead letters</h2>
            <p class="note"><span data-figure="dead_letters.total" data-value="\(figures.deadLetters.total)">\(DashboardFormat.count(figures.deadLetters.total))</span> \
            waiting for an operator, the latest first: <code>relance ops dead-letters show ID</code>, then <code>replay</code> or \
            <code>discard --reason</code>.</p>
            """
        if figures.deadLetters.latest.isEmpty { out += "<p class=\"empty\">None.</p>" }
        else {
            out += "<table><thead><tr><th>Id</th><th>When</th><th>Tenant</th><th>Channel</th><th>Reason</th></tr></thead><tbody>"
            for entry in figures.deadLetters.latest {
                let channel = RelanceCore.Channel(rawValue: entry.channel).map(DashboardFormat.channel) ?? entry.channel
                out += """
                    <tr><td data-figure="dead_letter.\(entry.id)">\(entry.id)</td><td>\(DashboardFormat.moment(entry.at))</td>\
                    <td>\(HTML.escape(entry.tenantName ?? "—"))</td><td>\(HTML.escape(channel))</td>\
                    <td>\(HTML.escape(entry.reason ?? "—"))</td></tr>
                    """
            }
            out += "</tbody></table>"
        }
        return out + "</section>"
    }
}
