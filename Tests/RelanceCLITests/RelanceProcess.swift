import Foundation
import Testing

/// Runs the built `relance` executable and captures what a user would see.
struct RelanceProcess {
    struct Output: Sendable {
        let status: Int32
        let stdout: String
        let stderr: String

        /// stdout parsed as a JSON object.
        func json() throws -> [String: Any] {
            let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
            return try #require(object as? [String: Any], "stdout is not a JSON object: \(stdout)")
        }

        /// The non-empty lines written to stderr.
        var stderrLines: [Substring] { stderr.split(separator: "\n") }
    }

    /// The repository root, from this file's location.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // RelanceCLITests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// The `relance` binary: `RELANCE_BINARY` if set, else the one SwiftPM built next to this test
    /// bundle (the same `.build/<triple>/<configuration>` folder).
    static func binary() throws -> URL {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["RELANCE_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        var starts: [URL] = []
        if let executable = Bundle.main.executableURL { starts.append(executable) }
        starts.append(contentsOf: Bundle.allBundles.filter { $0.bundlePath.hasSuffix(".xctest") }.map(\.bundleURL))
        starts.append(URL(fileURLWithPath: CommandLine.arguments[0]))
        for start in starts {
            var directory = start.resolvingSymlinksInPath().deletingLastPathComponent()
            for _ in 0..<4 {
                let candidate = directory.appendingPathComponent("relance")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                directory.deleteLastPathComponent()
            }
        }
        throw BinaryNotFound(searched: starts.map(\.path))
    }

    struct BinaryNotFound: Error, CustomStringConvertible {
        let searched: [String]
        var description: String {
            "the relance executable was not found next to \(searched.joined(separator: ", ")); run `swift build` first or set RELANCE_BINARY"
        }
    }

    /// Runs `relance <arguments>` in `directory` with `environment` added to (or, for nil values,
    /// removed from) the test's own environment.
    static func run(
        _ arguments: [String],
        in directory: URL = repository,
        environment: [String: String?] = [:]
    ) throws -> Output {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var merged = ProcessInfo.processInfo.environment
        merged["RELANCE_SCHEMAS_DIR"] = nil
        for (key, value) in environment { merged[key] = value }
        process.environment = merged

        // Files rather than pipes: no risk of a full pipe blocking the child.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("relance-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Output(
            status: process.terminationStatus,
            stdout: try String(contentsOf: outURL, encoding: .utf8),
            stderr: try String(contentsOf: errURL, encoding: .utf8)
        )
    }

    /// `run` on a thread of its own, for commands that take long (a drill): waiting on the
    /// cooperative pool would take one of its few threads from every other test meanwhile.
    static func runOffPool(_ arguments: [String]) async throws -> Output {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Output, any Error>) in
            let thread = Thread {
                do {
                    continuation.resume(returning: try run(arguments))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.start()
        }
    }

    /// A scratch `schemas` folder holding a copy of the shipped rate tables, for tests that edit them.
    static func copyOfSchemas() throws -> URL {
        let schemas = FileManager.default.temporaryDirectory.appendingPathComponent("relance-schemas-\(UUID().uuidString)/schemas")
        try FileManager.default.createDirectory(at: schemas, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: repository.appendingPathComponent("schemas/rates"),
            to: schemas.appendingPathComponent("rates")
        )
        return schemas
    }
}
