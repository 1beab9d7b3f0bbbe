import Foundation
import Logging
import PostgresNIO
import RelanceCore

extension PostgresClient {
    /// Runs `body` in one transaction acting for `tenant`: its first statement names the tenant
    /// (`relance.tenant_id`, for this transaction only), so that, connected as the application
    /// role, every table shows and accepts that tenant's rows alone (row-level security,
    /// migration 0010) — whether or not a query remembers its `tenant_id`.
    ///
    /// Errors are the body's own (a missing row, an illegal transition) or translated
    /// `StoreError`s; the transaction is rolled back on any error.
    public func withTenant<Result: Sendable>(
        _ tenant: TenantID,
        logger: Logger,
        _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        try await transaction(logger: logger) { connection in
            try await connection.query(
                "SELECT set_config('relance.tenant_id', \(tenant.uuid.uuidString), true)", logger: logger
            )
            return try await body(connection)
        }
    }
}

extension PostgresClient {
    /// A transaction acting for `tenant` when one is given (the API, connected as the
    /// application role), else a plain one (the pipeline and the operators' commands, as the
    /// owner).
    func transaction<Result: Sendable>(
        scopedTo tenant: TenantID?, logger: Logger, _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        if let tenant { return try await withTenant(tenant, logger: logger, body) }
        return try await transaction(logger: logger, body)
    }
}
