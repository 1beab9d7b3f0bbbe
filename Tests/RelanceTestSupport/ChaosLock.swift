import Foundation
import Glibc

/// Serialises the tests that stop and start the chaos RabbitMQ node (or the nodes of the
/// cluster), across test targets and processes: a test holding the lock is the only one
/// touching that node.
public enum ChaosLock {
    /// The chaos node's lock file; every holder locks the same one.
    public static let path = "/tmp/relance-chaos-broker.lock"
    /// The cluster's lock file (deploy/cluster.sh).
    public static let clusterPath = "/tmp/relance-cluster.lock"

    /// Runs `body` holding the lock of `path` (waiting for it off the cooperative pool's threads).
    public static func withLock<Result>(path: String = ChaosLock.path, _ body: () async throws -> Result) async throws -> Result {
        let descriptor = open(path, O_CREAT | O_RDWR, 0o666)
        guard descriptor >= 0 else { throw LockError(description: "cannot open \(path)") }
        defer { close(descriptor) }
        try await acquire(descriptor, path: path)
        defer { flock(descriptor, LOCK_UN) }
        return try await body()
    }

    private static func acquire(_ descriptor: Int32, path: String) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let thread = Thread {
                if flock(descriptor, LOCK_EX) == 0 {
                    continuation.resume()
                } else {
                    continuation.resume(throwing: LockError(description: "cannot lock \(path)"))
                }
            }
            thread.start()
        }
    }

    public struct LockError: Error, CustomStringConvertible {
        public let description: String
    }
}
