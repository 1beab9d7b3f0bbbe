import Foundation

/// What the outcome of a letter records (`job_outcomes.detail`): its pages, the SHA-256 of the
/// file, whether it goes registered, to whom, its title, and where the file is.
public struct LetterDeliveryDetail: Sendable, Hashable, Codable {
    public var pages: Int
    public var sha256: String
    public var registered: Bool
    /// The address block, its lines joined by `, `.
    public var recipient: String
    public var title: String
    /// The file, as a `file://` URI.
    public var artefactURI: String

    public init(pages: Int, sha256: String, registered: Bool, recipient: String, title: String, artefactURI: String) {
        self.pages = pages
        self.sha256 = sha256
        self.registered = registered
        self.recipient = recipient
        self.title = title
        self.artefactURI = artefactURI
    }

    /// The detail as a JSON object with sorted keys.
    public var json: String { OutcomeDetail.json(self) }
}
