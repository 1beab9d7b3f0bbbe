/// Checks, when a template is loaded, that every name it reads exists in the context schema
/// with the right type. (At render time `CompiledTemplate` checks the actual data as it goes.)
///
/// Names resolve as Mustache resolves them: the first segment is looked up from the innermost
/// section outwards, the following segments inside it.
enum TemplateNameChecker {
    private struct SchemaScope {
        let schema: TemplateSchema
        let path: String
    }

    static func check(_ nodes: [TemplateNode], against schema: TemplateSchema) throws(TemplateError) {
        var guarded: Set<String> = []
        try check(nodes, scopes: [SchemaScope(schema: schema, path: "")], guarded: &guarded)
    }

    private static func check(_ nodes: [TemplateNode], scopes: [SchemaScope], guarded: inout Set<String>) throws(TemplateError) {
        for node in nodes {
            switch node {
            case .variable(let name, let line):
                let (schema, path) = try resolve(name, in: scopes, guarded: guarded, line: line)
                switch schema {
                case .text:
                    break
                case .optional(.text) where guarded.contains(path):
                    break
                case .optional:
                    throw TemplateError(.misusedVariable, "line \(line): '\(name)' may be absent; use it inside {{#\(name)}}…{{/\(name)}}")
                default:
                    throw TemplateError(.misusedVariable, "line \(line): '\(name)' is a \(schema), not a text; use a section {{#\(name)}}…{{/\(name)}}")
                }
            case .section(let name, let inverted, let children, let line):
                let (schema, path) = try resolve(name, in: scopes, guarded: guarded, line: line)
                if inverted {
                    switch schema {
                    case .flag, .list, .optional:
                        try check(children, scopes: scopes, guarded: &guarded)
                    default:
                        throw TemplateError(.misusedVariable, "line \(line): {{^\(name)}} tests a \(schema), which is never empty")
                    }
                    continue
                }
                switch schema {
                case .flag:
                    try check(children, scopes: scopes, guarded: &guarded)
                case .list(let element):
                    try check(children, scopes: scopes + [SchemaScope(schema: element, path: path + "[]")], guarded: &guarded)
                case .object:
                    try check(children, scopes: scopes + [SchemaScope(schema: schema, path: path)], guarded: &guarded)
                case .optional(let wrapped):
                    let wasGuarded = guarded.contains(path)
                    guarded.insert(path)
                    try check(children, scopes: scopes + [SchemaScope(schema: wrapped, path: path)], guarded: &guarded)
                    if !wasGuarded { guarded.remove(path) }
                case .text:
                    throw TemplateError(.misusedVariable, "line \(line): {{#\(name)}} opens a section on a text; print it with {{\(name)}}")
                }
            }
        }
    }

    private static func resolve(_ name: String, in scopes: [SchemaScope], guarded: Set<String>, line: Int) throws(TemplateError) -> (TemplateSchema, String) {
        if name == "." {
            let top = scopes[scopes.count - 1]
            return (top.schema, top.path)
        }
        let segments = name.split(separator: ".").map(String.init)
        for scope in scopes.reversed() {
            guard case .object(let fields) = scope.schema, var current = fields[segments[0]] else { continue }
            var path = scope.path.isEmpty ? segments[0] : "\(scope.path).\(segments[0])"
            for segment in segments.dropFirst() {
                if case .optional(let wrapped) = current {
                    guard guarded.contains(path) else {
                        let optionalName = path
                        throw TemplateError(.misusedVariable, "line \(line): '\(name)' reads inside '\(optionalName)', which may be absent; use it inside {{#\(optionalName)}}…{{/\(optionalName)}}")
                    }
                    current = wrapped
                }
                guard case .object(let inner) = current, let next = inner[segment] else {
                    throw TemplateError(.unknownVariable, "line \(line): '\(name)' is not a variable: '\(path)' has no '\(segment)'")
                }
                current = next
                path += ".\(segment)"
            }
            return (current, path)
        }
        throw TemplateError(.unknownVariable, "line \(line): '\(name)' is not a variable of the message context")
    }
}
