import Foundation
@testable import RelanceAPI
import Testing

/// The dashboard's SVG kit and formats, without a server: what the pages are made of.
@Suite struct DashboardChartTests {
    @Test func moneyReadsAsBritishEnglishPerCurrency() {
        #expect(DashboardFormat.money(123_456, "EUR") == "€1,234.56")
        #expect(DashboardFormat.money(5, "GBP") == "£0.05")
        #expect(DashboardFormat.money(100_000_000, "USD") == "US$1,000,000.00")
        #expect(DashboardFormat.money(-4_000, "EUR") == "−€40.00")
        #expect(DashboardFormat.money(99_900, "CHF") == "CHF\u{00A0}999.00")
        #expect(DashboardFormat.count(1_234_567) == "1,234,567")
    }

    @Test func textFromDataIsEscapedInEveryChart() {
        let name = #"<script>alert("x")</script> & 'co'"#
        let bars = BarChart(title: name, bars: [.init(label: name, value: 3, valueText: name)]).svg()
        let stacked = StackedBarChart(title: name, categories: [name], series: [.init(name: name, color: "#000", values: [2])]).svg()
        let series = TimeSeriesChart(title: name, series: [.init(name: name, color: "#000", points: [
            .init(time: Date(timeIntervalSince1970: 0), value: 1), .init(time: Date(timeIntervalSince1970: 3600), value: 2),
        ])], timeText: { _ in name }, valueText: { _ in name }).svg()
        for svg in [bars, stacked, series] {
            #expect(!svg.contains("<script"))
            #expect(!svg.contains("'co'"))
            #expect(svg.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;"))
            #expect(svg.contains("role=\"img\""))
            #expect(svg.contains("<title>"))
            #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>"))
        }
    }

    @Test func aTimeSeriesDrawsEverySeriesOnOneAxis() {
        let hours = (0..<24).map { Date(timeIntervalSince1970: 1_796_600_000 + Double($0) * 3600) }
        let chart = TimeSeriesChart(
            title: "Jobs per hour", series: [
                .init(name: "Email", color: "#0072B2", points: hours.enumerated().map { .init(time: $1, value: Double($0)) }),
                .init(name: "Call", color: "#009E73", points: hours.map { .init(time: $0, value: 1) }),
            ],
            timeText: { _ in "h" }, valueText: { "\(Int($0))" }, area: false
        )
        let svg = chart.svg()
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 2)
        #expect(svg.components(separatedBy: "<circle").count - 1 == 48)
        // Two series: a legend, no area.
        #expect(svg.contains(">Email</text>") && svg.contains(">Call</text>"))
        #expect(!svg.contains("<polygon"))
        // The description reads the figures for a screen reader.
        #expect(svg.contains("Email: 276 in all (highest 23 on h)"))
    }

    @Test func barsAreScaledToTheLargestAndAZeroHasNoBar() {
        let svg = BarChart(title: "t", bars: [.init(label: "a", value: 10, valueText: "10"), .init(label: "b", value: 0, valueText: "0")],
                           width: 400, labelWidth: 100, valueWidth: 90).svg()
        // Track = 400 - 100 - 90 - 10 = 200: the largest fills it, the zero draws nothing.
        #expect(svg.contains("width=\"200\" height=\"20\" fill="))
        #expect(svg.contains("width=\"0\" height=\"20\" fill="))
    }
}
