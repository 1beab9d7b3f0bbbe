/// The two shapes a bulk invoice import arrives in. The raw values are the ones a request or
/// a file extension names.
public enum ImportFormat: String, Sendable, Hashable, CaseIterable {
    /// RFC 4180 CSV with a header line naming the columns.
    case csv
    /// One flat JSON object per line, keyed by the same names as the CSV columns.
    case jsonLines = "jsonl"
}
