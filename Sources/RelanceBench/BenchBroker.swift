import AMQP
import Foundation
import RelanceRuntime
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The benchmark's own RabbitMQ virtual host, created empty for a run and deleted after it
/// (with every queue in it), so the benchmark neither takes jobs of a running Relance nor
/// leaves messages behind. Created through the management HTTP API, which needs a user with
/// the `administrator` tag (the local `relance` user has it).
struct BenchBroker: Sendable {
    /// The broker as configured, with the virtual host replaced by the benchmark's.
    let amqp: AMQPConfiguration
    let managementURL: URL

    init(configured: AMQPConfiguration, virtualHost: String, managementURL: String?) throws {
        var amqp = configured
        amqp.virtualHost = virtualHost
        amqp.connectionName = "relance-bench"
        self.amqp = amqp
        let text = managementURL ?? "http://\(configured.host.contains(":") ? "[\(configured.host)]" : configured.host):15672"
        guard let url = URL(string: text), url.scheme == "http" || url.scheme == "https" else {
            throw CommandFailure("invalid management URL '\(text)'")
        }
        self.managementURL = url
    }

    /// The configured broker (`configuration.amqpURL`) with the benchmark's virtual host; a
    /// URL that does not parse is a `CommandFailure`.
    init(configuration: RelanceConfiguration, virtualHost: String, managementURL: String?) throws {
        do {
            try self.init(configured: try AMQPConfiguration(url: configuration.amqpURL), virtualHost: virtualHost,
                          managementURL: managementURL)
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure("\(error)")
        }
    }

    /// Deletes the virtual host if a previous run left it, creates it, and gives the user
    /// every permission on it.
    func create() async throws {
        try await request("DELETE", "api/vhosts/\(escapedHost)", accepting: [204, 404])
        try await request("PUT", "api/vhosts/\(escapedHost)", body: #"{"description":"relance bench (temporary)"}"#, accepting: [201, 204])
        try await request("PUT", "api/permissions/\(escapedHost)/\(escaped(amqp.user))",
                          body: #"{"configure":".*","write":".*","read":".*"}"#, accepting: [201, 204])
    }

    /// Deletes the virtual host and its queues.
    func delete() async throws {
        try await request("DELETE", "api/vhosts/\(escapedHost)", accepting: [204, 404])
    }

    private var escapedHost: String { escaped(amqp.virtualHost) }

    private func escaped(_ segment: String) -> String {
        segment.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_."))) ?? segment
    }

    private func request(_ method: String, _ path: String, body: String? = nil, accepting codes: Set<Int>) async throws {
        guard let url = URL(string: path, relativeTo: managementURL) else {
            throw CommandFailure("cannot build a management URL for \(path)")
        }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.timeoutInterval = 30
        let credentials = Data("\(amqp.user):\(amqp.password)".utf8).base64EncodedString()
        request.setValue("Basic \(credentials)", forHTTPHeaderField: "Authorization")
        if let body {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(body.utf8)
        }
        let status: Int
        do {
            let (_, response) = try await URLSession.shared.data(for: request)
            status = (response as? HTTPURLResponse)?.statusCode ?? 0
        } catch {
            throw CommandFailure("cannot reach the RabbitMQ management API at \(managementURL.absoluteString) (\(error.localizedDescription)); the benchmark needs it to create its virtual host — see --management-url")
        }
        guard codes.contains(status) else {
            throw CommandFailure("RabbitMQ management API: \(method) /\(path) answered \(status); the benchmark's user needs the administrator tag to create the virtual host '\(amqp.virtualHost)'")
        }
    }
}
