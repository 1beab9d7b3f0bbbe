/// Why a due step or a queued job must not be carried out now: the answer of the
/// dispatcher's state guard and of the worker's stale-job guard.
///
/// The outcome a worker records is `skipped_<rawValue>` (see `outcome`).
public enum SkipReason: String, Sendable, Hashable, Codable, CaseIterable {
    case paid
    case disputed
    case promise
    case plan
    case paused
    case writtenOff = "written_off"

    /// The outcome name stored for a job skipped for this reason, e.g. `skipped_paid`.
    public var outcome: String { "skipped_\(rawValue)" }
}
