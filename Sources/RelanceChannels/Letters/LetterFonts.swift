/// The TrueType fonts a letter is set in, embedded in every PDF: they must cover French
/// accents, `œ` and `€`, which the PDF standard fonts do not.
public struct LetterFonts: Sendable, Hashable {
    public var regular: String
    public var bold: String

    public init(regular: String, bold: String) {
        self.regular = regular
        self.bold = bold
    }

    /// DejaVu Sans from Debian's fonts-dejavu-core.
    public static let dejaVuSans = LetterFonts(
        regular: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        bold: "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
    )
}
