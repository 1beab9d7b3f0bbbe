import Logging
import PostgresNIO
import RelanceChannels
import RelanceStore
import ServiceLifecycle

/// The webhook deliverer as a service: it reads every tenant's events, so it runs on the
/// owner's pool (the pipeline's), and stops at a graceful shutdown once its batch is recorded.
public struct WebhookDelivery: Service {
    let deliverer: WebhookDeliverer

    public init(client: PostgresClient, logger: Logger) {
        deliverer = WebhookDeliverer(outbox: WebhookOutbox(client: client, logger: logger), logger: logger)
    }

    public func run() async throws {
        let deliverer = deliverer
        try await cancelWhenGracefulShutdown {
            try await deliverer.run()
        }
    }
}
