import Logging
import PostgresNIO

extension PostgresClient {
    /// Runs `body` with a client whose connection pool is running, then shuts the pool down.
    /// For commands and tests; long-lived processes run the client as a `Service` instead.
    @discardableResult
    public static func withRunningClient<Result: Sendable>(
        _ url: DatabaseURL,
        logger: Logger,
        _ body: @Sendable (PostgresClient) async throws -> Result
    ) async throws -> Result {
        // The pool warns when leased before run() has started; here that race is expected.
        var backgroundLogger = logger
        backgroundLogger.logLevel = max(logger.logLevel, .error)
        let client = PostgresClient(configuration: url.clientConfiguration(), backgroundLogger: backgroundLogger)
        return try await withThrowingTaskGroup(of: Result?.self) { group in
            group.addTask {
                await client.run()
                return nil
            }
            defer { group.cancelAll() }
            return try await body(client)
        }
    }
}

extension PostgresConnection {
    /// Runs `body` on one direct connection, closed afterwards. Fails at once when the server
    /// cannot be reached (a pool would retry for a minute): right for one-shot commands.
    @discardableResult
    public static func withSingleConnection<Result: Sendable>(
        _ url: DatabaseURL,
        logger: Logger,
        _ body: @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        let configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.username,
            password: url.password, database: url.database, tls: .disable
        )
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
            let result = try await body(connection)
            try? await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
