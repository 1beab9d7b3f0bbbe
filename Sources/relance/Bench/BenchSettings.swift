/// What one benchmark run does, and the pipeline's tuning for it.
struct BenchSettings: Sendable, Codable {
    /// Due steps to seed and carry out.
    var reminders: Int
    var tenants: Int
    /// Invoices per debtor, all on one channel: a debtor's due steps travel in one message.
    var invoicesPerDebtor: Int
    /// Dispatchers claiming at once (each its own claim loop).
    var dispatchers: Int
    /// Due steps per claim transaction.
    var dispatchBatch: Int
    /// Outbox rows per relay transaction and publish batch.
    var relayBatch: Int
    /// Relays publishing at once.
    var relays: Int
    /// Jobs waiting in the outbox at which the dispatchers pause (0: never; sequential runs never do).
    var outboxLimit: Int
    /// Messages awaiting their publisher confirm at once.
    var publishWindow: Int
    var consumersPerChannel: Int
    var prefetch: Int
    /// Milliseconds a worker lets deliveries gather after a small batch.
    var batchLinger: Int
    /// PostgreSQL connections in the pool the roles share.
    var poolConnections: Int
    /// Seconds without progress before the run is declared stuck.
    var stallTimeout: Double
    /// The benchmark's database and virtual host.
    var database: String
    var virtualHost: String
    /// Compose and render each message, as `relance worker` does (off: the pipeline alone).
    var composeMessages: Bool
    /// Run the phases one after the other (diagnosis: what each phase costs alone).
    var sequential: Bool
    /// Keep the benchmark database after the run.
    var keep: Bool
}
