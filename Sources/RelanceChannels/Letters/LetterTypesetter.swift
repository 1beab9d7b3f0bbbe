/// Lays a `LetterContent` out on A4 pages: the letterhead, the address in the envelope's
/// window, place and date, references, then the title, subject, body, invoice table, summary,
/// closing, signature and legal mentions flowing from page to page. A table that does not fit
/// goes on over the next pages with its header repeated; every page gets a footer with the
/// letter's reference and its number out of the total (`2/3`).
///
/// Pure layout: widths come from `measure`, so the same code runs over libharu's font metrics
/// in the writer and over any metrics in a test.
struct LetterTypesetter {
    typealias Geometry = LetterPageGeometry

    /// The width of `text` set in `style`, in points.
    let measure: (String, TextStyle) -> Double

    static let letterheadName = TextStyle(bold: true, size: 12)
    static let letterhead = TextStyle(size: 9, gray: 0.15)
    static let address = TextStyle(size: 10)
    static let body = TextStyle(size: 10)
    static let strong = TextStyle(bold: true, size: 10)
    static let title = TextStyle(bold: true, size: 13)
    static let small = TextStyle(size: 9)
    static let tableText = TextStyle(size: 8)
    static let mention = TextStyle(size: 7.5, gray: 0.15)
    static let footer = TextStyle(size: 7.5, gray: 0.35)

    static let bodyLeading = 13.5
    static let tableRowHeight = 12.0
    static let cellPadding = 3.0

    /// The pages, each a list of what is drawn on it.
    func pages(for content: LetterContent) -> [[PageItem]] {
        var cursor = Cursor()
        firstPageHeader(content, into: &cursor)

        if !content.title.isEmpty {
            let lines = wrap(content.title, style: Self.title, width: Geometry.contentWidth)
            place(lines, style: Self.title, leading: 17, alignment: .centre, into: &cursor)
            cursor.y += Geometry.mm(4)
        }
        if !content.subject.isEmpty {
            place(wrap(content.subject, style: Self.strong, width: Geometry.contentWidth), style: Self.strong, leading: Self.bodyLeading, into: &cursor)
            cursor.y += Geometry.mm(4)
        }
        if !content.salutation.isEmpty {
            place(wrap(content.salutation, style: Self.body, width: Geometry.contentWidth), style: Self.body, leading: Self.bodyLeading, into: &cursor)
            cursor.y += Geometry.mm(2.5)
        }
        for paragraph in content.body {
            place(wrap(paragraph, style: Self.body, width: Geometry.contentWidth), style: Self.body, leading: Self.bodyLeading, into: &cursor)
            cursor.y += Geometry.mm(2.5)
        }

        cursor.y += Geometry.mm(2)
        table(content.invoices, x: Geometry.left, width: Geometry.contentWidth, into: &cursor)
        cursor.y += Geometry.mm(5)
        let summaryWidth = Geometry.mm(115)
        table(content.summary, x: Geometry.right - summaryWidth, width: summaryWidth, into: &cursor)
        cursor.y += Geometry.mm(3)
        if !content.paymentLine.isEmpty {
            let lines = wrap(content.paymentLine, style: Self.strong, width: Geometry.contentWidth)
            cursor.ensure(Double(lines.count) * Self.bodyLeading)
            for line in lines {
                let x = Geometry.right - measure(line.text, Self.strong)
                cursor.add(.text(line.text, x: x, baseline: cursor.y + baselineOffset(Self.strong, leading: Self.bodyLeading), style: Self.strong))
                cursor.y += Self.bodyLeading
            }
        }
        cursor.y += Geometry.mm(6)

        for paragraph in content.closing {
            place(wrap(paragraph, style: Self.body, width: Geometry.contentWidth), style: Self.body, leading: Self.bodyLeading, into: &cursor)
            cursor.y += Geometry.mm(2.5)
        }
        signature(content.signature, into: &cursor)
        mentions(content.mentions, into: &cursor)

        return footers(cursor.pages, text: content.footer)
    }

    /// The pages of a document that is not a letter (a court dossier): `blocks` flowing from
    /// the top of the first page, with the same tables, wrapping and footers as letters.
    func pages(for blocks: [DocumentBlock], footer: String) -> [[PageItem]] {
        var cursor = Cursor()
        cursor.y = Geometry.continuationTop
        for block in blocks {
            switch block {
            case .title(let text):
                place(wrap(text, style: Self.title, width: Geometry.contentWidth), style: Self.title, leading: 17, alignment: .centre, into: &cursor)
                cursor.y += Geometry.mm(3)
            case .heading(let text):
                cursor.y += Geometry.mm(3)
                // A heading is never left alone at the foot of a page.
                cursor.ensure(Self.bodyLeading * 3)
                place(wrap(text, style: Self.strong, width: Geometry.contentWidth), style: Self.strong, leading: Self.bodyLeading, into: &cursor)
                cursor.add(.rule(fromX: Geometry.left, toX: Geometry.right, y: cursor.y, width: 0.4, gray: 0.5))
                cursor.y += Geometry.mm(1.5)
            case .paragraph(let text):
                place(wrap(text, style: Self.body, width: Geometry.contentWidth), style: Self.body, leading: Self.bodyLeading, into: &cursor)
                cursor.y += Geometry.mm(1.5)
            case .note(let text):
                place(wrap(text, style: Self.small, width: Geometry.contentWidth), style: Self.small, leading: 12, into: &cursor)
                cursor.y += Geometry.mm(1)
            case .table(let content):
                cursor.y += Geometry.mm(1)
                table(content, x: Geometry.left, width: Geometry.contentWidth, into: &cursor)
                cursor.y += Geometry.mm(3)
            }
        }
        return footers(cursor.pages, text: footer)
    }

    // MARK: - First page

    private func firstPageHeader(_ content: LetterContent, into cursor: inout Cursor) {
        // Letterhead, top left, clear of the window.
        var y = Geometry.letterheadBaseline - baselineOffset(Self.letterheadName, leading: 15)
        for (index, line) in content.letterhead.enumerated() {
            let style = index == 0 ? Self.letterheadName : Self.letterhead
            let leading = index == 0 ? 15.0 : 11.5
            for wrapped in wrap(line, style: style, width: Geometry.letterheadWidth) {
                cursor.add(.text(wrapped.text, x: Geometry.left + wrapped.indent, baseline: y + baselineOffset(style, leading: leading), style: style))
                y += leading
            }
        }
        var bottom = y

        // The debtor's address in the window: a line too long for it is set smaller, then wrapped.
        let addressLeading = 12.5
        y = Geometry.addressBaseline - baselineOffset(Self.address, leading: addressLeading)
        for line in content.recipient {
            let (text, style) = fit(line, style: Self.address, width: Geometry.addressWidth, smallest: 8, truncate: false)
            for wrapped in wrap(text, style: style, width: Geometry.addressWidth) {
                cursor.add(.text(wrapped.text, x: Geometry.addressLeft + wrapped.indent, baseline: y + baselineOffset(style, leading: addressLeading), style: style))
                y += addressLeading
            }
        }
        bottom = max(bottom, y)

        // The place and date below the window, on the right; then how the letter is sent.
        var dateY = max(Geometry.dateBaseline, bottom + Geometry.mm(8)) - baselineOffset(Self.body, leading: Self.bodyLeading)
        for wrapped in wrap(content.placeAndDate, style: Self.body, width: Geometry.right - Geometry.addressLeft) {
            cursor.add(.text(wrapped.text, x: Geometry.addressLeft, baseline: dateY + baselineOffset(Self.body, leading: Self.bodyLeading), style: Self.body))
            dateY += Self.bodyLeading
        }
        cursor.y = dateY + Geometry.mm(3)
        if let mailing = content.mailing, !mailing.isEmpty {
            let mailingStyle = TextStyle(bold: true, size: 9)
            place(wrap(mailing, style: mailingStyle, width: Geometry.contentWidth), style: mailingStyle, leading: 12, into: &cursor)
            cursor.y += Geometry.mm(1)
        }

        for line in content.references {
            place(wrap(line, style: Self.small, width: Geometry.contentWidth), style: Self.small, leading: 12, into: &cursor)
        }
        cursor.y += Geometry.mm(7)
    }

    // MARK: - Flowing text

    enum Alignment {
        case leading
        case centre
    }

    /// A line after wrapping, with the indent of its continuation (hanging lists).
    struct Line {
        var text: String
        var indent: Double
    }

    /// Places `lines` at the cursor, one after the other, breaking the page where needed.
    private func place(
        _ lines: [Line], style: TextStyle, leading: Double, x: Double = Geometry.left,
        width: Double = Geometry.contentWidth, alignment: Alignment = .leading, into cursor: inout Cursor
    ) {
        for line in lines {
            cursor.ensure(leading)
            let left: Double = switch alignment {
            case .leading: x + line.indent
            case .centre: x + max(0, (width - measure(line.text, style)) / 2)
            }
            if !line.text.isEmpty {
                cursor.add(.text(line.text, x: left, baseline: cursor.y + baselineOffset(style, leading: leading), style: style))
            }
            cursor.y += leading
        }
    }

    /// The baseline's distance from the top of a line box of height `leading`.
    private func baselineOffset(_ style: TextStyle, leading: Double) -> Double {
        (leading - style.size) / 2 + style.size * 0.78
    }

    /// Breaks `text` into lines no wider than `width`: at its own line breaks, then between
    /// words (a no-break space never breaks). A word wider than the line is cut. A line that
    /// starts with `- ` (a list item) continues under its text, not under the dash.
    func wrap(_ text: String, style: TextStyle, width: Double) -> [Line] {
        var lines: [Line] = []
        let space = measure(" ", style)
        for hardLine in Self.clean(text).split(separator: "\n", omittingEmptySubsequences: false) {
            let hard = String(hardLine)
            let hanging = hard.hasPrefix("- ") ? measure("- ", style) : 0
            var current = ""
            var currentWidth = 0.0
            var indent = 0.0
            var available = width
            func flush() {
                lines.append(Line(text: current, indent: indent))
                current = ""
                currentWidth = 0
                indent = hanging
                available = width - hanging
            }
            let words = hard.split(separator: " ", omittingEmptySubsequences: true)
            if words.isEmpty {
                lines.append(Line(text: "", indent: 0))
                continue
            }
            for item in words {
                var word = String(item)
                var wordWidth = measure(word, style)
                if !current.isEmpty, currentWidth + space + wordWidth <= available {
                    current += " " + word
                    currentWidth += space + wordWidth
                    continue
                }
                if !current.isEmpty { flush() }
                // A word wider than a whole line is cut where it must be.
                while wordWidth > available, word.count > 1 {
                    var head = ""
                    var headWidth = 0.0
                    for character in word {
                        let characterWidth = measure(String(character), style)
                        if !head.isEmpty, headWidth + characterWidth > available { break }
                        head.append(character)
                        headWidth += characterWidth
                    }
                    current = head
                    flush()
                    word = String(word.dropFirst(head.count))
                    wordWidth = measure(word, style)
                }
                current = word
                currentWidth = wordWidth
            }
            if !current.isEmpty { flush() }
        }
        return lines
    }

    /// Tabs and other control characters become spaces; line breaks stay.
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
            if scalar == "\r" { return nil }
            return scalar.value < 0x20 && scalar != "\n" ? " " : scalar
        }))
    }

    /// `text` in `style` made to fit `width`: set smaller, down to `smallest` points, then (when
    /// `truncate`) cut with an ellipsis.
    private func fit(_ text: String, style: TextStyle, width: Double, smallest: Double, truncate: Bool) -> (String, TextStyle) {
        var style = style
        while measure(text, style) > width, style.size - 0.5 >= smallest {
            style = style.sized(style.size - 0.5)
        }
        guard truncate, measure(text, style) > width else { return (text, style) }
        var cut = text
        while !cut.isEmpty, measure(cut + "…", style) > width { cut.removeLast() }
        return (cut + "…", style)
    }

    // MARK: - Tables

    /// Draws `table` at the cursor; rows that do not fit go on to the next page under a
    /// repeated header. The header is never left alone at the foot of a page.
    private func table(_ table: LetterTable, x: Double, width: Double, into cursor: inout Cursor) {
        guard !table.columns.isEmpty else { return }
        let totalWeight = table.columns.reduce(0) { $0 + $1.weight }
        var widths = table.columns.map { width * $0.weight / totalWeight }
        widths[widths.count - 1] = width - widths.dropLast().reduce(0, +)
        let rowHeight = Self.tableRowHeight
        let bold = TextStyle(bold: true, size: Self.tableText.size)

        func row(_ cells: [String], style: TextStyle) {
            var left = x
            for (index, column) in table.columns.enumerated() {
                let cellWidth = widths[index] - 2 * Self.cellPadding
                let cell = index < cells.count ? cells[index] : ""
                if !cell.isEmpty {
                    let (text, fitted) = fit(Self.clean(cell).split(separator: "\n").joined(separator: " "), style: style, width: cellWidth, smallest: 6, truncate: true)
                    let textX: Double = switch column.alignment {
                    case .leading: left + Self.cellPadding
                    case .trailing: left + widths[index] - Self.cellPadding - measure(text, fitted)
                    }
                    cursor.add(.text(text, x: textX, baseline: cursor.y + baselineOffset(fitted, leading: rowHeight), style: fitted))
                }
                left += widths[index]
            }
        }
        func header() {
            cursor.add(.shade(x: x, top: cursor.y, width: width, height: rowHeight, gray: 0.9))
            row(table.columns.map(\.title), style: bold)
            cursor.y += rowHeight
            cursor.add(.rule(fromX: x, toX: x + width, y: cursor.y, width: 0.6, gray: 0.3))
        }

        cursor.ensure(rowHeight * 3)
        header()
        for cells in table.rows {
            if cursor.ensure(rowHeight) { header() }
            row(cells, style: Self.tableText)
            cursor.y += rowHeight
            cursor.add(.rule(fromX: x, toX: x + width, y: cursor.y, width: 0.3, gray: 0.75))
        }
        if let total = table.totalRow {
            if cursor.ensure(rowHeight) { header() }
            cursor.add(.rule(fromX: x, toX: x + width, y: cursor.y, width: 0.8, gray: 0.2))
            row(total, style: bold)
            cursor.y += rowHeight
        }
    }

    // MARK: - Signature, mentions, footers

    private func signature(_ lines: [String], into cursor: inout Cursor) {
        guard !lines.isEmpty else { return }
        cursor.y += Geometry.mm(4)
        let width = Geometry.right - Geometry.signatureLeft
        let wrapped = lines.enumerated().map { index, line in
            (wrap(line, style: index == 0 ? Self.strong : Self.body, width: width), index == 0 ? Self.strong : Self.body)
        }
        // A signature is never split from itself.
        cursor.ensure(Double(wrapped.reduce(0) { $0 + $1.0.count }) * Self.bodyLeading)
        for (lines, style) in wrapped {
            place(lines, style: style, leading: Self.bodyLeading, x: Geometry.signatureLeft, width: width, into: &cursor)
        }
    }

    private func mentions(_ paragraphs: [String], into cursor: inout Cursor) {
        guard !paragraphs.isEmpty else { return }
        cursor.y += Geometry.mm(8)
        cursor.ensure(Geometry.mm(12))
        cursor.add(.rule(fromX: Geometry.left, toX: Geometry.right, y: cursor.y, width: 0.4, gray: 0.5))
        cursor.y += Geometry.mm(2)
        for paragraph in paragraphs {
            place(wrap(paragraph, style: Self.mention, width: Geometry.contentWidth), style: Self.mention, leading: 9.5, into: &cursor)
            cursor.y += Geometry.mm(1.5)
        }
    }

    /// Adds to every page its footer: `text` on the left, `n/N` on the right.
    private func footers(_ pages: [[PageItem]], text: String) -> [[PageItem]] {
        let count = pages.count
        return pages.enumerated().map { index, items in
            var items = items
            let y = Geometry.footerBaseline
            items.append(.rule(fromX: Geometry.left, toX: Geometry.right, y: y - 10, width: 0.3, gray: 0.6))
            let number = "\(index + 1)/\(count)"
            let numberWidth = measure(number, Self.footer)
            if !text.isEmpty {
                let (fitted, style) = fit(text, style: Self.footer, width: Geometry.contentWidth - numberWidth - Geometry.mm(5), smallest: 6, truncate: true)
                items.append(.text(fitted, x: Geometry.left, baseline: y, style: style))
            }
            items.append(.text(number, x: Geometry.right - numberWidth, baseline: y, style: Self.footer))
            return items
        }
    }

    /// The pages laid out so far and the top of the free space on the last one.
    struct Cursor {
        var pages: [[PageItem]] = [[]]
        var y: Double = 0

        mutating func add(_ item: PageItem) {
            pages[pages.count - 1].append(item)
        }

        /// Starts a new page when `height` does not fit above the bottom margin; true if it did.
        @discardableResult
        mutating func ensure(_ height: Double) -> Bool {
            guard y + height > Geometry.bottom else { return false }
            pages.append([])
            y = Geometry.continuationTop
            return true
        }
    }
}
