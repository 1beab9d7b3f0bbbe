import RelanceCore
import PostgresNIO

/// An error of the store: a stable code, and a description safe to show a user (no SQL, no
/// credentials). The underlying error, when there is one, is for logs.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public typealias Code = ErrorCode<StoreError>

    public let code: Code
    public let message: String
    /// The error that caused this one, for logs only.
    public let underlying: (any Error)?

    public init(_ code: Code, _ message: String, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    public var description: String { message }

    /// Turns any error met while talking to `url` into a StoreError with a message a user can
    /// act on: the server's own message for a refused statement, "cannot connect" otherwise.
    /// A refused write (SQLSTATE class 23: unique, foreign key, check) becomes a
    /// `constraint_violation` carrying the server's message, which names the constraint but no
    /// values; anything else is returned as it is.
    static func translating(_ error: any Error) -> any Error {
        guard let psql = error as? PSQLError, let state = psql.serverInfo?[.sqlState], state.hasPrefix("23") else {
            return error
        }
        let message = psql.serverInfo?[.message] ?? "the database refused the write"
        return StoreError(.constraintViolation, message, underlying: error)
    }

    /// Runs `read`, which turns a stored value into a domain value; a value that does not make
    /// one is a `corrupt_record` naming `what`.
    static func reading<T>(_ what: @autoclosure () -> String, _ read: () throws -> T) throws -> T {
        do {
            return try read()
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.corruptRecord, "\(what()) cannot be read: \(error)", underlying: error)
        }
    }

    public static func wrapping(_ error: any Error, url: DatabaseURL) -> StoreError {
        if let storeError = error as? StoreError { return storeError }
        if let psql = error as? PSQLError, let serverMessage = psql.serverInfo?[.message] {
            return StoreError(.databaseError, "PostgreSQL at \(url) answered: \(serverMessage)", underlying: error)
        }
        return StoreError(
            .unavailable,
            "cannot connect to PostgreSQL at \(url) (is it running? deploy/services-up.sh starts the local one)",
            underlying: error
        )
    }
}

extension ErrorCode where Domain == StoreError {
    public static var invalidDatabaseURL: Self { Self(name: "invalid_database_url") }
    public static var migrationsNotFound: Self { Self(name: "migrations_not_found") }
    public static var invalidMigration: Self { Self(name: "invalid_migration") }
    public static var migrationChanged: Self { Self(name: "migration_changed") }
    public static var migrationFailed: Self { Self(name: "migration_failed") }
    public static var unknownAppliedMigration: Self { Self(name: "unknown_applied_migration") }
    public static var unavailable: Self { Self(name: "database_unavailable") }
    public static var databaseError: Self { Self(name: "database_error") }
    /// The row named (an invoice, a debtor, a policy …) does not exist.
    public static var notFound: Self { Self(name: "not_found") }
    /// The record cannot be stored as given (an agency without its legal mentions, an
    /// invoice whose debtor belongs to another creditor …).
    public static var invalidRecord: Self { Self(name: "invalid_record") }
    /// The database refused the write: a duplicate, or a reference to a missing row.
    public static var constraintViolation: Self { Self(name: "constraint_violation") }
    /// A stored row does not make a valid domain value (written by hand, or by a newer version).
    public static var corruptRecord: Self { Self(name: "corrupt_record") }
}
