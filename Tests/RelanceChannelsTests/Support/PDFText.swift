import Foundation

/// Reads a PDF back as a person would see it, with poppler's `pdftotext -layout` (Debian's
/// poppler-utils, installed by `deploy/install.sh`).
enum PDFText {
    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "pdftotext is not installed: these tests read the letters back with it (apt-get install poppler-utils, or bash deploy/install.sh)"
        }
    }

    struct Failed: Error, CustomStringConvertible {
        let status: Int32
        let arguments: [String]
        var description: String { "pdftotext \(arguments.joined(separator: " ")) exited with status \(status)" }
    }

    /// The first `pdftotext` on the PATH.
    static func executable() throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("pdftotext")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw Missing()
    }

    /// A word as `pdftotext -bbox` places it: its page (from 1) and its box in points from the
    /// page's top-left corner.
    struct Word {
        var text: String
        var page: Int
        var xMin: Double
        var yMin: Double
        var xMax: Double
        var yMax: Double
    }

    /// Every word of the PDF at `path` with its box.
    static func words(_ path: String) throws -> [Word] {
        let html = try run(["-bbox", "-enc", "UTF-8", path, "-"])
        let pattern = try Regex(#"<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>"#)
        var words: [Word] = []
        for (index, page) in html.components(separatedBy: "<page ").dropFirst().enumerated() {
            for match in page.matches(of: pattern) {
                func number(_ position: Int) -> Double { Double(match.output[position].substring.map(String.init) ?? "") ?? 0 }
                let text = match.output[5].substring.map(String.init) ?? ""
                words.append(Word(
                    text: text.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&apos;", with: "'"),
                    page: index + 1, xMin: number(1), yMin: number(2), xMax: number(3), yMax: number(4)
                ))
            }
        }
        return words
    }

    /// The text of the PDF at `path`, page after page (pages separated by form feeds), with the
    /// no-break spaces of French amounts read as plain spaces.
    static func read(_ path: String) throws -> String {
        try run(["-layout", "-enc", "UTF-8", path, "-"]).replacingOccurrences(of: "\u{00A0}", with: " ")
    }

    private static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        // libharu's ToUnicode maps draw syntax warnings from poppler; the text is read all the same.
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failed(status: process.terminationStatus, arguments: arguments)
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The pages of the text `read` returned.
    static func pages(_ text: String) -> [String] {
        var pages = text.components(separatedBy: "\u{000C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages
    }

    /// The last line of a page: its footer, `<sender> – Réf. : … 2/3`.
    static func footer(_ page: String) -> String {
        page.split(separator: "\n").last(where: { !$0.allSatisfy(\.isWhitespace) }).map { flattened(String($0)) } ?? ""
    }

    /// `text` with every run of whitespace made one space: a phrase wrapped over two lines or
    /// spread by the layout still matches.
    static func flattened(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
