import Logging
import PostgresNIO

extension PostgresClient {
    /// `withTransaction`, rethrowing the body's own error rather than PostgresNIO's
    /// `PostgresTransactionError` wrapper, so callers see the typed error (an unknown invoice,
    /// an illegal transition) that rolled the transaction back.
    func transaction<Result: Sendable>(
        logger: Logger,
        _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        do {
            return try await withTransaction(logger: logger) { connection in
                try await body(connection)
            }
        } catch let error as PostgresTransactionError {
            throw StoreError.translating(error.closureError ?? error.beginError ?? error.commitError ?? error)
        } catch {
            throw StoreError.translating(error)
        }
    }

    /// Runs one statement or read outside a transaction, translating constraint violations.
    @discardableResult
    func run<Result: Sendable>(_ body: () async throws -> Result) async throws -> Result {
        do {
            return try await body()
        } catch {
            throw StoreError.translating(error)
        }
    }
}
