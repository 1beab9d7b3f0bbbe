/// Exponential backoff with jitter, for reconnecting: the delay doubles (by default) from
/// `initial` up to `maximum`, and each delay is shortened by a random part of up to
/// `jitter` of itself, so that many clients cut off together do not return together.
public struct Backoff: Sendable, Hashable {
    /// The first delay.
    public var initial: Duration
    /// The longest delay.
    public var maximum: Duration
    /// How much each delay grows over the previous one (at least 1).
    public var multiplier: Double
    /// The fraction of each delay that is random, from 0 (none) to 1.
    public var jitter: Double

    /// A backoff from 100 ms doubling up to 30 s, each delay up to half random, by default.
    public init(initial: Duration = .milliseconds(100), maximum: Duration = .seconds(30),
                multiplier: Double = 2, jitter: Double = 0.5) {
        self.initial = initial
        self.maximum = maximum
        self.multiplier = max(1, multiplier)
        self.jitter = min(1, max(0, jitter))
    }

    /// The delay before retry number `attempt` (0 for the first retry).
    public func delay(attempt: Int) -> Duration {
        var delay = initial
        var step = 0
        while step < attempt && delay < maximum {
            delay = delay * multiplier
            step += 1
        }
        delay = min(delay, maximum)
        guard jitter > 0 else { return delay }
        return delay * (1 - jitter * Double.random(in: 0...1))
    }
}
