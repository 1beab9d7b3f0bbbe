import Foundation
import RelanceCore
import RelancePipeline
import RelanceRuntime
import Testing

/// A worker that lost its broker is not ready until it has reconnected: what its `/ready`
/// answers a load balancer or an orchestrator.
@Suite("Worker readiness")
struct WorkerReadinessTests {
    @Test("not ready while its consumers cannot reach the broker, ready again once they have reconnected")
    func readinessFollowsTheBroker() async throws {
        try await PipelineHarness.run(start: PipelineHarness.morning(try CalendarDate(iso: "2026-12-07"))) { harness in
            let worker = try harness.worker()
            let readiness = worker.pipeline.readiness
            let running = Task { try await worker.run() }
            defer { running.cancel() }
            try await waitUntil("the consumers are connected") { readiness.isReady }

            // The broker refuses the user on the vhost and closes its connections: every
            // reconnection attempt fails until the right is given back.
            try await TestServices.rabbitmqctl("clear_permissions", "-p", harness.vhost, "relance")
            try await TestServices.rabbitmqctl("close_all_connections", "-p", harness.vhost, "readiness test")
            try await waitUntil("the worker reports the lost broker") { !readiness.isReady }
            let problems = readiness.problems
            #expect(problems.keys.contains { $0.hasPrefix("broker.consumer.relance.") }, "\(problems)")
            #expect(problems.values.contains { $0.contains("relance.") }, "the reason names the queue: \(problems)")
            // Still not ready a moment later: it stays so until it has reconnected.
            try await Task.sleep(for: .seconds(1))
            #expect(!readiness.isReady)

            try await TestServices.rabbitmqctl("set_permissions", "-p", harness.vhost, "relance", ".*", ".*", ".*")
            try await waitUntil("the worker reconnects and is ready") { readiness.isReady }
        }
    }

    private func waitUntil(_ what: String, _ condition: @Sendable () -> Bool) async throws {
        // Up to 90 s: a reconnection declares the queues again, slow on a loaded broker.
        for _ in 0..<1800 {
            if condition() { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("timed out waiting until \(what)")
        throw CancellationError()
    }
}
