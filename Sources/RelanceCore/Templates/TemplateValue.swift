/// The data a template renders: text, flags, lists and objects. Every text is already
/// formatted for the message's language. An optional value that is absent has no key at all.
public enum TemplateValue: Sendable, Hashable {
    case text(String)
    case flag(Bool)
    case list([TemplateValue])
    case object([String: TemplateValue])

    /// The field `key` of an object.
    public subscript(key: String) -> TemplateValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    /// The text of a `.text` value.
    public var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }
}
