/// The data a compiled template reads: a `TemplateValue` whose objects are short arrays of
/// fields rather than dictionaries. A message's objects have at most two dozen fields, so
/// finding a name by comparing keys in order costs less than hashing it, and building an
/// object costs no hashing at all (profiled: hashing String keys, to build the data and to
/// look names up, was the largest part of render time).
///
/// Keys are unique within an object, as in the dictionary they stand for; an optional value
/// that is absent has no field.
enum TemplateData: Sendable {
    case text(String)
    case flag(Bool)
    case list([TemplateData])
    case object([Field])

    struct Field: Sendable {
        let key: String
        let value: TemplateData

        init(_ key: String, _ value: TemplateData) {
            self.key = key
            self.value = value
        }
    }

    /// The same data, for rendering.
    init(_ value: TemplateValue) {
        switch value {
        case .text(let text): self = .text(text)
        case .flag(let flag): self = .flag(flag)
        case .list(let items): self = .list(items.map(TemplateData.init))
        case .object(let fields): self = .object(fields.map { Field($0.key, TemplateData($0.value)) })
        }
    }

    /// The field `key` of an object.
    subscript(key: String) -> TemplateData? {
        guard case .object(let fields) = self else { return nil }
        for field in fields where field.key == key { return field.value }
        return nil
    }
}
