import Synchronization

/// Whether a process's roles can do their work now, and if not, why: each role sets or clears
/// its own reason. A worker holding a batch because the database cannot be reached is not
/// ready until the batch is stored; a health endpoint (`/ready`) or a log reads this.
public final class Readiness: Sendable {
    private let reasons = Mutex<[String: String]>([:])

    public init() {}

    /// `part` cannot work, for `reason`.
    public func notReady(_ part: String, _ reason: String) {
        reasons.withLock { $0[part] = reason }
    }

    /// `part` works again.
    public func ready(_ part: String) {
        _ = reasons.withLock { $0.removeValue(forKey: part) }
    }

    public var isReady: Bool { reasons.withLock { $0.isEmpty } }

    /// What is not ready, and why, by part.
    public var problems: [String: String] { reasons.withLock { $0 } }
}
