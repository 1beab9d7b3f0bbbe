import CHaru
import Foundation

/// Writes a letter as an A4 PDF over libharu, with the fonts embedded.
///
/// Each call builds its own libharu document and frees it before returning (libharu
/// documents are not thread-safe), so one writer may be used from several threads. The work
/// is synchronous CPU: callers on the cooperative pool should run it on a thread of its own.
public struct LetterPDFWriter: Sendable {
    public let fonts: LetterFonts

    public init(fonts: LetterFonts = .dejaVuSans) {
        self.fonts = fonts
    }

    /// The PDF of `content`. Throws `font` when a font file is missing, `pdf` when libharu fails.
    public func write(_ content: LetterContent) throws(LetterError) -> LetterPDF {
        try render { $0.pages(for: content) }
    }

    /// The PDF of a document that is not a letter (a court dossier), laid out from `blocks`
    /// with `footer` on every page.
    func write(_ blocks: [DocumentBlock], footer: String) throws(LetterError) -> LetterPDF {
        try render { $0.pages(for: blocks, footer: footer) }
    }

    /// Draws the pages `layout` sets with the writer's fonts.
    private func render(_ layout: (LetterTypesetter) -> [[PageItem]]) throws(LetterError) -> LetterPDF {
        for path in [fonts.regular, fonts.bold] where !FileManager.default.isReadableFile(atPath: path) {
            throw LetterError(.font, "the font \(path) is missing (Debian package fonts-dejavu-core)")
        }
        let document = try HaruDocument()
        let regular = try document.loadTrueTypeFont(path: fonts.regular)
        let bold = try document.loadTrueTypeFont(path: fonts.bold)
        func font(_ style: TextStyle) -> HaruFont { style.bold ? bold : regular }

        let typesetter = LetterTypesetter { text, style in font(style).width(of: text, size: style.size) }
        let pages = layout(typesetter)
        let height = LetterPageGeometry.height
        for items in pages {
            let page = try document.addPage()
            for item in items {
                switch item {
                case .text(let text, let x, let baseline, let style):
                    guard !text.isEmpty else { continue }
                    try page.text(text, x: x, y: height - baseline, font: font(style), size: style.size, gray: style.gray)
                case .rule(let fromX, let toX, let y, let width, let gray):
                    try page.line(fromX: fromX, fromY: height - y, toX: toX, toY: height - y, width: width, gray: gray)
                case .shade(let x, let top, let width, let shadeHeight, let gray):
                    try page.fill(x: x, y: height - top - shadeHeight, width: width, height: shadeHeight, gray: gray)
                }
            }
        }
        // Only ASCII here: libharu writes information strings without the UTF-8 encoder.
        try document.setInfo(HPDF_INFO_CREATOR, "Relance")
        return LetterPDF(bytes: try document.bytes(), pageCount: pages.count)
    }
}
