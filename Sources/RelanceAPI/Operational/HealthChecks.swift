import Foundation
import Hummingbird
import RelancePipeline

/// What `/ready` asks: named checks, each answering nil (fine) or what is wrong, and the
/// process's own `Readiness` (a worker whose consumer lost its broker, or that holds a batch it
/// cannot store, is not ready until it has recovered).
public struct HealthChecks: Sendable {
    public typealias Check = @Sendable () async -> String?

    public var readiness: Readiness
    public var checks: [(name: String, check: Check)]
    /// How long a check may take before it counts as failed.
    public var timeout: Duration

    public init(readiness: Readiness = Readiness(), checks: [(name: String, check: Check)] = [], timeout: Duration = .seconds(3)) {
        self.readiness = readiness
        self.checks = checks
        self.timeout = timeout
    }

    /// What is wrong now, by part; empty when ready.
    public func problems() async -> [String: String] {
        var problems = readiness.problems
        let timeout = self.timeout
        await withTaskGroup(of: (String, String?).self) { group in
            for (name, check) in checks {
                group.addTask {
                    await withTaskGroup(of: String??.self) { race in
                        race.addTask { await check() }
                        race.addTask {
                            try? await Task.sleep(for: timeout)
                            return .some("no answer within \(timeout)")
                        }
                        let first = await race.next() ?? nil
                        race.cancelAll()
                        return (name, first ?? nil)
                    }
                }
            }
            for await (name, problem) in group {
                if let problem { problems[name] = problem }
            }
        }
        return problems
    }
}

struct ReadyView: Encodable {
    var ready: Bool
    var problems: [String: String]
}

/// `/health`, `/ready` and `/metrics`, without authentication: for a load balancer, an
/// orchestrator and Prometheus. Every role serves them (the API on its own port; a dispatcher
/// or worker on its operational port).
func addOperationalRoutes<Context: RequestContext>(to router: Router<Context>, health: HealthChecks) {
    router.get("health") { _, _ in
        APIJSON.response(["status": "alive"])
    }
    router.get("ready") { _, _ in
        let problems = await health.problems()
        return APIJSON.response(ReadyView(ready: problems.isEmpty, problems: problems),
                                status: problems.isEmpty ? .ok : .serviceUnavailable)
    }
    router.get("metrics") { _, _ in
        Response(
            status: .ok,
            headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: RelanceMetrics.exposition()))
        )
    }
}
