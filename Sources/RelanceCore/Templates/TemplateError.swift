/// A template that cannot be loaded or a message that cannot be rendered. The message names
/// the template file and, where it applies, the line and the variable.
public struct TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    public typealias Code = ErrorCode<TemplateError>

    public let code: Code
    public let message: String
    /// The template file concerned, relative to the templates directory.
    public let path: String?
    /// For `missingMandatoryMentions`: each mention missing.
    public let mentions: [AgencyMentionError]

    public init(_ code: Code, _ message: String, path: String? = nil, mentions: [AgencyMentionError] = []) {
        self.code = code
        self.message = message
        self.path = path
        self.mentions = mentions
    }

    func at(_ path: String) -> TemplateError {
        TemplateError(code, message, path: self.path ?? path, mentions: mentions)
    }

    public var description: String {
        path.map { "\($0): \(message)" } ?? message
    }
}

extension ErrorCode where Domain == TemplateError {
    /// A file path that is not `<lang>/<key>/<tone|default>.mustache` or `<lang>/_partials/<name>.mustache`.
    public static var invalidPath: Self { Self(name: "invalid_path") }
    /// The header or the `@@ part` structure of a template file is wrong.
    public static var invalidStructure: Self { Self(name: "invalid_structure") }
    /// Mustache syntax Relance templates do not accept.
    public static var syntax: Self { Self(name: "syntax") }
    /// A name the context schema does not define.
    public static var unknownVariable: Self { Self(name: "unknown_variable") }
    /// A name used in a way its type does not allow, or an optional used outside its section.
    public static var misusedVariable: Self { Self(name: "misused_variable") }
    /// A partial that does not exist, or partials that include each other.
    public static var invalidPartial: Self { Self(name: "invalid_partial") }
    /// No template for this key in any language.
    public static var unknownKey: Self { Self(name: "unknown_key") }
    /// The key exists, but not in this language.
    public static var missingLanguage: Self { Self(name: "missing_language") }
    /// The key exists in this language, but neither the tone variant nor `default`.
    public static var missingTone: Self { Self(name: "missing_tone") }
    /// The template is written for another channel.
    public static var channelMismatch: Self { Self(name: "channel_mismatch") }
    /// The rendering context is inconsistent (mixed currencies, no invoice…).
    public static var invalidContext: Self { Self(name: "invalid_context") }
    /// At render time, a name has no value (strict rendering).
    public static var unresolvedVariable: Self { Self(name: "unresolved_variable") }
    /// A rendered part is empty where content is required, or a table is ragged.
    public static var invalidOutput: Self { Self(name: "invalid_output") }
    /// A collection agency's message lacks a mention the law requires.
    public static var missingMandatoryMentions: Self { Self(name: "missing_mandatory_mentions") }
}
