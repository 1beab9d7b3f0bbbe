import Foundation

/// A process the drill starts and stops: a `relance` role, or a command it runs to break or
/// mend a service (`pg_ctlcluster`, `rabbitmqctl`, `deploy/cluster.sh`).
final class ChildProcess: @unchecked Sendable {
    let name: String
    private let process: Process

    /// Starts `arguments[0]` with the rest as its arguments, output to `log` (appended).
    init(name: String, arguments: [String], environment: [String: String]? = nil, log: String) throws {
        self.name = name
        process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        if let environment { process.environment = environment }
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        handle.seekToEndOfFile()
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }

    /// The exit status once this process reaped the child itself (see `isRunning`).
    private let reaped = NSLock()
    private var reapedStatus: Int32?

    /// Whether the process still runs. Foundation does not always notice the end of a child
    /// that changed its user (pg_ctlcluster becomes postgres): it is left a zombie and
    /// `Process.isRunning` stays true. So the child is also reaped here, without blocking.
    var isRunning: Bool {
        reaped.lock()
        defer { reaped.unlock() }
        if reapedStatus != nil || !process.isRunning { return false }
        var status: Int32 = 0
        let result = waitpid(process.processIdentifier, &status, WNOHANG)
        if result == process.processIdentifier {
            // Exited: the code in bits 8–15; killed: 128 + the signal, as shells report it.
            reapedStatus = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
            return false
        }
        return !(result == -1 && errno == ECHILD)
    }

    /// The exit status, once the process has ended (-1 if it cannot be known).
    var status: Int32 {
        reaped.lock()
        let own = reapedStatus
        reaped.unlock()
        if let own { return own }
        // Foundation reaped it: its own state follows shortly (reading the status before
        // would trap).
        for _ in 0..<200 where process.isRunning { usleep(5_000) }
        return process.isRunning ? -1 : process.terminationStatus
    }

    func signal(_ number: Int32) { _ = kill(process.processIdentifier, number) }

    /// Waits for the process to end, up to `timeout`; true when it has.
    @discardableResult
    func waitForExit(timeout: Duration) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while isRunning {
            guard ContinuousClock.now < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return true
    }

    /// SIGTERM, then SIGKILL if it has not stopped within `grace`.
    func stop(grace: Duration) async {
        guard isRunning else { return }
        signal(SIGTERM)
        if await !waitForExit(timeout: grace) {
            signal(SIGKILL)
            await waitForExit(timeout: .seconds(10))
        }
    }

    /// Runs a command to its end and returns its exit status and output (both streams).
    static func run(_ arguments: [String], timeout: Duration = .seconds(120)) async throws -> (status: Int32, output: String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("relance-drill-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let executable = arguments[0].hasPrefix("/") ? arguments[0] : try Self.which(arguments[0])
        let child = try ChildProcess(name: arguments[0], arguments: [executable] + arguments.dropFirst(), log: path)
        guard await child.waitForExit(timeout: timeout) else {
            child.signal(SIGKILL)
            throw DrillError("\(arguments.joined(separator: " ")) did not finish within \(timeout)")
        }
        let output = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return (child.status, output)
    }

    /// Runs a command that must succeed; its output.
    static func check(_ arguments: [String], timeout: Duration = .seconds(120)) async throws -> String {
        let (status, output) = try await run(arguments, timeout: timeout)
        guard status == 0 else {
            throw DrillError("\(arguments.joined(separator: " ")) failed with status \(status): \(output.suffix(600))")
        }
        return output
    }

    /// The path of a command found on PATH.
    static func which(_ command: String) throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        let directories: [String] = path.components(separatedBy: ":") + ["/usr/sbin", "/sbin", "/usr/lib/rabbitmq/bin"]
        for directory in directories {
            let path = "\(directory)/\(command)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        throw DrillError("\(command) is not installed (not found on PATH)")
    }
}

/// Why a drill could not run.
public struct DrillError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
