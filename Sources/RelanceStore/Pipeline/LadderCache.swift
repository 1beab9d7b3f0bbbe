import RelanceCore
import Synchronization

/// The ladders the dispatcher has read, by `invoices.ladder_hash`. A ladder is stored once per
/// invoice but shared by every invoice planned under the same policy version, so a claim of
/// thousands of steps names a handful: each is read and decoded once per process, not once per
/// step. Bounded; when full it starts over.
public final class LadderCache: Sendable {
    private let ladders = Mutex<[Int64: DunningPolicy]>([:])
    /// Ladders kept before the cache starts over.
    public let capacity: Int

    public init(capacity: Int = 4_096) {
        self.capacity = max(1, capacity)
    }

    public subscript(hash hash: Int64) -> DunningPolicy? {
        ladders.withLock { $0[hash] }
    }

    func insert(_ ladder: DunningPolicy, hash: Int64) {
        ladders.withLock { ladders in
            if ladders.count >= capacity { ladders.removeAll(keepingCapacity: true) }
            ladders[hash] = ladder
        }
    }
}
