/// When a channel fails for a reason that may pass (SMTP server down, database busy), the job
/// is retried later through a delay queue; after `maxAttempts` it is dead-lettered.
///
/// Delays grow exponentially from `baseDelay` and are spread by ±`jitter` so that a burst of
/// failures does not come back as a burst. Each attempt goes to the delay tier whose nominal
/// delay is closest (`Topology.retryTiers`), with a per-message expiration near it.
public struct RetryPolicy: Sendable, Hashable {
    public var maxAttempts: Int
    public var baseDelay: Duration
    public var maxDelay: Duration
    /// Fraction of the delay, e.g. 0.2 for ±20 %.
    public var jitter: Double

    public init(maxAttempts: Int = 5, baseDelay: Duration = .seconds(5), maxDelay: Duration = .seconds(600), jitter: Double = 0.2) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.jitter = jitter
    }

    /// The delay before attempt `attempt + 1`, after `attempt` failed attempts (1-based);
    /// `random` in 0..<1 picks the jitter (injected so tests are deterministic).
    public func delay(afterAttempt attempt: Int, random: Double) -> Duration {
        let exponent = max(0, attempt - 1)
        var nominal = baseDelay
        for _ in 0..<exponent {
            nominal = nominal * 5
            if nominal >= maxDelay { nominal = maxDelay; break }
        }
        let factor = 1 + jitter * (2 * random - 1)
        return nominal * factor
    }

    /// Whether a job that failed `attempt` times may be tried again.
    public func mayRetry(afterAttempt attempt: Int) -> Bool { attempt < maxAttempts }
}
