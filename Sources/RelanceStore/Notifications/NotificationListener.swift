import Logging
import PostgresNIO
import RelancePipeline
import ServiceLifecycle

/// Listens to PostgreSQL notifications (`relance_invoices` when invoices or payments change,
/// `relance_outbox` when jobs are written) and signals the matching wake-ups. A lost connection
/// is re-opened after a pause; meanwhile the services still poll.
public struct NotificationListener: Service {
    /// Notified when invoices or payments change: dispatchers look for due steps.
    public static let invoicesChannel = "relance_invoices"
    /// Notified when jobs enter the outbox: relays publish them.
    public static let outboxChannel = "relance_outbox"

    public let client: PostgresClient
    public let signals: [String: WakeSignal]
    public let logger: Logger

    public init(client: PostgresClient, signals: [String: WakeSignal], logger: Logger) {
        self.client = client
        self.signals = signals
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await listen()
                } catch is CancellationError {
                    return
                } catch {
                    logger.notice("Lost the notification connection; listening again shortly", metadata: ["error": "\(error)"])
                    try? await Task.sleep(for: .seconds(1))
                }
            }
        }
    }

    private func listen() async throws {
        try await client.withConnection { connection in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (channel, signal) in signals {
                    group.addTask {
                        try await connection.listen(on: channel) { notifications in
                            for try await _ in notifications { signal.signal() }
                        }
                    }
                }
                try await group.next()
                group.cancelAll()
            }
        }
    }
}
