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

    /// The same data as the public value type: objects become dictionaries.
    init(_ data: TemplateData) {
        switch data {
        case .text(let text): self = .text(text)
        case .flag(let flag): self = .flag(flag)
        case .list(let items): self = .list(items.map(TemplateValue.init))
        case .object(let fields):
            self = .object(Dictionary(uniqueKeysWithValues: fields.map { ($0.key, TemplateValue($0.value)) }))
        }
    }
}
