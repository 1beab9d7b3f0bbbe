import Foundation

/// The pipeline's processes in one drill run: one `relance dispatcher` (dispatcher and relay)
/// and `relance worker`s, started from this executable with the drill's environment, each
/// logging to a file of its own in the run's folder.
final class DrillRoles: @unchecked Sendable {
    let folder: String
    let environment: [String: String]
    let contactLog: String
    private let lock = NSLock()
    private var dispatcher: ChildProcess?
    private var workers: [ChildProcess] = []
    private var started = 0

    init(folder: String, environment: [String: String], contactLog: String) {
        self.folder = folder
        self.environment = environment
        self.contactLog = contactLog
    }

    /// This executable: the roles run the same build as the drill.
    private static var executable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    private func start(_ role: String, _ arguments: [String]) throws -> ChildProcess {
        lock.lock()
        started += 1
        let number = started
        lock.unlock()
        return try ChildProcess(name: "\(role)-\(number)", arguments: [Self.executable, role] + arguments,
                                environment: environment, log: "\(folder)/\(role)-\(number).log")
    }

    func startDispatcher() throws {
        let process = try start("dispatcher", ["--poll-interval", "1"])
        lock.withLock { dispatcher = process }
    }

    func startWorker() throws {
        let process = try start("worker", ["--contact-log", contactLog])
        lock.withLock { workers.append(process) }
    }

    /// The roles running now.
    func running() -> [ChildProcess] {
        lock.withLock { (dispatcher.map { [$0] } ?? []) + workers }
    }

    /// kill -9 of the dispatcher; its pid.
    func killDispatcher() -> Int32 {
        let process = lock.withLock { () -> ChildProcess? in
            let current = dispatcher
            dispatcher = nil
            return current
        }
        process?.signal(SIGKILL)
        return process?.pid ?? 0
    }

    /// Stops the `count` newest workers gracefully (SIGTERM, then waits for them).
    func stopWorkers(_ count: Int) async {
        let leaving = lock.withLock { () -> [ChildProcess] in
            let leaving = Array(workers.suffix(count))
            workers.removeLast(min(count, workers.count))
            return leaving
        }
        for process in leaving { await process.stop(grace: .seconds(45)) }
    }

    /// Stops every role gracefully (SIGTERM; SIGKILL past 45 s).
    func stopAll() async {
        let all = lock.withLock { () -> [ChildProcess] in
            let all = (dispatcher.map { [$0] } ?? []) + workers
            dispatcher = nil
            workers = []
            return all
        }
        for process in all { process.signal(SIGTERM) }
        for process in all { await process.stop(grace: .seconds(45)) }
    }
}
