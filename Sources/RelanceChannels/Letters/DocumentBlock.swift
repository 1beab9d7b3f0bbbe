/// A piece of a document that is not a letter (a court dossier), as `LetterTypesetter` lays it
/// out: the document is a list of blocks flowing from page to page.
enum DocumentBlock: Sendable, Hashable {
    /// Centred, large and bold.
    case title(String)
    /// A section heading, bold, ruled under, kept with what follows.
    case heading(String)
    /// Body text; its own line breaks stay, `- ` lines hang.
    case paragraph(String)
    /// Smaller text (references, notes).
    case note(String)
    /// A table over the full width, its header repeated on each page it spans.
    case table(LetterTable)
}
