/// Where a court dossier stands: written and waiting for a person to review and file it, then
/// filed with the court, or withdrawn (paid meanwhile, abandoned). Stored in
/// `legal_filings.status`.
public enum FilingStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case readyForReview = "ready_for_review"
    case filed
    case withdrawn
}
