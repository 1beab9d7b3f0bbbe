/// The shape of the data templates may use: which names exist, which are texts, flags, lists
/// or objects, and which are optional. Templates are checked against it when loaded, so a
/// misspelt or unknown name is a load error, never an empty hole in a letter.
public indirect enum TemplateSchema: Sendable, Hashable, CustomStringConvertible {
    case text
    case flag
    case list(TemplateSchema)
    case object([String: TemplateSchema])
    /// May be absent: templates may only use it inside `{{#name}}…{{/name}}`.
    case optional(TemplateSchema)

    /// Lowercase noun for error messages.
    public var description: String {
        switch self {
        case .text: "text"
        case .flag: "flag"
        case .list: "list"
        case .object: "object"
        case .optional(let wrapped): "optional \(wrapped)"
        }
    }

    /// Every dotted name the schema defines (lists as `name[]`), for documentation and errors.
    public func names(prefix: String = "") -> [String] {
        switch self {
        case .text, .flag:
            return [prefix]
        case .optional(let wrapped):
            return wrapped.names(prefix: prefix)
        case .list(let element):
            let inner = element.names(prefix: "")
            return [prefix + "[]"] + inner.filter { !$0.isEmpty }.map { "\(prefix)[].\($0)" }
        case .object(let fields):
            return fields.keys.sorted().flatMap { key in
                fields[key]!.names(prefix: prefix.isEmpty ? key : "\(prefix).\(key)")
            }
        }
    }

    /// True when `value` has exactly this shape: every required field present, no unknown field.
    public func accepts(_ value: TemplateValue) -> Bool {
        switch (self, value) {
        case (.text, .text), (.flag, .flag):
            return true
        case (.optional(let wrapped), _):
            return wrapped.accepts(value)
        case (.list(let element), .list(let items)):
            return items.allSatisfy { element.accepts($0) }
        case (.object(let fields), .object(let values)):
            guard Set(values.keys).isSubset(of: Set(fields.keys)) else { return false }
            return fields.allSatisfy { key, schema in
                guard let value = values[key] else {
                    if case .optional = schema { return true }
                    return false
                }
                return schema.accepts(value)
            }
        default:
            return false
        }
    }
}
