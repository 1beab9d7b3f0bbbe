import RelanceCore

/// A letter that cannot be written: its content is incomplete, a font is missing, or libharu
/// failed. The code is stable for programs and logs; the message is for people.
public struct LetterError: Error, Sendable, Hashable, CustomStringConvertible {
    public typealias Code = ErrorCode<LetterError>

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

extension ErrorCode where Domain == LetterError {
    /// The letter lacks something it cannot be posted without (the debtor's postal address,
    /// a sender, an invoice).
    public static var incompleteLetter: Self { Self(name: "incomplete_letter") }
    /// The letter's message could not be rendered from its template.
    public static var rendering: Self { Self(name: "rendering") }
    /// A font file is missing or unreadable.
    public static var font: Self { Self(name: "font") }
    /// libharu reported an error while the PDF was written.
    public static var pdf: Self { Self(name: "pdf") }
}
