/// Every template of an installation, loaded from file texts the caller read (core does no
/// file I/O), checked once at load.
///
/// Paths are relative to the templates directory:
/// - `<lang>/<key>/<tone>.mustache` — a tone variant (`courteous`, `neutral`, `firm`);
/// - `<lang>/<key>/default.mustache` — used when the requested tone has no file;
/// - `<lang>/_partials/<name>.mustache` — text included with `{{> name}}`.
/// Other files (README.md…) are ignored. A leading `templates/` is accepted.
public struct TemplateLibrary: Sendable {
    private struct Slot: Hashable {
        let language: Language
        let key: String
        let tone: Tone?
    }

    private let templates: [Slot: MessageTemplate]

    /// Every key present, in any language.
    public let keys: Set<String>

    /// Loads and checks every template: a malformed path, header or part, a Mustache syntax
    /// error, a missing partial or a name the context schema lacks is an error naming the file.
    public init(files: [String: String], schema: TemplateSchema = MessageContext.schema) throws(TemplateError) {
        var partials: [Language: [String: String]] = [:]
        var entries: [(path: String, text: String, slot: Slot)] = []
        for (rawPath, text) in files {
            var path = rawPath
            if path.hasPrefix("./") { path.removeFirst(2) }
            if path.hasPrefix("templates/") { path.removeFirst("templates/".count) }
            guard path.hasSuffix(".mustache") else { continue }
            let components = path.dropLast(".mustache".count).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard components.count == 3, components.allSatisfy({ !$0.isEmpty }) else {
                throw TemplateError(.invalidPath, "expected <lang>/<key>/<tone|default>.mustache or <lang>/_partials/<name>.mustache", path: path)
            }
            guard let language = Language(rawValue: components[0]) else {
                let known = Language.allCases.map(\.rawValue).joined(separator: ", ")
                throw TemplateError(.invalidPath, "'\(components[0])' is not a template language (known: \(known))", path: path)
            }
            if components[1] == "_partials" {
                partials[language, default: [:]][components[2]] = text
                continue
            }
            let key = components[1]
            guard key.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "." || $0 == "_") }) else {
                throw TemplateError(.invalidPath, "template key '\(key)' may only use a-z, 0-9, '.' and '_'", path: path)
            }
            let tone: Tone?
            if components[2] == "default" {
                tone = nil
            } else if let parsed = Tone(rawValue: components[2]) {
                tone = parsed
            } else {
                throw TemplateError(.invalidPath, "'\(components[2])' is not a tone (courteous, neutral, firm) nor 'default'", path: path)
            }
            entries.append((path, text, Slot(language: language, key: key, tone: tone)))
        }

        var templates: [Slot: MessageTemplate] = [:]
        // Sorted so that the first error reported is the same on every run.
        for entry in entries.sorted(by: { $0.path < $1.path }) {
            let template = try MessageTemplate(
                text: entry.text, path: entry.path, key: entry.slot.key, language: entry.slot.language,
                tone: entry.slot.tone, partials: partials[entry.slot.language] ?? [:], schema: schema
            )
            templates[entry.slot] = template
        }
        // Every tone variant and default of one key must agree on the channel.
        var channels: [String: MessageTemplate] = [:]
        for template in templates.values.sorted(by: { $0.path < $1.path }) {
            if let other = channels[template.key], other.layout != template.layout {
                throw TemplateError(
                    .channelMismatch,
                    "key '\(template.key)' is a \(template.channel.rawValue) template here but a \(other.channel.rawValue) template in \(other.path)",
                    path: template.path
                )
            }
            channels[template.key] = template
        }
        self.templates = templates
        self.keys = Set(templates.keys.map(\.key))
    }

    /// The template for `key` in `language` and `tone`: the tone's own file, else the key's
    /// `default` file. No other fallback: never another language, never another tone.
    public func template(key: String, tone: Tone, language: Language) throws(TemplateError) -> MessageTemplate {
        if let exact = templates[Slot(language: language, key: key, tone: tone)] { return exact }
        if let fallback = templates[Slot(language: language, key: key, tone: nil)] { return fallback }
        guard keys.contains(key) else {
            let known = keys.sorted().joined(separator: ", ")
            throw TemplateError(.unknownKey, "no template has the key '\(key)' (known: \(known))")
        }
        let languages = Set(templates.keys.filter { $0.key == key }.map(\.language))
        guard languages.contains(language) else {
            let known = languages.map(\.rawValue).sorted().joined(separator: ", ")
            throw TemplateError(.missingLanguage, "template '\(key)' exists in \(known) but not in \(language.rawValue)")
        }
        let tones = templates.keys.filter { $0.key == key && $0.language == language }.compactMap(\.tone?.rawValue).sorted()
        throw TemplateError(
            .missingTone,
            "template '\(key)' in \(language.rawValue) has no '\(tone.rawValue)' variant and no default (has: \(tones.joined(separator: ", ")))"
        )
    }

    /// The tones with their own file for `key` in `language` (the default file not included).
    public func tones(key: String, language: Language) -> [Tone] {
        Tone.allCases.filter { templates[Slot(language: language, key: key, tone: $0)] != nil }
    }

    /// True when `key` has a `default` file in `language`.
    public func hasDefault(key: String, language: Language) -> Bool {
        templates[Slot(language: language, key: key, tone: nil)] != nil
    }
}
