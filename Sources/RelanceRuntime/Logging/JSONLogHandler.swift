import Foundation
import Logging
import RelancePipeline
import Synchronization

/// Log lines as JSON objects, one per line on stderr (`--log-format json`): `time` (RFC 3339,
/// milliseconds, UTC), `level`, `logger` (the label), `message`, and each metadata key as a
/// field of its own — `job.id`, `tenant.id`, `channel`, `error`, … where the code logged them —
/// so a log shipper can index them without parsing prose.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let output: JSONLineOutput

    public init(label: String, output: JSONLineOutput = .standardError, metadataProvider: Logger.MetadataProvider? = nil) {
        self.label = label
        self.output = output
        self.metadataProvider = metadataProvider
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields: [String: String] = [:]
        for (key, value) in metadata { fields[key] = Self.text(value) }
        for (key, value) in metadataProvider?.get() ?? [:] { fields[key] = Self.text(value) }
        for (key, value) in event.metadata ?? [:] { fields[key] = Self.text(value) }
        fields["time"] = Date().formatted(Self.timeFormat)
        fields["level"] = event.level.rawValue
        fields["logger"] = label
        fields["message"] = "\(event.message)"
        output.write(JSONObjectText.encode(fields))
    }

    private static let timeFormat = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    private static func text(_ value: Logger.Metadata.Value) -> String {
        switch value {
        case .string(let string): string
        case .stringConvertible(let convertible): convertible.description
        case .array, .dictionary: value.description
        }
    }
}

/// Where JSON log lines go: whole lines, one writer at a time.
public final class JSONLineOutput: Sendable {
    private let write: @Sendable (String) -> Void
    private let lock = Mutex(())

    public init(_ write: @escaping @Sendable (String) -> Void) {
        self.write = write
    }

    public static let standardError = JSONLineOutput { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    func write(_ line: String) {
        lock.withLock { _ in write(line) }
    }
}

/// The log format of a process: `text` (swift-log's default, for people) or `json` (one object
/// per line, for machines).
public enum LogFormat: String, Sendable, CaseIterable {
    case text
    case json

    /// Makes every logger of the process write this format; the first call wins (swift-log
    /// bootstraps once per process).
    public func bootstrap() {
        guard self == .json else { return }
        _ = LogFormat.jsonBootstrapped
    }

    /// Whether this process logs JSON lines (`bootstrap()` was called on `.json`).
    public static var jsonIsActive: Bool { jsonActive.load(ordering: .acquiring) }

    private static let jsonActive = Atomic<Bool>(false)

    private static let jsonBootstrapped: Void = {
        LoggingSystem.bootstrap { label in JSONLogHandler(label: label) }
        jsonActive.store(true, ordering: .releasing)
    }()
}
