import Logging
import ServiceLifecycle

/// What one pass of a polling service found.
enum PassResult: Sendable {
    /// A full batch: there may be more, go again at once.
    case more
    /// Less than a batch: wait for a wake-up or the poll interval.
    case idle
    /// Something was refused: pause before trying again.
    case backOff
}

/// The loop of the dispatcher and the relay: runs `pass` again and again — at once while it
/// finds a full batch, otherwise after a wake-up or `pollInterval`. A failed pass (database or
/// broker away) is logged and tried again after `failurePause`; its work stays where it was.
/// Graceful shutdown ends the loop after the pass in hand; cancellation ends it at once.
func runPolling(
    wake: WakeSignal,
    pollInterval: Duration,
    failurePause: Duration,
    logger: Logger,
    pass: () async throws -> PassResult
) async throws {
    var shuttingDown = false
    try await withGracefulShutdownHandler {
        while !shuttingDown && !Task.isCancelled {
            let result: PassResult
            do {
                result = try await pass()
            } catch is CancellationError {
                return
            } catch {
                logger.warning("Pass failed; trying again", metadata: ["error": "\(String(reflecting: error))"])
                try await Task.sleep(for: failurePause)
                continue
            }
            shuttingDown = Task.isShuttingDownGracefully
            switch result {
            case .more: continue
            case .backOff: try await Task.sleep(for: failurePause)
            case .idle: if !shuttingDown { await wake.wait(timeout: pollInterval) }
            }
        }
    } onGracefulShutdown: {
        wake.signal()
    }
}
