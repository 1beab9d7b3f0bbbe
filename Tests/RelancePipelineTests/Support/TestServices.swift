import Foundation
import Logging
import PostgresNIO
import RelanceStore
import RelanceTestSupport

/// The local services the pipeline tests use, and how each test isolates itself.
enum TestServices {
    /// `amqp://user:pass@host:port/` of the main broker; a test appends its own vhost.
    static var amqpBase: String {
        ProcessInfo.processInfo.environment["RELANCE_TEST_AMQP_BASE"] ?? "amqp://relance:relance@127.0.0.1:5672/"
    }

    static var chaosAMQPBase: String {
        ProcessInfo.processInfo.environment["RELANCE_TEST_CHAOS_AMQP_BASE"] ?? "amqp://relance:relance@127.0.0.1:5673/"
    }

    static var chaosNode: String {
        ProcessInfo.processInfo.environment["RELANCE_CHAOS_NODE"] ?? "chaos@localhost"
    }

    static var chaosRequired: Bool {
        ProcessInfo.processInfo.environment["RELANCE_REQUIRE_CHAOS"].map { !$0.isEmpty && $0 != "0" } ?? false
    }

    /// Runs `rabbitmqctl` (on `node`, or the main node) off the cooperative pool's threads.
    static func rabbitmqctl(node: String? = nil, _ arguments: String...) async throws {
        try await run("/usr/sbin/rabbitmqctl", ["-q"] + (node.map { ["-n", $0] } ?? []) + arguments)
    }

    /// Runs a program and waits for it; throws when it exits non-zero.
    static func run(_ path: String, _ arguments: [String]) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        guard status == 0 else {
            throw CommandFailed(description: "\(path) \(arguments.joined(separator: " ")) exited with \(status)")
        }
    }

    struct CommandFailed: Error, CustomStringConvertible {
        let description: String
    }
}

extension TestServices {
    /// Whether the chaos tests run: always when RELANCE_REQUIRE_CHAOS is set (they then fail
    /// if the node is missing), otherwise only when the node's port answers.
    static func chaosTestsEnabled() async -> Bool {
        if chaosRequired { return true }
        do {
            try await rabbitmqctl(node: chaosNode, "status")
            return true
        } catch {
            return false
        }
    }
}
