/// A rendered email: subject, plain-text body and optional HTML body.
public struct RenderedEmail: Sendable, Hashable {
    public let subject: String
    public let text: String
    public let html: String?

    public init(subject: String, text: String, html: String? = nil) {
        self.subject = subject
        self.text = text
        self.html = html
    }

    public var plainText: String { subject + "\n\n" + text }
}
