import Foundation

/// Values over time — one or more series on a shared time axis — as lines, or as areas when
/// there is one series. General on purpose: the tenant page draws recoveries per week, the
/// operators' page draws jobs per hour by channel.
struct TimeSeriesChart: Sendable {
    struct Point: Sendable {
        var time: Date
        var value: Double
    }

    struct Series: Sendable {
        var name: String
        var color: String
        var points: [Point]
    }

    var title: String
    var series: [Series]
    /// How a tick on the time axis reads (`7 Dec`, `14:00`).
    var timeText: @Sendable (Date) -> String
    /// How a value reads (`€1,234.56`, `120 jobs`).
    var valueText: @Sendable (Double) -> String
    /// Fill under the line (one series only).
    var area = true
    var width = 560
    var height = 200
    /// Ticks on the time axis, at most.
    var ticks = 6

    func svg() -> String {
        let left = 70.0, right = 16.0, top = 14.0, bottom = 44.0
        let plotWidth = Double(width) - left - right
        let plotHeight = Double(height) - top - bottom
        let times = series.flatMap { $0.points.map(\.time) }
        let start = times.min() ?? Date(timeIntervalSince1970: 0)
        let end = times.max() ?? start
        let span = max(end.timeIntervalSince(start), 1)
        let maximum = SVGChart.niceCeiling(series.flatMap { $0.points.map(\.value) }.max() ?? 0)
        func x(_ time: Date) -> Double { left + time.timeIntervalSince(start) / span * plotWidth }
        func y(_ value: Double) -> Double { top + plotHeight - SVGChart.scale(value, maximum, plotHeight) }

        let description = series.map { s in
            let total = s.points.reduce(0) { $0 + $1.value }
            let peak = s.points.max { $0.value < $1.value }
            let peakText = peak.map { " (highest \(valueText($0.value)) on \(timeText($0.time)))" } ?? ""
            return "\(s.name): \(valueText(total)) in all\(peakText)"
        }.joined(separator: "; ")
        var out = SVGChart.open(width: width, height: height, title: title, description: description.isEmpty ? "No data" : description)
        // Value grid: 0, half, the maximum.
        for fraction in [0.0, 0.5, 1.0] {
            let value = maximum * fraction
            // A half that reads like an end (counts up to 1) is left out.
            if fraction == 0.5, valueText(value) == valueText(0) || valueText(value) == valueText(maximum) { continue }
            let gy = SVGChart.number(y(value))
            out += "<line x1=\"\(SVGChart.number(left))\" x2=\"\(SVGChart.number(left + plotWidth))\" y1=\"\(gy)\" y2=\"\(gy)\" class=\"\(fraction == 0 ? "axis" : "grid")\"/>"
            out += "<text x=\"\(SVGChart.number(left - 6))\" y=\"\(SVGChart.number(y(value) + 4))\" text-anchor=\"end\" class=\"tick\">\(HTML.escape(valueText(value)))</text>"
        }
        // Time ticks, evenly spread over the distinct times.
        let distinct = Array(Set(times)).sorted()
        if !distinct.isEmpty {
            let stride = max(1, Int((Double(distinct.count) / Double(max(1, ticks))).rounded(.up)))
            for index in Swift.stride(from: 0, to: distinct.count, by: stride) {
                let tx = SVGChart.number(x(distinct[index]))
                out += "<line x1=\"\(tx)\" x2=\"\(tx)\" y1=\"\(SVGChart.number(top + plotHeight))\" y2=\"\(SVGChart.number(top + plotHeight + 4))\" class=\"axis\"/>"
                out += "<text x=\"\(tx)\" y=\"\(SVGChart.number(top + plotHeight + 17))\" text-anchor=\"middle\" class=\"tick\">\(HTML.escape(timeText(distinct[index])))</text>"
            }
        }
        for s in series {
            let points = s.points.sorted { $0.time < $1.time }
            guard !points.isEmpty else { continue }
            let line = points.map { "\(SVGChart.number(x($0.time))),\(SVGChart.number(y($0.value)))" }.joined(separator: " ")
            let color = HTML.escape(s.color)
            if area, series.count == 1 {
                let baseline = SVGChart.number(y(0))
                let polygon = "\(SVGChart.number(x(points[0].time))),\(baseline) \(line) \(SVGChart.number(x(points[points.count - 1].time))),\(baseline)"
                out += "<polygon points=\"\(polygon)\" fill=\"\(color)\" fill-opacity=\"0.18\"/>"
            }
            out += "<polyline points=\"\(line)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" stroke-linejoin=\"round\"/>"
            for point in points {
                out += "<circle cx=\"\(SVGChart.number(x(point.time)))\" cy=\"\(SVGChart.number(y(point.value)))\" r=\"2.5\" fill=\"\(color)\"><title>\(HTML.escape("\(s.name), \(timeText(point.time)): \(valueText(point.value))"))</title></circle>"
            }
        }
        if series.count > 1 {
            var legendX = left
            for s in series {
                out += "<rect x=\"\(SVGChart.number(legendX))\" y=\"\(height - 12)\" width=\"12\" height=\"12\" fill=\"\(HTML.escape(s.color))\"/>"
                out += "<text x=\"\(SVGChart.number(legendX + 16))\" y=\"\(height - 2)\" class=\"legend\">\(HTML.escape(s.name))</text>"
                legendX += 16 + Double(s.name.count) * 7.5 + 18
            }
        }
        return out + "</svg>"
    }
}
