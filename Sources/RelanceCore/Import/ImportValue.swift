/// A field's value as the file gives it, trimmed and never empty (an empty value is absent).
/// CSV gives only text; JSON also gives numbers, booleans and the nested values rows may not hold.
enum ImportValue: Sendable, Hashable {
    case text(String)
    /// A JSON number with no fraction and no exponent, as written.
    case integer(String)
    /// Any other JSON number, as written.
    case number(String)
    case boolean(Bool)
    /// A JSON object or array.
    case nested
}
