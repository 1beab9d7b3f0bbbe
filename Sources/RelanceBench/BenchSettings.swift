/// What one benchmark run does, and the pipeline's tuning for it.
public struct BenchSettings: Sendable, Codable {
    /// Due steps to seed and carry out.
    public var reminders: Int
    public var tenants: Int
    /// Invoices per debtor, all on one channel: a debtor's due steps travel in one message.
    public var invoicesPerDebtor: Int
    /// Dispatchers claiming at once (each its own claim loop).
    public var dispatchers: Int
    /// Due steps per claim transaction.
    public var dispatchBatch: Int
    /// Outbox rows per relay transaction and publish batch.
    public var relayBatch: Int
    /// Relays publishing at once.
    public var relays: Int
    /// Jobs waiting in the outbox at which the dispatchers pause (0: never; sequential runs never do).
    public var outboxLimit: Int
    /// Messages awaiting their publisher confirm at once.
    public var publishWindow: Int
    public var consumersPerChannel: Int
    public var prefetch: Int
    /// Milliseconds a worker lets deliveries gather after a small batch.
    public var batchLinger: Int
    /// PostgreSQL connections in the pool the roles share.
    public var poolConnections: Int
    /// Seconds without progress before the run is declared stuck.
    public var stallTimeout: Double
    /// The benchmark's database and virtual host.
    public var database: String
    public var virtualHost: String
    /// Compose and render each message, as `relance worker` does (off: the pipeline alone).
    public var composeMessages: Bool
    /// Run the phases one after the other (diagnosis: what each phase costs alone).
    public var sequential: Bool
    /// Keep the benchmark database after the run.
    public var keep: Bool
    /// The channels the workers act with: record-only (the default: render and record), or the
    /// real ones (`--channels real`: SMTP to the configured relay, PDFs in the artefact
    /// directory, call tasks, dossiers).
    public var realChannels = false

    public init(
        reminders: Int,
        tenants: Int,
        invoicesPerDebtor: Int,
        dispatchers: Int,
        dispatchBatch: Int,
        relayBatch: Int,
        relays: Int,
        outboxLimit: Int,
        publishWindow: Int,
        consumersPerChannel: Int,
        prefetch: Int,
        batchLinger: Int,
        poolConnections: Int,
        stallTimeout: Double,
        database: String,
        virtualHost: String,
        composeMessages: Bool,
        sequential: Bool,
        keep: Bool
    ) {
        self.reminders = reminders
        self.tenants = tenants
        self.invoicesPerDebtor = invoicesPerDebtor
        self.dispatchers = dispatchers
        self.dispatchBatch = dispatchBatch
        self.relayBatch = relayBatch
        self.relays = relays
        self.outboxLimit = outboxLimit
        self.publishWindow = publishWindow
        self.consumersPerChannel = consumersPerChannel
        self.prefetch = prefetch
        self.batchLinger = batchLinger
        self.poolConnections = poolConnections
        self.stallTimeout = stallTimeout
        self.database = database
        self.virtualHost = virtualHost
        self.composeMessages = composeMessages
        self.sequential = sequential
        self.keep = keep
    }
}
