import Foundation
import Logging
import Synchronization

/// Keeps the claims of the batches a worker has in hand alive: every third of the claim's
/// duration it extends them all in one write. A batch whose channels take longer than the
/// duration keeps its jobs, and a worker killed in the middle of a batch lets them go within
/// one duration, for another copy to take.
public final class ClaimKeeper: Sendable {
    private let holders = Mutex<Set<UUID>>([])

    public init() {}

    /// The holders of the batches in hand.
    public var held: Set<UUID> { holders.withLock { $0 } }

    /// Runs `body` with `holder`'s claims kept alive.
    public func holding<Result>(_ holder: UUID, _ body: () async throws -> Result) async rethrows -> Result {
        holders.withLock { _ = $0.insert(holder) }
        defer { holders.withLock { _ = $0.remove(holder) } }
        return try await body()
    }

    /// Extends the claims in hand every third of `duration`, until cancelled. A failed
    /// extension (the database unreachable) is logged and tried at the next turn.
    public func run<Storage: WorkerStorage>(storage: Storage, duration: Duration, timeout: Duration, logger: Logger) async {
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: duration / 3)
            } catch {
                return
            }
            let holders = Array(held)
            guard !holders.isEmpty else { continue }
            do {
                try await withDeadline(timeout, what: "extending claims") {
                    try await storage.extendClaims(of: holders, for: duration)
                }
            } catch is CancellationError {
                return
            } catch {
                logger.notice("Claims of the batches in hand not extended; trying again", metadata: [
                    "batches": "\(holders.count)", "error": "\(String(reflecting: error))",
                ])
            }
        }
    }
}
