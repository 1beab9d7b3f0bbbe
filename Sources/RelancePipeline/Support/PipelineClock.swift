import Foundation
import Synchronization

/// Where the pipeline reads the time. The system clock in production; a clock the demo and
/// tests move by hand to run simulated days.
public protocol PipelineClock: Sendable {
    func now() -> Date
}

/// The wall clock.
public struct SystemClock: PipelineClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that stands still until told to move.
public final class ManualClock: PipelineClock {
    private let current: Mutex<Date>

    public init(_ start: Date) { current = Mutex(start) }

    public func now() -> Date { current.withLock { $0 } }

    public func set(_ date: Date) { current.withLock { $0 = date } }

    public func advance(by interval: TimeInterval) { current.withLock { $0 += interval } }
}
