import Foundation

/// Vertical columns, one per category, each stacked from its series' values, with a legend and
/// each column's total as text above it. Good for counts per day and channel.
struct StackedBarChart: Sendable {
    struct Series: Sendable {
        var name: String
        var color: String
        /// One value per category, in the categories' order.
        var values: [Double]
    }

    var title: String
    var categories: [String]
    var series: [Series]
    /// A column's total as people read it.
    var totalText: @Sendable (Double) -> String = { SVGChart.number($0) }
    var width = 560
    var height = 220

    func svg() -> String {
        let legendHeight = 24.0, axisHeight = 34.0, top = 22.0
        let plot = Double(height) - legendHeight - axisHeight - top
        let totals = categories.indices.map { index in series.reduce(0) { $0 + ($1.values.indices.contains(index) ? $1.values[index] : 0) } }
        let maximum = totals.max() ?? 0
        let slot = Double(width - 20) / Double(max(1, categories.count))
        let columnWidth = max(4, slot * 0.62)
        var parts: [String] = []
        for (index, category) in categories.enumerated() where totals[index] > 0 {
            let byName = series.compactMap { s -> String? in
                let value = s.values.indices.contains(index) ? s.values[index] : 0
                return value > 0 ? "\(s.name) \(totalText(value))" : nil
            }
            parts.append("\(category): \(byName.joined(separator: ", "))")
        }
        var out = SVGChart.open(width: width, height: height, title: title,
                                description: parts.isEmpty ? "Nothing in this period" : parts.joined(separator: "; "))
        let baseline = top + plot
        out += "<line x1=\"10\" x2=\"\(width - 10)\" y1=\"\(SVGChart.number(baseline))\" y2=\"\(SVGChart.number(baseline))\" class=\"axis\"/>"
        for (index, category) in categories.enumerated() {
            let x = 10 + Double(index) * slot + (slot - columnWidth) / 2
            var y = baseline
            for s in series {
                let value = s.values.indices.contains(index) ? s.values[index] : 0
                guard value > 0 else { continue }
                let h = SVGChart.scale(value, maximum, plot)
                y -= h
                out += "<rect x=\"\(SVGChart.number(x))\" y=\"\(SVGChart.number(y))\" width=\"\(SVGChart.number(columnWidth))\" height=\"\(SVGChart.number(h))\" fill=\"\(HTML.escape(s.color))\"><title>\(HTML.escape("\(category) · \(s.name): \(totalText(value))"))</title></rect>"
            }
            let center = SVGChart.number(x + columnWidth / 2)
            if totals[index] > 0 {
                out += "<text x=\"\(center)\" y=\"\(SVGChart.number(y - 5))\" text-anchor=\"middle\" class=\"value\">\(HTML.escape(totalText(totals[index])))</text>"
            }
            let words = category.split(separator: " ", maxSplits: 1).map(String.init)
            out += "<text x=\"\(center)\" y=\"\(SVGChart.number(baseline + 14))\" text-anchor=\"middle\" class=\"tick\">\(HTML.escape(words.first ?? ""))</text>"
            if words.count > 1 {
                out += "<text x=\"\(center)\" y=\"\(SVGChart.number(baseline + 27))\" text-anchor=\"middle\" class=\"tick\">\(HTML.escape(words[1]))</text>"
            }
        }
        var legendX = 10.0
        let legendY = Double(height) - 8
        for s in series {
            out += "<rect x=\"\(SVGChart.number(legendX))\" y=\"\(SVGChart.number(legendY - 10))\" width=\"12\" height=\"12\" fill=\"\(HTML.escape(s.color))\"/>"
            out += "<text x=\"\(SVGChart.number(legendX + 16))\" y=\"\(SVGChart.number(legendY))\" class=\"legend\">\(HTML.escape(s.name))</text>"
            legendX += 16 + Double(s.name.count) * 7.5 + 18
        }
        return out + "</svg>"
    }
}
