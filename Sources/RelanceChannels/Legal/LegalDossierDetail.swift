import Foundation

/// What the outcome of a legal job records (`job_outcomes.detail`): where the PDF request and
/// its JSON manifest are, with their SHA-256, the court, the form, the sum claimed and the
/// warnings' codes.
public struct LegalDossierDetail: Sendable, Hashable, Codable {
    public var pages: Int
    public var pdfPath: String
    public var pdfSHA256: String
    public var manifestPath: String
    public var manifestSHA256: String
    public var court: String
    public var courtConfirmed: Bool
    /// The Cerfa number.
    public var form: String
    /// The sum claimed, as printed.
    public var total: String
    public var warnings: [String]

    enum CodingKeys: String, CodingKey {
        case pages
        case pdfPath = "pdf_path"
        case pdfSHA256 = "pdf_sha256"
        case manifestPath = "manifest_path"
        case manifestSHA256 = "manifest_sha256"
        case court
        case courtConfirmed = "court_confirmed"
        case form
        case total
        case warnings
    }

    public init(
        pages: Int, pdfPath: String, pdfSHA256: String, manifestPath: String, manifestSHA256: String, court: String,
        courtConfirmed: Bool, form: String, total: String, warnings: [String]
    ) {
        self.pages = pages
        self.pdfPath = pdfPath
        self.pdfSHA256 = pdfSHA256
        self.manifestPath = manifestPath
        self.manifestSHA256 = manifestSHA256
        self.court = court
        self.courtConfirmed = courtConfirmed
        self.form = form
        self.total = total
        self.warnings = warnings
    }

    /// The detail as a JSON object with sorted keys.
    public var json: String { OutcomeDetail.json(self) }
}
