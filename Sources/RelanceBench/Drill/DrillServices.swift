import Foundation
import RelanceStore

/// The RabbitMQ nodes behind the drill's broker URLs, driven with `rabbitmqctl` (the drill runs
/// as root on the machine of the nodes). A node that was killed is started again with the
/// cluster script (`deploy/cluster.sh up`).
struct BrokerNodes: Sendable {
    /// Erlang node names, e.g. relance-1@localhost.
    let names: [String]
    /// `deploy/cluster.sh`, when found.
    let clusterScript: String?

    private func ctl(_ node: String, _ arguments: [String], timeout: Duration = .seconds(60)) async throws -> String {
        try await ChildProcess.check(["rabbitmqctl", "-n", node] + arguments, timeout: timeout)
    }

    /// The first node that answers.
    func running() async throws -> String {
        for node in names {
            if let (status, _) = try? await ChildProcess.run(["rabbitmqctl", "-n", node, "eval", "ok."], timeout: .seconds(20)), status == 0 {
                return node
            }
        }
        throw DrillError("no RabbitMQ node of \(names.joined(separator: ", ")) answers rabbitmqctl")
    }

    /// Creates `vhost` afresh (deleting what an earlier drill left) with every permission for `user`.
    func createVirtualHost(_ vhost: String, user: String) async throws {
        let node = try await running()
        _ = try? await ctl(node, ["delete_vhost", vhost])
        _ = try await ctl(node, ["add_vhost", vhost])
        _ = try await ctl(node, ["set_permissions", "-p", vhost, user, ".*", ".*", ".*"])
    }

    func deleteVirtualHost(_ vhost: String) async throws {
        _ = try await ctl(try await running(), ["delete_vhost", vhost])
    }

    /// The node leading `queue` (a quorum queue), once the queue exists (up to 60 s); the
    /// first running node when the queue reports no leader (a single node's classic queue).
    func leader(of queue: String, vhost: String) async throws -> String {
        let deadline = ContinuousClock.now + .seconds(60)
        while true {
            let node = try await running()
            let output = try await ctl(node, ["list_queues", "-p", vhost, "name", "leader", "--no-table-headers", "-q"])
            for line in output.split(separator: "\n") {
                let cells = line.split(whereSeparator: { $0 == "\t" || $0 == " " }).map(String.init)
                guard cells.first == queue else { continue }
                return cells.count >= 2 && names.contains(cells[1]) ? cells[1] : node
            }
            guard ContinuousClock.now < deadline else { throw DrillError("queue \(queue) did not appear in virtual host \(vhost)") }
            try await Task.sleep(for: .milliseconds(500))
        }
    }

    /// The operating-system process of `node` (its Erlang VM).
    func pid(of node: String) async throws -> Int32 {
        let output = try await ctl(node, ["eval", "os:getpid()."])
        guard let pid = Int32(output.filter(\.isNumber)) else { throw DrillError("cannot read the pid of \(node): \(output)") }
        return pid
    }

    /// The queues of `vhost` holding messages (ready or unacknowledged), with how many.
    func messagesLeft(vhost: String) async throws -> [String: Int] {
        let output = try await ctl(try await running(), ["list_queues", "-p", vhost, "name", "messages", "--no-table-headers", "-q"])
        var left: [String: Int] = [:]
        for line in output.split(separator: "\n") {
            let cells = line.split(whereSeparator: { $0 == "\t" || $0 == " " }).map(String.init)
            if cells.count == 2, let count = Int(cells[1]), count > 0 { left[cells[0]] = count }
        }
        return left
    }

    /// Starts every node of the cluster that is not running (and rejoins it).
    func restartStopped() async throws {
        guard let clusterScript else {
            throw DrillError("cannot restart a killed node: deploy/cluster.sh was not found beside the schemas directory")
        }
        _ = try await ChildProcess.check(["/bin/bash", clusterScript, "up"], timeout: .seconds(300))
    }
}

/// The PostgreSQL cluster serving the drill's database, restarted with `pg_ctlcluster`.
struct PostgresServer: Sendable {
    let version: String
    let name: String

    /// The local cluster listening on `port` (from `pg_lsclusters`).
    static func serving(port: Int) async throws -> PostgresServer {
        let output = try await ChildProcess.check(["pg_lsclusters", "--no-header"])
        for line in output.split(separator: "\n") {
            let cells = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            if cells.count >= 3, Int(cells[2]) == port { return PostgresServer(version: cells[0], name: cells[1]) }
        }
        throw DrillError("no local PostgreSQL cluster listens on port \(port) (pg_lsclusters)")
    }

    /// Restarts in immediate mode: no checkpoint, every connection cut, crash recovery on start.
    func restartImmediately() async throws {
        _ = try await ChildProcess.check(["pg_ctlcluster", version, name, "restart", "-m", "immediate"], timeout: .seconds(180))
    }
}

extension String {
    /// Each URL of a comma-separated list of `amqp://` URLs with its virtual host replaced.
    func replacingAMQPVirtualHost(with vhost: String) -> String {
        split(separator: ",").map { element -> String in
            let url = element.trimmingCharacters(in: .whitespaces)
            guard let scheme = url.range(of: "://") else { return url }
            let query = url.firstIndex(of: "?").map { String(url[$0...]) } ?? ""
            let authorityEnd = url[scheme.upperBound...].firstIndex(where: { $0 == "/" || $0 == "?" }) ?? url.endIndex
            return String(url[..<authorityEnd]) + "/" + vhost + query
        }.joined(separator: ",")
    }

    /// Each URL of a comma-separated list with a heartbeat of `seconds`, where it sets none.
    func addingAMQPHeartbeat(seconds: Int) -> String {
        split(separator: ",").map { element -> String in
            let url = element.trimmingCharacters(in: .whitespaces)
            guard !url.contains("heartbeat=") else { return url }
            return url + (url.contains("?") ? "&" : "?") + "heartbeat=\(seconds)"
        }.joined(separator: ",")
    }
}
