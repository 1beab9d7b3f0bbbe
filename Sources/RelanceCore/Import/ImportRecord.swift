/// What the parser makes of one record of the file: a row ready to store, or every problem
/// found in it (not only the first), so that the user can fix the record in one go.
public enum ImportRecord: Sendable, Hashable {
    case row(ImportRow)
    case invalid([ImportIssue])
}
