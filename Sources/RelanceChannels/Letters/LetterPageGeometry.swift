/// Where things go on an A4 letter, in points (1/72 inch) from the page's top-left corner.
///
/// The debtor's address sits in the window of a French DL envelope (110 × 220 mm, window on
/// the right, about 110 mm from the left edge and 45–50 mm from the top, 100 × 45 mm) when
/// the page is folded in three: its first line 55 mm from the top, 120 mm from the left, so a
/// few millimetres of play in the envelope never hide a line.
enum LetterPageGeometry {
    static let millimetre = 72 / 25.4
    static func mm(_ value: Double) -> Double { value * millimetre }

    static let width = mm(210)
    static let height = mm(297)

    static let left = mm(20)
    static let right = mm(190)
    static var contentWidth: Double { right - left }

    /// The first baseline of the letterhead on the first page.
    static let letterheadBaseline = mm(20)
    /// The letterhead stays left of the envelope's window.
    static let letterheadWidth = mm(85)

    /// The address block, inside the window.
    static let addressLeft = mm(120)
    static let addressBaseline = mm(55)
    static let addressWidth = mm(70)

    /// The line of the place and date (right) and of the mailing mention (left).
    static let dateBaseline = mm(100)
    static let signatureLeft = mm(120)

    /// Where text starts on the pages after the first.
    static let continuationTop = mm(20)
    /// Text and tables stop above this line; the footer sits below it.
    static let bottom = mm(275)
    static let footerBaseline = mm(287)
}
