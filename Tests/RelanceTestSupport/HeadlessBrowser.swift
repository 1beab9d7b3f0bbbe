import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Debian's chromium, headless, as a test opens a page: the DOM after the page ran (`--dump-dom`),
/// a PNG of it (`--screenshot`), and whatever the page wrote to its console — chromium prints
/// console messages and uncaught errors on stderr with `--enable-logging=stderr` as
/// `[…:INFO:CONSOLE:1] "Uncaught ReferenceError: …", source: … (1)`. Each run has a profile of
/// its own (a fresh temporary directory): no cookie outlives a run.
public struct HeadlessBrowser: Sendable {
    /// The chromium binary.
    public let executable: String

    /// What one run of the browser saw.
    public struct Visit: Sendable {
        /// The serialised DOM (empty for a screenshot).
        public var dom: String
        /// Lines chromium logged for the page's console: messages and uncaught errors.
        public var consoleMessages: [String]
        /// Chromium's whole stderr, for a failure's message.
        public var log: String
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Set by CI (deploy/test.sh): the browser tests must run, and fail when chromium is missing.
    public static var required: Bool {
        ProcessInfo.processInfo.environment["RELANCE_REQUIRE_BROWSER"].map { !$0.isEmpty && $0 != "0" } ?? false
    }

    public static let missingReason = "chromium is not installed: install it with `bash deploy/install.sh` (Debian's chromium package); RELANCE_REQUIRE_BROWSER=1 makes this a failure"

    /// The first of chromium, chromium-browser on the PATH (or RELANCE_CHROMIUM), or nil.
    public static func find() -> HeadlessBrowser? {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["RELANCE_CHROMIUM"], FileManager.default.isExecutableFile(atPath: path) {
            return HeadlessBrowser(executable: path)
        }
        let directories = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/snap/bin"]
        for name in ["chromium", "chromium-browser"] {
            for directory in directories {
                let path = directory + "/" + name
                if FileManager.default.isExecutableFile(atPath: path) { return HeadlessBrowser(executable: path) }
            }
        }
        return nil
    }

    /// The browser for a test: nil (with the reason printed) when it is missing and not
    /// required; a thrown failure when it is missing and required.
    public static func forTest(_ suite: String) throws -> HeadlessBrowser? {
        if let browser = find() { return browser }
        if required { throw Failure(description: missingReason) }
        print("\(suite): skipping the headless browser test: \(missingReason)")
        return nil
    }

    public init(executable: String) {
        self.executable = executable
    }

    /// Loads `url` and returns the DOM after the page ran.
    public func dumpDOM(_ url: String) async throws -> Visit {
        try await run(["--dump-dom", url])
    }

    /// Loads `url` and saves a PNG of the first `height` pixels at 1280 wide to `path`.
    public func screenshot(_ url: String, to path: String, width: Int = 1280, height: Int) async throws -> Visit {
        try? FileManager.default.removeItem(atPath: path)
        let visit = try await run(["--screenshot=\(path)", "--window-size=\(width),\(height)", "--hide-scrollbars", url])
        guard FileManager.default.fileExists(atPath: path) else {
            throw Failure(description: "chromium wrote no screenshot at \(path):\n\(visit.log)")
        }
        return visit
    }

    private func run(_ arguments: [String], timeout: Duration = .seconds(90)) async throws -> Visit {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("relance-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let stdoutURL = scratch.appendingPathComponent("stdout")
        let stderrURL = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        let stdout = try FileHandle(forWritingTo: stdoutURL)
        let stderr = try FileHandle(forWritingTo: stderrURL)
        defer {
            try? stdout.close()
            try? stderr.close()
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync",
            "--user-data-dir=\(scratch.appendingPathComponent("profile").path)",
            "--enable-logging=stderr", "--v=0",
        ] + arguments
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice

        let running = RunningProcess(process)
        let status: Int32 = try await waitForExit(timeout: timeout, onTimeout: { running.terminate() }) { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: Failure(description: "chromium could not start (\(executable)): \(error)"))
            }
        }

        let dom = String(decoding: (try? Data(contentsOf: stdoutURL)) ?? Data(), as: UTF8.self)
        let log = String(decoding: (try? Data(contentsOf: stderrURL)) ?? Data(), as: UTF8.self)
        guard status == 0 else {
            throw Failure(description: "chromium exited with status \(status):\n\(log)")
        }
        let console = log.split(separator: "\n").filter { $0.contains(":CONSOLE") || $0.contains("Uncaught") }.map(String.init)
        return Visit(dom: dom, consoleMessages: console, log: log)
    }
}

/// Waits for a continuation-based call, calling `onTimeout` once if it takes longer than
/// `timeout` (the call itself must then finish, as a terminated process does).
private func waitForExit<T: Sendable>(
    timeout: Duration,
    onTimeout: @escaping @Sendable () -> Void,
    _ body: (CheckedContinuation<T, any Error>) -> Void
) async throws -> T {
    let watchdog = Task {
        try await Task.sleep(for: timeout)
        onTimeout()
    }
    defer { watchdog.cancel() }
    return try await withCheckedThrowingContinuation(body)
}

/// A started process the watchdog may terminate from another task.
private final class RunningProcess: @unchecked Sendable {
    // Only `terminate()` is called from elsewhere; Foundation's Process allows that.
    private let process: Process
    init(_ process: Process) { self.process = process }
    func terminate() { if process.isRunning { process.terminate() } }
}
