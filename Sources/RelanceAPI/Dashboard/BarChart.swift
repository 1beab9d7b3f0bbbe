import Foundation

/// Horizontal bars, one per item, its label on the left and its value as text on the right.
struct BarChart: Sendable {
    struct Bar: Sendable {
        var label: String
        var value: Double
        /// The value as people read it (`€1,234.56`), printed beside the bar.
        var valueText: String
        /// A colour of its own; else the palette's first.
        var color: String?
    }

    var title: String
    var bars: [Bar]
    var width = 560
    var labelWidth = 140
    var valueWidth = 110
    var rowHeight = 30

    func svg() -> String {
        let height = max(1, bars.count) * rowHeight + 10
        let track = Double(width - labelWidth - valueWidth - 10)
        let maximum = bars.map(\.value).max() ?? 0
        let description = bars.map { "\($0.label): \($0.valueText)" }.joined(separator: "; ")
        var out = SVGChart.open(width: width, height: height, title: title, description: description.isEmpty ? "No data" : description)
        for (index, bar) in bars.enumerated() {
            let y = Double(index * rowHeight + 5)
            let length = SVGChart.scale(bar.value, maximum, track)
            let color = HTML.escape(bar.color ?? SVGChart.palette[0])
            out += """
                <g class="bar"><text x="\(labelWidth - 8)" y="\(SVGChart.number(y + 19))" text-anchor="end" class="label">\(HTML.escape(bar.label))</text>\
                <rect x="\(labelWidth)" y="\(SVGChart.number(y + 4))" width="\(SVGChart.number(track))" height="\(rowHeight - 10)" class="track"/>\
                <rect x="\(labelWidth)" y="\(SVGChart.number(y + 4))" width="\(SVGChart.number(max(length, bar.value > 0 ? 2 : 0)))" height="\(rowHeight - 10)" fill="\(color)" rx="2"/>\
                <text x="\(labelWidth + Int(track) + 8)" y="\(SVGChart.number(y + 19))" class="value">\(HTML.escape(bar.valueText))</text></g>
                """
        }
        return out + "</svg>"
    }
}
