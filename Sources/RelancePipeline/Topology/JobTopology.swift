import AMQP
import RelanceCore

/// The RabbitMQ topology of the pipeline, declared idempotently at start-up (the same as
/// `deploy/rabbitmq-definitions.json`).
///
/// - `relance.jobs` (direct): one durable quorum queue per queue channel (`relance.email`,
///   `relance.letter` — registered letters travel there too —, `relance.call`,
///   `relance.legal`), bound by the channel name. Each has a delivery limit, so a message that
///   kills its worker again and again cannot loop forever, and dead-letters at least once to:
/// - `relance.dead` (direct): `relance.dlq.<channel>`, where messages no worker could handle
///   wait for an operator, with the reason in their headers.
/// - delayed retries: `relance.retry.<channel>.<tier>` quorum queues without consumers; a
///   message waits there for its expiration, then is dead-lettered back to `relance.jobs`
///   with its channel as routing key.
public struct JobTopology: Sendable, Hashable {
    public static let jobsExchange = "relance.jobs"
    public static let deadLetterExchange = "relance.dead"

    /// The channels that have a queue of their own.
    public static let queueChannels: [Channel] = [.email, .letter, .call, .legal]

    /// Nominal delays of the retry tiers (see `RetryPolicy`).
    public static let retryTiers: [Duration] = [.seconds(5), .seconds(25), .seconds(125), .seconds(600)]

    /// Deliveries of one message before the broker dead-letters it.
    public var deliveryLimit: Int64

    public init(deliveryLimit: Int64 = 10) {
        self.deliveryLimit = deliveryLimit
    }

    public static func queue(for channel: Channel) -> String { "relance.\(channel.queueChannel.rawValue)" }
    public static func routingKey(for channel: Channel) -> String { channel.queueChannel.rawValue }
    public static func deadLetterQueue(for channel: Channel) -> String { "relance.dlq.\(channel.queueChannel.rawValue)" }

    public static func retryQueue(for channel: Channel, tier: Int) -> String {
        "relance.retry.\(channel.queueChannel.rawValue).\(Int(retryTiers[tier].components.seconds))s"
    }

    /// The tier whose nominal delay is closest to `delay`.
    public static func retryTier(for delay: Duration) -> Int {
        var best = 0
        func distance(_ a: Duration, _ b: Duration) -> Duration { a > b ? a - b : b - a }
        for (index, tier) in retryTiers.enumerated() where distance(tier, delay) < distance(retryTiers[best], delay) {
            best = index
        }
        return best
    }

    /// Declares everything; safe to run again and from several processes.
    public func declare(on connection: AMQPConnection) async throws {
        try await connection.declareExchange(Self.jobsExchange, type: .direct, durable: true)
        try await connection.declareExchange(Self.deadLetterExchange, type: .direct, durable: true)
        for channel in Self.queueChannels {
            let queue = Self.queue(for: channel)
            try await connection.declareQueue(queue, durable: true, arguments: [
                "x-queue-type": "quorum",
                "x-delivery-limit": .int64(deliveryLimit),
                "x-dead-letter-exchange": .string(Self.deadLetterExchange),
                "x-dead-letter-strategy": "at-least-once",
                "x-overflow": "reject-publish",
            ])
            try await connection.bindQueue(queue, exchange: Self.jobsExchange, routingKey: Self.routingKey(for: channel))

            let deadLetters = Self.deadLetterQueue(for: channel)
            try await connection.declareQueue(deadLetters, durable: true, arguments: ["x-queue-type": "quorum"])
            try await connection.bindQueue(deadLetters, exchange: Self.deadLetterExchange, routingKey: Self.routingKey(for: channel))

            for tier in Self.retryTiers.indices {
                try await connection.declareQueue(Self.retryQueue(for: channel, tier: tier), durable: true, arguments: [
                    "x-queue-type": "quorum",
                    "x-dead-letter-exchange": .string(Self.jobsExchange),
                    "x-dead-letter-routing-key": .string(Self.routingKey(for: channel)),
                    "x-dead-letter-strategy": "at-least-once",
                    "x-overflow": "reject-publish",
                ])
            }
        }
    }
}
