import Foundation

/// Reads the files the repository ships (templates/, schemas/compliance/) so that tests run
/// against them, exactly as the application's caller would hand their texts to core.
enum RepositoryFiles {
    /// The repository root, found from this file's path.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent() // Support
        .deletingLastPathComponent() // RelanceCoreTests
        .deletingLastPathComponent() // Tests
        .deletingLastPathComponent() // repository root

    /// Every file under `templates/`, keyed by its path relative to that directory.
    static func templateFiles() throws -> [String: String] {
        let directory = root.appendingPathComponent("templates")
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(directory.standardizedFileURL.path.count + 1))
            files[relative] = try String(contentsOf: url, encoding: .utf8)
        }
        return files
    }

    /// The text of `schemas/compliance/<name>`.
    static func complianceRules(_ name: String = "fr.json") throws -> String {
        try String(contentsOf: root.appendingPathComponent("schemas/compliance/\(name)"), encoding: .utf8)
    }
}
