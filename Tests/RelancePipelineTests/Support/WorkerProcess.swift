import Foundation
import Glibc
import RelanceStore

/// A `relance worker` process against a test's database and vhost.
final class WorkerProcess: Sendable {
    let process: Process

    private init(process: Process) { self.process = process }

    static func start(_ harness: PipelineHarness) throws -> WorkerProcess {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = ["worker", "--prefetch", "100", "--log-level", "error"]
        var environment = ProcessInfo.processInfo.environment
        environment["RELANCE_DATABASE_URL"] = "postgres://\(harness.databaseURL.username):\(harness.databaseURL.password ?? "")@\(harness.databaseURL.host):\(harness.databaseURL.port)/\(harness.databaseURL.database)"
        environment["RELANCE_AMQP_URL"] = harness.amqpURL
        environment["RELANCE_SCHEMAS_DIR"] = PipelineHarness.repositoryRoot.appendingPathComponent("schemas").path
        environment["RELANCE_TEMPLATES_DIR"] = PipelineHarness.repositoryRoot.appendingPathComponent("templates").path
        environment["RELANCE_CHANNELS"] = "record"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.standardError
        try process.run()
        return WorkerProcess(process: process)
    }

    /// SIGKILL: no chance to finish anything.
    func kill9() {
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// SIGTERM, then wait for the graceful exit.
    func terminate() {
        process.terminate()
        process.waitUntilExit()
    }

    /// The `relance` executable built next to the test bundle.
    static func binary() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["RELANCE_BINARY"] { return URL(fileURLWithPath: path) }
        var starts: [URL] = Bundle.allBundles.filter { $0.bundlePath.hasSuffix(".xctest") }.map(\.bundleURL)
        starts.append(URL(fileURLWithPath: CommandLine.arguments[0]))
        for start in starts {
            var directory = start.deletingLastPathComponent()
            for _ in 0..<4 {
                let candidate = directory.appendingPathComponent("relance")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                directory = directory.deletingLastPathComponent()
            }
        }
        throw TestServices.CommandFailed(description: "the relance executable was not found next to the test bundle; run swift build first")
    }
}
