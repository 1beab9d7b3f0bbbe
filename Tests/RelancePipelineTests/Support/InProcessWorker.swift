import Logging
import RelancePipeline
import RelanceRuntime
import ServiceLifecycle

/// A worker built as production builds it (`buildPipelineServices`, the workers' role), run in
/// the test process with its own database pool and broker. Cancelling `run()` shuts it down as
/// SIGTERM shuts down `relance worker`: gracefully, the worker first and its pool last.
struct InProcessWorker: Sendable {
    let pipeline: PipelineServices
    let logger: Logger

    func run() async throws {
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: pipeline.services, logger: logger))
        // The group runs in a task of its own, so that the caller's cancellation reaches it as a
        // graceful shutdown (in reverse start order) rather than cancelling every service at once.
        let running = Task { try await group.run() }
        try await withTaskCancellationHandler {
            try await running.value
        } onCancel: {
            Task { await group.triggerGracefulShutdown() }
        }
        await pipeline.broker.close()
    }
}
