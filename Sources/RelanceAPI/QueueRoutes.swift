import Foundation
import Hummingbird
import Logging
import RelancePipeline
import RelanceStore

extension APIServer {
    /// `GET /v1/ops/queues`: the figures of the relance.* queues, from RabbitMQ's management API,
    /// with the age of their oldest waiting work from the database (`QueueAges`).
    func addQueueRoutes(to ops: RouterGroup<APIContext>) {
        ops.get("queues") { _, context in
            let (_, operations) = try operationsAccess(context)
            guard let monitor = operations.brokerMonitor else {
                throw APIError(status: .serviceUnavailable, code: "queues_unavailable",
                               message: "this server has no RabbitMQ management API configured (RELANCE_AMQP_MANAGEMENT_URL)")
            }
            do {
                let figures = try await monitor.queues()
                let queues = try await QueueAges(client: operations.database, logger: logger).fill(figures, now: settings.now())
                return APIJSON.response(["items": queues.map(QueueView.init)])
            } catch let error as BrokerMonitorError {
                logger.warning("Management API unreachable", metadata: ["error": "\(error)"])
                throw APIError(status: .badGateway, code: "broker_unreachable", message: "\(error)")
            }
        }
    }
}

/// One queue's figures, as the API and `relance ops queues --json` show them.
public struct QueueView: Encodable, Sendable {
    var name: String
    var messages: Int
    var ready: Int
    var unacknowledged: Int
    var consumers: Int
    var publishRate: Double
    var deliverRate: Double
    var ackRate: Double
    /// Null when unknown or when nothing waits.
    var oldestMessageAgeSeconds: Double?
    /// `broker` or `database` (see `QueueAges`); null with no age.
    var oldestAgeSource: String?

    public init(_ figures: QueueFigures) {
        name = figures.name
        messages = figures.messages
        ready = figures.ready
        unacknowledged = figures.unacknowledged
        consumers = figures.consumers
        publishRate = figures.publishRate
        deliverRate = figures.deliverRate
        ackRate = figures.ackRate
        oldestMessageAgeSeconds = figures.oldestMessageAgeSeconds
        oldestAgeSource = figures.oldestAgeSource?.rawValue
    }

    /// The API's JSON for `views` (`{"items": […]}`), for the command line.
    public static func json(_ views: [QueueView]) -> String {
        String(decoding: APIJSON.encode(["items": views]), as: UTF8.self)
    }
}

extension QueueView {
    enum CodingKeys: String, CodingKey {
        case name, messages, ready, unacknowledged, consumers, publishRate, deliverRate, ackRate, oldestMessageAgeSeconds, oldestAgeSource
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(messages, forKey: .messages)
        try container.encode(ready, forKey: .ready)
        try container.encode(unacknowledged, forKey: .unacknowledged)
        try container.encode(consumers, forKey: .consumers)
        try container.encode(publishRate, forKey: .publishRate)
        try container.encode(deliverRate, forKey: .deliverRate)
        try container.encode(ackRate, forKey: .ackRate)
        // Written as null rather than left out: "unknown" is an answer.
        try container.encode(oldestMessageAgeSeconds, forKey: .oldestMessageAgeSeconds)
        try container.encode(oldestAgeSource, forKey: .oldestAgeSource)
    }
}
