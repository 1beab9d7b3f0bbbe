/// A tag's name, split once when the template is loaded: `.` (the current item) or
/// dot-separated segments such as `invoice.number`.
struct TemplateName: Sendable, Hashable {
    /// The name as written, for error messages.
    let text: String
    /// The segments; empty for `.`.
    let segments: [String]

    init(_ text: String) {
        self.text = text
        self.segments = text == "." ? [] : text.split(separator: ".").map(String.init)
    }
}
