import Foundation
import RelancePipeline

/// Finds the folders under `schemas/` (rate tables, …) that the executable reads at run time.
///
/// Order: the `RELANCE_SCHEMAS_DIR` environment variable (the path of the `schemas` folder
/// itself; when set it must be right, there is no fallback), else a `schemas/<name>` folder in
/// the current directory or one of its parents, else in the executable's directory or one of
/// its parents (so a build inside a checkout finds the checkout's tables).
public struct ResourceLocator: Sendable {
    public static let environmentVariable = "RELANCE_SCHEMAS_DIR"

    /// A folder that could not be found, with what was tried.
    public struct NotFound: Error, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    public var environment: [String: String]
    public var currentDirectory: URL
    public var executable: URL?

    /// Looks from the process's environment, working directory and executable unless told otherwise.
    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true),
        executable: URL? = Bundle.main.executableURL
    ) {
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.executable = executable
    }

    /// The directory `schemas/<name>`, e.g. `schemas/rates`.
    public func schemasSubdirectory(_ name: String) throws(NotFound) -> URL {
        if let configured = environment[Self.environmentVariable], !configured.isEmpty {
            let candidate = URL(fileURLWithPath: configured, isDirectory: true).appendingPathComponent(name, isDirectory: true)
            guard Self.isDirectory(candidate) else {
                throw NotFound(
                    description: "\(Self.environmentVariable) is set to '\(configured)' but '\(candidate.path)' is not a directory"
                )
            }
            return candidate
        }
        var starts = [currentDirectory]
        if let executable {
            starts.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        for start in starts {
            if let found = Self.walkUp(from: start, looking: "schemas/\(name)") { return found }
        }
        throw NotFound(
            description: "cannot find schemas/\(name) in \(currentDirectory.path), the executable's directory, or their parents; set \(Self.environmentVariable) to the schemas folder"
        )
    }

    /// The `templates/` directory: `RELANCE_TEMPLATES_DIR`, else found like the schemas.
    public func templatesDirectory() throws(NotFound) -> URL {
        if let configured = environment["RELANCE_TEMPLATES_DIR"], !configured.isEmpty {
            let candidate = URL(fileURLWithPath: configured, isDirectory: true)
            guard Self.isDirectory(candidate) else {
                throw NotFound(description: "RELANCE_TEMPLATES_DIR is set to '\(configured)' but it is not a directory")
            }
            return candidate
        }
        var starts = [currentDirectory]
        if let executable {
            starts.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        for start in starts {
            if let found = Self.walkUp(from: start, looking: "templates") { return found }
        }
        throw NotFound(description: "cannot find templates/ from \(currentDirectory.path) or the executable's directory; set RELANCE_TEMPLATES_DIR")
    }

    /// Loads the rate tables, compliance rules and templates the pipeline reads at start-up.
    public func referenceData(schemasOverride: String?) throws -> ReferenceData {
        var locator = self
        if let schemasOverride { locator.environment[Self.environmentVariable] = schemasOverride }
        let rates = try locator.schemasSubdirectory("rates")
        return try ReferenceData.load(
            schemasDirectory: rates.deletingLastPathComponent(),
            templatesDirectory: try locator.templatesDirectory()
        )
    }

    private static func walkUp(from start: URL, looking relative: String) -> URL? {
        var directory = start.standardizedFileURL
        while true {
            let candidate = directory.appendingPathComponent(relative, isDirectory: true)
            if isDirectory(candidate) { return candidate }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return nil }
            directory = parent
        }
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
