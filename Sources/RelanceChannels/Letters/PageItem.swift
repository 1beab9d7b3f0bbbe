/// One thing drawn on a page, in layout coordinates: points from the page's top-left corner,
/// text placed by its baseline.
enum PageItem: Sendable, Hashable {
    case text(String, x: Double, baseline: Double, style: TextStyle)
    case rule(fromX: Double, toX: Double, y: Double, width: Double, gray: Double)
    case shade(x: Double, top: Double, width: Double, height: Double, gray: Double)
}

/// How a run of text is set: weight, size in points, and gray level (0 black, 1 white).
struct TextStyle: Sendable, Hashable {
    var bold: Bool
    var size: Double
    var gray: Double

    init(bold: Bool = false, size: Double, gray: Double = 0) {
        self.bold = bold
        self.size = size
        self.gray = gray
    }

    func sized(_ size: Double) -> TextStyle { TextStyle(bold: bold, size: size, gray: gray) }
}
