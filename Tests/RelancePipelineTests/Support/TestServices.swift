import Foundation
import Logging
import PostgresNIO
import RelanceStore

/// The local services the pipeline tests use, and how each test isolates itself.
enum TestServices {
    static var databaseServerURL: DatabaseURL {
        let text = ProcessInfo.processInfo.environment["RELANCE_TEST_DATABASE_URL"]
            ?? "postgres://relance:relance@127.0.0.1:5432/relance_test"
        return try! DatabaseURL(text)
    }

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

    static let logger: Logger = {
        var logger = Logger(label: "relance.pipeline-tests.db")
        logger.logLevel = .warning
        return logger
    }()

    /// Runs `body` against a fresh database with every migration applied, then drops it.
    static func withMigratedDatabase<Result: Sendable>(
        _ body: @Sendable (DatabaseURL, PostgresClient) async throws -> Result
    ) async throws -> Result {
        let name = "relance_p_" + UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: "")
        let admin = databaseServerURL
        try await PostgresClient.withRunningClient(admin, logger: logger) { client in
            try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger)
        }
        let url = admin.with(database: name)
        let migrations = try Migration.load(from: PipelineHarness.repositoryRoot.appendingPathComponent("schemas/migrations").path)
        do {
            let result = try await PostgresClient.withRunningClient(url, logger: logger) { client in
                try await Migrator(migrations: migrations, logger: logger).run(on: client)
                return try await body(url, client)
            }
            try await drop(name)
            return result
        } catch {
            try? await drop(name)
            throw error
        }
    }

    private static func drop(_ name: String) async throws {
        try await PostgresClient.withRunningClient(databaseServerURL, logger: logger) { client in
            try await client.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: logger)
        }
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
