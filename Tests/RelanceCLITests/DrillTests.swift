import Foundation
import RelanceTestSupport
import Testing

/// `relance drill` at small N: the pipeline runs as separate processes, a fault strikes in the
/// middle, and every seeded step must end with one outcome, none acted on twice, the queues
/// empty. (The figures at large N are the drill's own output, in the README.)
@Suite("Drills: faults at small N", .serialized)
struct DrillTests {
    /// One drill's table row: seeded, outcomes, lost, steps acted on twice.
    struct Row {
        var seeded: Int
        var outcomes: Int
        var lost: Int
        var twice: Int
    }

    static func rows(_ stdout: String) -> [String: Row] {
        var rows: [String: Row] = [:]
        for line in stdout.split(separator: "\n") {
            let cells = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard cells.count >= 5, cells[0].contains("-"), let seeded = Int(cells[1]), let outcomes = Int(cells[2]),
                  let lost = Int(cells[3]), let twice = Int(cells[4]) else { continue }
            rows[cells[0]] = Row(seeded: seeded, outcomes: outcomes, lost: lost, twice: twice)
        }
        return rows
    }

    /// The drill succeeded, and `fault` struck while outcomes were still missing, then every
    /// one of the 1 000 steps got its outcome, none lost, none acted on twice.
    static func expectNothingLost(_ output: RelanceProcess.Output, after fault: String) throws {
        let row = try #require(rows(output.stdout)[fault], "no row for \(fault) in: \(output.stdout)")
        #expect(row.seeded == 1000 && row.outcomes == 1000 && row.lost == 0, "\(fault): \(output.stdout)")
        // The drill's exit status says "failed" whenever a step was acted on twice.
        #expect(row.twice == 0, "\(fault): \(output.stdout)")
        #expect(output.status == 0, "stdout: \(output.stdout)\nstderr: \(output.stderr)")
        let before = try #require(outcomesAtStrike(output.stdout, fault), "\(output.stdout)")
        #expect(before < 1000, "\(fault) struck after the run was over: \(output.stdout)")
    }

    /// The outcomes in when `fault` struck, from its account ("struck with … and N outcomes in;").
    static func outcomesAtStrike(_ stdout: String, _ fault: String) -> Int? {
        let lines = stdout.split(separator: "\n").map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("\(fault): ") }), start + 1 < lines.count,
              let range = lines[start + 1].range(of: #"and \d+ outcomes in;"#, options: .regularExpression)
        else { return nil }
        return Int(lines[start + 1][range].filter(\.isNumber))
    }

    /// A thousand steps make one claim and one worker batch: outcomes can go from none to all
    /// between two looks, so the faults strike as soon as the run is under way.
    static func drill(_ arguments: [String], name: String) async throws -> RelanceProcess.Output {
        let logs = FileManager.default.temporaryDirectory.appendingPathComponent("relance-drill-test-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: logs) }
        return try await RelanceProcess.runOffPool(
            ["drill", "--reminders", "1000", "--tenants", "3", "--fault-after", "0", "--database", name, "--vhost", name, "--logs", logs,
             "--stall-timeout", "120"] + arguments
        )
    }

    @Test("The dispatcher killed (kill -9) mid-run, the worker pool grown and shrunk: nothing lost, nothing done twice")
    func processFaults() async throws {
        // On the main broker, like the pipeline tests: it waits for one of their slots.
        let output = try await BrokerSlots.shared.withSlot {
            try await Self.drill(["--fault", "kill-dispatcher", "--fault", "resize-workers"], name: "relance_drill_processes")
        }
        for fault in ["kill-dispatcher", "resize-workers"] { try Self.expectNothingLost(output, after: fault) }
        #expect(output.stderr.contains("killed the dispatcher (kill -9"))
    }

    @Test(
        "The broker frozen (SIGSTOP) past two heartbeats mid-run: nothing lost, and it moves again, nobody contacted twice",
        .enabled(if: ChaosNode.available || ChaosNode.required, ChaosNode.skipReason)
    )
    func frozenBroker() async throws {
        try await ChaosLock.withLock {
            let output = try await Self.drill(
                ["--fault", "freeze-broker", "--freeze", "25", "--amqp-url", ChaosNode.url, "--broker-nodes", ChaosNode.node],
                name: "relance_drill_freeze"
            )
            try Self.expectNothingLost(output, after: "freeze-broker")
            #expect(output.stderr.contains("froze broker node \(ChaosNode.node) (SIGSTOP"))
        }
    }
}

extension DrillTests {
    @Test(
        "The broker node leading the queues killed (kill -9) mid-run, on the three-node cluster: the others go on, nothing lost, nobody contacted twice",
        .enabled(if: ClusterNodes.available || ClusterNodes.required, ClusterNodes.skipReason)
    )
    func killedBrokerNode() async throws {
        try await ChaosLock.withLock(path: ChaosLock.clusterPath) {
            let output = try await Self.drill(
                ["--fault", "kill-broker-node", "--amqp-url", ClusterNodes.urls, "--broker-nodes", ClusterNodes.nodes],
                name: "relance_drill_cluster"
            )
            try Self.expectNothingLost(output, after: "kill-broker-node")
            #expect(output.stderr.contains("(kill -9, pid"))
        }
    }
}

/// The three-node cluster of deploy/cluster.sh.
enum ClusterNodes {
    static let urls = ProcessInfo.processInfo.environment["RELANCE_CLUSTER_AMQP_URLS"]
        ?? (5674...5676).map { "amqp://relance:relance@127.0.0.1:\($0)/relance" }.joined(separator: ",")
    static let nodes = ProcessInfo.processInfo.environment["RELANCE_CLUSTER_NODES"] ?? "relance-1@localhost,relance-2@localhost,relance-3@localhost"
    static var required: Bool { ProcessInfo.processInfo.environment["RELANCE_REQUIRE_CLUSTER"].map { !$0.isEmpty && $0 != "0" } ?? false }
    static let skipReason: Comment = "the cluster is not reachable: run deploy/cluster.sh up (RELANCE_REQUIRE_CLUSTER=1 makes this a failure)"
    static var available: Bool { ChaosNode.accepts(port: 5674) }
}

/// The disposable RabbitMQ node of deploy/chaos-broker.sh.
enum ChaosNode {
    static let node = ProcessInfo.processInfo.environment["RELANCE_CHAOS_NODE"] ?? "chaos@localhost"
    static let url = ProcessInfo.processInfo.environment["RELANCE_CHAOS_AMQP_URL"] ?? "amqp://relance:relance@127.0.0.1:5673/relance"
    static var required: Bool { ProcessInfo.processInfo.environment["RELANCE_REQUIRE_CHAOS"].map { !$0.isEmpty && $0 != "0" } ?? false }
    static let skipReason: Comment = "the chaos node is not reachable: run deploy/chaos-broker.sh up (RELANCE_REQUIRE_CHAOS=1 makes this a failure)"

    /// Whether the node accepts TCP connections on its AMQP port.
    static var available: Bool { accepts(port: 5673) }

    /// Whether something accepts TCP connections on 127.0.0.1:`port`.
    static func accepts(port: UInt16) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return result == 0
    }
}
