import AMQP
import Foundation
import Synchronization
import Testing

/// The brokers the integration tests use, and helpers around them.
enum TestBroker {
    /// The main broker, shared with other tests running in parallel: never restarted.
    static var url: String {
        ProcessInfo.processInfo.environment["RELANCE_AMQP_URL"] ?? "amqp://relance:relance@127.0.0.1:5672/relance"
    }

    /// The chaos node (deploy/chaos-broker.sh), which tests may stop and start.
    static var chaosURL: String {
        ProcessInfo.processInfo.environment["RELANCE_CHAOS_AMQP_URL"] ?? "amqp://relance:relance@127.0.0.1:5673/relance"
    }

    static var chaosNode: String {
        ProcessInfo.processInfo.environment["RELANCE_CHAOS_NODE"] ?? "chaos@localhost"
    }

    static var chaosRequired: Bool {
        isSet("RELANCE_REQUIRE_CHAOS")
    }

    /// The three-node cluster (deploy/cluster.sh), whose nodes tests may stop and start: its
    /// URLs, comma-separated as RELANCE_AMQP_URL takes them.
    static var clusterURLs: String {
        ProcessInfo.processInfo.environment["RELANCE_CLUSTER_AMQP_URLS"]
            ?? (5674...5676).map { "amqp://relance:relance@127.0.0.1:\($0)/relance" }.joined(separator: ",")
    }

    /// The cluster's node names, in the order of ``clusterURLs``.
    static var clusterNodes: [String] {
        (ProcessInfo.processInfo.environment["RELANCE_CLUSTER_NODES"] ?? "relance-1@localhost,relance-2@localhost,relance-3@localhost")
            .split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
    }

    static var clusterRequired: Bool {
        isSet("RELANCE_REQUIRE_CLUSTER")
    }

    private static func isSet(_ variable: String) -> Bool {
        ProcessInfo.processInfo.environment[variable].map { !$0.isEmpty && $0 != "0" } ?? false
    }

    static func clusterBrokers() throws -> [AMQPConfiguration] {
        try AMQPConfiguration.list(fromURLs: clusterURLs).map { broker in
            var broker = broker
            broker.connectionName = "relance-amqp-tests"
            return broker
        }
    }

    /// The node name of `broker`, one of ``clusterBrokers()``.
    static func clusterNode(of broker: AMQPConfiguration) throws -> String {
        let brokers = try clusterBrokers()
        let index = try #require(brokers.firstIndex { $0.host == broker.host && $0.port == broker.port },
                                 "\(broker) is not one of the cluster's brokers")
        return clusterNodes[index]
    }

    static func configuration(_ url: String = url) throws -> AMQPConfiguration {
        var configuration = try AMQPConfiguration(url: url)
        configuration.connectionName = "relance-amqp-tests"
        return configuration
    }

    static func connect(_ url: String = url) async throws -> AMQPConnection {
        try await AMQPConnection.connect(configuration(url))
    }

    /// A name no other test uses.
    static func uniqueName(_ prefix: String) -> String {
        "test.\(prefix).\(UInt64.random(in: 0...UInt64.max) >> 16)"
    }

    /// Runs `rabbitmqctl` against the chaos node without blocking a cooperative thread.
    static func chaosControl(_ arguments: String...) async throws {
        _ = try await control(chaosNode, arguments)
    }

    /// Runs `rabbitmqctl` against `node` without blocking a cooperative thread; returns what
    /// it printed.
    @discardableResult
    static func control(_ node: String, _ arguments: [String]) async throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("rabbitmqctl-\(UInt64.random(in: 0...UInt64.max))")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/rabbitmqctl")
        process.arguments = ["-q", "-n", node] + arguments
        process.standardOutput = try FileHandle(forWritingTo: output)
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
        guard status == 0 else { throw ChaosControlFailed(arguments: [node] + arguments, status: status) }
        return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    }

    /// True when the chaos node accepts an AMQP login.
    static func chaosReachable() async -> Bool {
        guard var configuration = try? configuration(chaosURL) else { return false }
        configuration.connectTimeout = .seconds(2)
        guard let connection = try? await AMQPConnection.connect(configuration) else { return false }
        await connection.close()
        return true
    }

    /// True when every node of the cluster accepts an AMQP login.
    static func clusterReachable() async -> Bool {
        guard let brokers = try? clusterBrokers(), brokers.count == clusterNodes.count else { return false }
        for var broker in brokers {
            broker.connectTimeout = .seconds(2)
            guard let connection = try? await AMQPConnection.connect(broker) else { return false }
            await connection.close()
        }
        return true
    }

    /// Whether the cluster tests run: always when RELANCE_REQUIRE_CLUSTER is set (they then
    /// fail if the cluster is missing), otherwise only when every node answers.
    static func clusterTestsEnabled() async -> Bool {
        if clusterRequired { return true }
        return await clusterReachable()
    }

    /// Whether the chaos tests run: always when RELANCE_REQUIRE_CHAOS is set (they then
    /// fail if the node is missing), otherwise only when the node answers.
    static func chaosTestsEnabled() async -> Bool {
        if chaosRequired { return true }
        return await chaosReachable()
    }
}

struct ChaosControlFailed: Error, CustomStringConvertible {
    let arguments: [String]
    let status: Int32
    var description: String { "rabbitmqctl \(arguments.joined(separator: " ")) exited with \(status)" }
}

/// Fails with a clear message instead of hanging when `body` does not finish in time.
/// A safety net for a broken client, not a timing assertion: on time-out `body` is
/// cancelled and left behind, so a body that ignores cancellation cannot hang the test.
func withDeadline<T: Sendable>(
    _ limit: Duration = .seconds(60),
    _ what: String,
    _ body: @escaping @Sendable () async throws -> T
) async throws -> T {
    let claimed = Claim()
    return try await withCheckedThrowingContinuation { continuation in
        let work = Task {
            let result = await Result(catching: body)
            if claimed.take() { continuation.resume(with: result) }
        }
        Task {
            try? await Task.sleep(for: limit)
            if claimed.take() {
                work.cancel()
                continuation.resume(throwing: DeadlineExceeded(what: what, limit: limit))
            }
        }
    }
}

/// True for the first caller of `take()` only.
final class Claim: Sendable {
    private let taken = Mutex(false)
    func take() -> Bool {
        taken.withLock { taken in
            defer { taken = true }
            return !taken
        }
    }
}

extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}

struct DeadlineExceeded: Error, CustomStringConvertible {
    let what: String
    let limit: Duration
    var description: String { "\(what) did not finish within \(limit)" }
}

extension String {
    var bytes: [UInt8] { Array(utf8) }
}

extension Array where Element == UInt8 {
    var text: String { String(decoding: self, as: UTF8.self) }
}
