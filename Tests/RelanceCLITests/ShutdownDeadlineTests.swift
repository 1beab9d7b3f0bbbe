import Foundation
import RelanceTestSupport
import Testing

/// SIGTERM stops a role within its deadline even when what it waits on never answers.
@Suite("Shutdown deadline")
struct ShutdownDeadlineTests {
    @Test(
        "SIGTERM to a worker whose broker is frozen (SIGSTOP): it stops within --shutdown-timeout plus the 5 s of cancellation, not waiting on the broker",
        .enabled(if: ChaosNode.available || ChaosNode.required, ChaosNode.skipReason)
    )
    func workerStopsWithFrozenBroker() async throws {
        try await ChaosLock.withLock {
            let log = FileManager.default.temporaryDirectory.appendingPathComponent("relance-shutdown-\(UUID().uuidString).log")
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            defer { try? FileManager.default.removeItem(at: log) }
            let handle = try FileHandle(forWritingTo: log)
            let worker = Process()
            worker.executableURL = try RelanceProcess.binary()
            worker.arguments = ["worker", "--channel", "email", "--shutdown-timeout", "2", "--amqp-url", ChaosNode.url + "?heartbeat=600",
                                "--log-level", "info"]
            // A role still stuck when the cancellation time is up is stopped by the service
            // group's fatal error; Swift's crash reporter then symbolicates a backtrace, which
            // took 18 s on a loaded machine. The deadline under test is the role's, not the
            // reporter's: it is turned off here.
            var environment = ProcessInfo.processInfo.environment
            environment["SWIFT_BACKTRACE"] = "enable=no"
            environment["RELANCE_CHANNELS"] = "record"
            worker.environment = environment
            worker.standardOutput = handle
            worker.standardError = handle
            try worker.run()
            defer { if worker.isRunning { kill(worker.processIdentifier, SIGKILL) } }

            // Consuming, then the broker freezes under it.
            #expect(try await Self.waitFor { (try? String(contentsOf: log, encoding: .utf8))?.contains("Worker consuming") == true })
            try await Task.sleep(for: .seconds(1))
            let brokerPid = try ChaosNode.pid()
            kill(brokerPid, SIGSTOP)
            defer { kill(brokerPid, SIGCONT) }
            try await Task.sleep(for: .seconds(1))

            let start = ContinuousClock.now
            kill(worker.processIdentifier, SIGTERM)
            let stopped = try await Self.waitFor(seconds: 60) { !worker.isRunning }
            let took = ContinuousClock.now - start
            let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            #expect(stopped, "the worker did not stop within 60 s of SIGTERM with its broker frozen:\n\(output.suffix(6000))")
            // 2 s to finish, 5 s to cancel, and room for a loaded machine; a wait on the frozen
            // broker would take as long as the freeze.
            #expect(took < .seconds(25), "stopped after \(took):\n\(output.suffix(6000))")
        }
    }

    /// Polls `condition` every 100 ms for up to `seconds`.
    static func waitFor(seconds: Double = 60, _ condition: () throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < deadline {
            if try condition() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try condition()
    }
}

/// rabbitmqctl did not give the node's pid.
struct NodeNotFound: Error, CustomStringConvertible {
    let output: String
    var description: String { "cannot read the chaos node's pid from rabbitmqctl: \(output)" }
}

extension ChaosNode {
    /// The operating-system process of the chaos node.
    static func pid() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/rabbitmqctl")
        process.arguments = ["-n", node, "eval", "os:getpid()."]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard let pid = Int32(text.filter(\.isNumber)) else {
            throw NodeNotFound(output: text)
        }
        return pid
    }
}
