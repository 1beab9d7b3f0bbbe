import Foundation

/// A small kit of server-rendered SVG charts (no script, no fetched asset): horizontal bars
/// (`BarChart`), stacked columns (`StackedBarChart`) and time series as lines or areas
/// (`TimeSeriesChart`). Every chart is an accessible image — `role="img"`, an `aria-label`, a
/// `<title>` and a `<desc>` that reads its figures — and prints its figures as text beside the
/// marks. Texts are escaped here; callers pass plain text.
enum SVGChart {
    /// Colours that stay apart for most colour-blind readers (Okabe–Ito), in order.
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]

    /// The opening tag, title and description every chart shares.
    static func open(width: Int, height: Int, title: String, description: String) -> String {
        let title = HTML.escape(title)
        return """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 \(width) \(height)" width="\(width)" \
            height="\(height)" role="img" aria-label="\(title)"><title>\(title)</title><desc>\(HTML.escape(description))</desc>
            """
    }

    /// `value` scaled to `length` pixels against `maximum` (0 when the maximum is not positive).
    static func scale(_ value: Double, _ maximum: Double, _ length: Double) -> Double {
        maximum > 0 ? max(0, value) / maximum * length : 0
    }

    /// A coordinate with at most one decimal.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// A round number at or above `value` for an axis (1, 2 or 5 times a power of ten).
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        let power = pow(10, floor(log10(value)))
        for step in [1.0, 2.0, 5.0, 10.0] where step * power >= value {
            return step * power
        }
        return 10 * power
    }
}
