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

    /// The value the name reads, as Mustache resolves it: the first segment from the innermost
    /// scope outwards, the following segments inside the value found (no going back out).
    func resolve(in scopes: [TemplateData]) -> TemplateData? {
        guard let first = segments.first else { return scopes.last }
        var index = scopes.count
        while index > 0 {
            index -= 1
            guard var current = scopes[index][first] else { continue }
            for position in 1..<segments.count {
                guard let next = current[segments[position]] else { return nil }
                current = next
            }
            return current
        }
        return nil
    }
}
