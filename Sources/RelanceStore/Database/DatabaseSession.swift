import Logging
import PostgresNIO

/// Where a read runs: the pool (each statement on any connection), or one connection inside a
/// transaction — the API's, which names its tenant for row-level security before anything else.
public protocol DatabaseSession: Sendable {
    func rows(_ query: PostgresQuery, logger: Logger) async throws -> PostgresRowSequence
}

extension PostgresClient: DatabaseSession {
    public func rows(_ query: PostgresQuery, logger: Logger) async throws -> PostgresRowSequence {
        try await self.query(query, logger: logger)
    }
}

extension PostgresConnection: DatabaseSession {
    public func rows(_ query: PostgresQuery, logger: Logger) async throws -> PostgresRowSequence {
        try await self.query(query, logger: logger)
    }
}
