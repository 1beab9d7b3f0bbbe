/// A rendered email: subject, plain-text body and optional HTML body.
public struct RenderedEmail: Sendable, Hashable {
    public let subject: String
    public let text: String
    public let html: String?

    public var plainText: String { subject + "\n\n" + text }
}
