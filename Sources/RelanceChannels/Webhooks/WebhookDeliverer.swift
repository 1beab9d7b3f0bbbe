import Foundation
import Logging
import RelanceCore
import RelanceStore

/// Sends the webhook events recorded in PostgreSQL to their tenants' endpoints: signed,
/// retried with backoff, at least once.
///
/// ``run()`` loops until its task is cancelled: it claims a batch of due events (with a lease,
/// so several deliverers never send one event at the same moment), posts a few at a time,
/// marks a 2xx as delivered, and schedules anything else again after
/// min(base × 2^(attempts − 1), maximum) ± jitter, until the event has had
/// ``Settings/maxAttempts`` attempts and is given up. When nothing is due it waits
/// ``Settings/pollInterval``.
///
/// An event may reach its endpoint more than once (a deliverer stopped between the answer and
/// its mark, a lease that ran out): receivers deduplicate on its id, the same on every attempt.
public struct WebhookDeliverer: Sendable {
    /// How the deliverer works; every field has a default fit for production.
    public struct Settings: Sendable, Hashable {
        /// The wait when nothing is due.
        public var pollInterval: Duration
        /// Events claimed at a time.
        public var batchSize: Int
        /// Requests under way at once (and the HTTP client's threads).
        public var concurrency: Int
        /// How long a claimed event is held: longer than a request can take (`timeout`).
        public var lease: Duration
        /// Attempts before an event is given up.
        public var maxAttempts: Int
        /// The wait after the first failed attempt; it doubles with each further one.
        public var baseDelay: Duration
        /// The longest wait between attempts.
        public var maxDelay: Duration
        /// The share by which each wait is moved at random, either way (0.2: ±20 %).
        public var jitter: Double
        /// The bound on connecting to an endpoint.
        public var connectTimeout: Duration
        /// The bound on a whole request.
        public var timeout: Duration

        public init(
            pollInterval: Duration = .seconds(1),
            batchSize: Int = 32,
            concurrency: Int = 4,
            lease: Duration = .seconds(60),
            maxAttempts: Int = 15,
            baseDelay: Duration = .seconds(5),
            maxDelay: Duration = .seconds(3600),
            jitter: Double = 0.2,
            connectTimeout: Duration = .seconds(5),
            timeout: Duration = .seconds(15)
        ) {
            self.pollInterval = pollInterval
            self.batchSize = max(1, batchSize)
            self.concurrency = max(1, concurrency)
            self.lease = lease
            self.maxAttempts = max(1, maxAttempts)
            self.baseDelay = baseDelay
            self.maxDelay = maxDelay
            self.jitter = min(max(jitter, 0), 1)
            self.connectTimeout = connectTimeout
            self.timeout = timeout
        }

        /// The wait after `attempts` failed attempts (1 or more), before jitter:
        /// min(baseDelay × 2^(attempts − 1), maxDelay).
        public func backoff(afterAttempts attempts: Int) -> Duration {
            let doublings = min(max(attempts - 1, 0), 40)
            let seconds = min(Self.seconds(baseDelay) * Double(1 << doublings), Self.seconds(maxDelay))
            return .milliseconds(Int64((seconds * 1000).rounded()))
        }

        /// The wait after `attempts` failed attempts with jitter: `unit` in -1…1 moves it by
        /// that share of ``jitter``.
        public func retryDelay(afterAttempts attempts: Int, unit: Double) -> Duration {
            let seconds = Self.seconds(backoff(afterAttempts: attempts)) * (1 + jitter * min(max(unit, -1), 1))
            return .milliseconds(Int64((seconds * 1000).rounded()))
        }

        static func seconds(_ duration: Duration) -> Double {
            let (seconds, attoseconds) = duration.components
            return Double(seconds) + Double(attoseconds) / 1e18
        }
    }

    public let outbox: WebhookOutbox
    public let settings: Settings
    private let client: WebhookHTTPClient
    private let logger: Logger

    /// A deliverer of `outbox`'s events; it makes its own HTTP client, shut down when
    /// ``run()`` returns.
    public init(outbox: WebhookOutbox, settings: Settings = Settings(), logger: Logger = Logger(label: "relance.webhooks")) {
        self.outbox = outbox
        self.settings = settings
        self.logger = logger
        client = WebhookHTTPClient(lanes: settings.concurrency, connectTimeout: settings.connectTimeout, timeout: settings.timeout)
    }

    /// Delivers until the task is cancelled, then returns once the requests under way have
    /// been answered and recorded. A database that cannot be reached is logged and tried again
    /// after the poll interval.
    public func run() async throws {
        logger.info("webhook deliverer started", metadata: ["webhooks.concurrency": "\(settings.concurrency)"])
        while !Task.isCancelled {
            var claimed = 0
            do {
                // Not a child of this task: cancelling the deliverer lets the batch under way
                // finish and record its results rather than leave them to the lease.
                claimed = try await Task { try await deliverDue() }.value
            } catch {
                logger.info("webhook events not claimed", metadata: ["error": "\(String(reflecting: error))"])
            }
            if claimed < settings.batchSize {
                do {
                    try await Task.sleep(for: settings.pollInterval)
                } catch {
                    break
                }
            }
        }
        await client.shutdown()
        logger.info("webhook deliverer stopped")
    }

    /// Claims one batch of due events and delivers it; returns how many were claimed.
    @discardableResult
    public func deliverDue() async throws -> Int {
        let events = try await outbox.claim(limit: settings.batchSize, lease: settings.lease)
        guard !events.isEmpty else { return 0 }
        await withTaskGroup(of: Void.self) { group in
            var waiting = events[...]
            var running = 0
            while let event = waiting.popFirst() {
                if running == settings.concurrency {
                    _ = await group.next()
                    running -= 1
                }
                group.addTask { await deliver(event) }
                running += 1
            }
            await group.waitForAll()
        }
        return events.count
    }

    /// One attempt at one event, and its record.
    private func deliver(_ event: ClaimedWebhookEvent) async {
        let attempt = event.attempts + 1
        let body = Array(event.payload.utf8)
        var metadata: Logger.Metadata = [
            "webhook.event_id": "\(event.id)", "webhook.type": "\(event.type)", "tenant.id": "\(event.tenantId)",
            "webhook.attempt": "\(attempt)",
        ]
        let headers: [(name: String, value: String)] = [
            ("Relance-Event-Id", event.id.uuidString.lowercased()),
            ("Relance-Event-Type", event.type),
            ("Relance-Delivery-Attempt", String(attempt)),
            (WebhookSignature.headerName, WebhookSignature.header(secret: event.secret, date: Date(), body: body)),
        ]
        let status: Int?
        let failure: String
        do throws(WebhookHTTPError) {
            let response = try await client.post(url: event.url, headers: headers, body: body)
            metadata["webhook.status"] = "\(response.status)"
            if response.isSuccess {
                await recordDelivery(of: event, status: response.status, metadata: metadata)
                return
            }
            status = response.status
            failure = Self.refusal(response)
        } catch {
            metadata["webhook.error"] = "\(error.code)"
            status = nil
            failure = error.description
        }
        let next: Date? = attempt >= settings.maxAttempts
            ? nil
            : Date().addingTimeInterval(Settings.seconds(settings.retryDelay(afterAttempts: attempt, unit: Double.random(in: -1...1))))
        do {
            try await outbox.markFailed(event.id, status: status, error: failure, nextAttemptAt: next)
            if next == nil {
                logger.info("webhook event given up", metadata: metadata)
            } else {
                logger.debug("webhook event not delivered, will retry", metadata: metadata)
            }
        } catch {
            metadata["error"] = "\(String(reflecting: error))"
            logger.info("webhook attempt not recorded", metadata: metadata)
        }
    }

    private func recordDelivery(of event: ClaimedWebhookEvent, status: Int, metadata: Logger.Metadata) async {
        var metadata = metadata
        do {
            try await outbox.markDelivered(event.id, status: status)
            logger.debug("webhook event delivered", metadata: metadata)
        } catch {
            // The lease runs out and the event is sent again: the receiver deduplicates it.
            metadata["error"] = "\(String(reflecting: error))"
            logger.info("webhook event delivered but not recorded", metadata: metadata)
        }
    }

    /// The last error of a refused attempt: the status and the start of the body.
    private static func refusal(_ response: WebhookHTTPResponse) -> String {
        let body = response.body.trimmingCharacters(in: .whitespacesAndNewlines)
        return body.isEmpty ? "HTTP \(response.status)" : "HTTP \(response.status): \(body.prefix(300))"
    }
}
