/// One loaded template file: for one key, language and tone (nil for `default`), written for
/// one channel, with its parts compiled and their names checked against the context schema.
public struct MessageTemplate: Sendable {
    public let key: String
    public let language: Language
    /// nil for the `default` file, used when no file exists for the requested tone.
    public let tone: Tone?
    public let channel: Channel
    /// Relative path of the file it came from.
    public let path: String

    struct CompiledPart: Sendable {
        let part: TemplateLayout.Part
        let template: CompiledTemplate
    }

    let parts: [CompiledPart]

    public var layout: TemplateLayout { TemplateLayout(channel: channel) }

    /// The part names present in the file, in reading order.
    public var partNames: [String] { parts.map(\.part.name) }

    /// Parses a template file: header lines (`channel: email`), then parts each opened by a
    /// line `@@ name`. Partials are expanded, every part is compiled, and every name is checked
    /// against `schema`.
    init(
        text: String,
        path: String,
        key: String,
        language: Language,
        tone: Tone?,
        partials: [String: String],
        schema: TemplateSchema
    ) throws(TemplateError) {
        var channel: Channel?
        var sections: [(name: String, line: Int, body: [Substring])] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            if line.hasPrefix("@@") {
                let name = String(line.dropFirst(2).trimmedWhitespace)
                guard !name.isEmpty else {
                    throw TemplateError(.invalidStructure, "line \(number): '@@' must be followed by a part name", path: path)
                }
                sections.append((name, number, []))
            } else if sections.isEmpty {
                let header = line.trimmedWhitespace
                if header.isEmpty || header.hasPrefix("#") { continue }
                let pair = header.split(separator: ":", maxSplits: 1)
                guard pair.count == 2, pair[0].trimmedWhitespace == "channel" else {
                    throw TemplateError(.invalidStructure, "line \(number): the header only allows 'channel: <channel>' and # comments, found '\(header)'", path: path)
                }
                let value = String(pair[1].trimmedWhitespace)
                guard let parsed = Channel(rawValue: value) else {
                    let known = Channel.allCases.map(\.rawValue).joined(separator: ", ")
                    throw TemplateError(.invalidStructure, "line \(number): '\(value)' is not a channel (known: \(known))", path: path)
                }
                channel = parsed
            } else {
                sections[sections.count - 1].body.append(line)
            }
        }
        guard let channel else {
            throw TemplateError(.invalidStructure, "the file does not start with a 'channel: <channel>' header", path: path)
        }
        let layout = TemplateLayout(channel: channel)

        var compiled: [CompiledPart] = []
        for section in sections {
            guard let part = layout.part(named: section.name) else {
                let known = layout.parts.map(\.name).joined(separator: ", ")
                throw TemplateError(.invalidStructure, "line \(section.line): '\(section.name)' is not a part of a \(layout.rawValue) template (parts: \(known))", path: path)
            }
            guard !compiled.contains(where: { $0.part.name == section.name }) else {
                throw TemplateError(.invalidStructure, "line \(section.line): part '\(section.name)' appears twice", path: path)
            }
            let body = section.body.joined(separator: "\n")
            do throws(TemplateError) {
                let expanded = try TemplatePartials.expand(body, partials: partials)
                let template = try TemplateTagParser.parse(expanded)
                try TemplateNameChecker.check(template.tags, against: schema)
                compiled.append(CompiledPart(part: part, template: template))
            } catch {
                throw TemplateError(error.code, "part '\(section.name)' (from line \(section.line)): \(error.message)", path: path)
            }
        }
        for part in layout.parts where part.isRequired && !compiled.contains(where: { $0.part.name == part.name }) {
            throw TemplateError(.invalidStructure, "a \(layout.rawValue) template needs a '@@ \(part.name)' part", path: path)
        }

        self.key = key
        self.language = language
        self.tone = tone
        self.channel = channel
        self.path = path
        // Keep the layout's reading order whatever the file's order.
        self.parts = layout.parts.compactMap { part in compiled.first { $0.part.name == part.name } }
    }

    /// Renders every part with `value`, strictly: a name without a value is an error, and so
    /// is a required part that renders empty or a table whose rows differ in width. Only the
    /// HTML part escapes what it prints; plain-text parts keep "Dupont & Fils" as written.
    public func render(value: TemplateValue) throws(TemplateError) -> RenderedMessage {
        try render(data: TemplateData(value))
    }

    /// `render(value:)` for data already in the shape templates render from.
    func render(data: TemplateData) throws(TemplateError) -> RenderedMessage {
        var renderedParts: [(name: String, part: RenderedPart)] = []
        renderedParts.reserveCapacity(parts.count)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4096)
        // By index: copying a compiled part out of the array would retain its four arrays.
        for index in parts.indices {
            let part = parts[index].part
            bytes.removeAll(keepingCapacity: true)
            do throws(TemplateError) {
                try parts[index].template.render(data, escapingHTML: part.kind == .html, into: &bytes)
            } catch {
                throw TemplateError(error.code, "part '\(part.name)': \(error.message)", path: path)
            }
            let rendered = try RenderedPart(utf8: bytes, kind: part.kind, name: part.name, path: path)
            if rendered.isEmpty {
                if part.isRequired {
                    throw TemplateError(.invalidOutput, "part '\(part.name)' rendered empty", path: path)
                }
                continue
            }
            renderedParts.append((part.name, rendered))
        }
        return RenderedMessage(layout: layout, parts: renderedParts)
    }
}
