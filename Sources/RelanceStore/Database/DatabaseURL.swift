import Foundation
import PostgresNIO

/// A PostgreSQL location given as `postgres://user:password@host:port/database`.
public struct DatabaseURL: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String

    /// The local database that `deploy/services-up.sh` creates.
    public static let localDefault = "postgres://relance:relance@127.0.0.1:5432/relance"

    public init(host: String, port: Int = 5432, username: String, password: String?, database: String) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
    }

    public init(_ text: String) throws(StoreError) {
        func invalid(_ why: String) -> StoreError {
            StoreError(.invalidDatabaseURL, "invalid database URL (\(why)); expected postgres://user:password@host:port/database")
        }
        var rest = Substring(text)
        if rest.hasPrefix("postgres://") {
            rest = rest.dropFirst("postgres://".count)
        } else if rest.hasPrefix("postgresql://") {
            rest = rest.dropFirst("postgresql://".count)
        } else {
            throw invalid("scheme must be postgres or postgresql")
        }
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        guard let slash = rest.firstIndex(of: "/") else { throw invalid("no database name") }
        let authority = rest[..<slash]
        let database = try Self.percentDecoded(rest[rest.index(after: slash)...], invalid)
        guard !database.isEmpty else { throw invalid("no database name") }

        var hostPort = authority
        var username = "postgres"
        var password: String?
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            hostPort = authority[authority.index(after: at)...]
            if let colon = userInfo.firstIndex(of: ":") {
                username = try Self.percentDecoded(userInfo[..<colon], invalid)
                password = try Self.percentDecoded(userInfo[userInfo.index(after: colon)...], invalid)
            } else {
                username = try Self.percentDecoded(userInfo, invalid)
            }
        }
        var host = String(hostPort)
        var port = 5432
        if let colon = hostPort.lastIndex(of: ":"), !hostPort.hasSuffix("]") {
            guard let p = Int(hostPort[hostPort.index(after: colon)...]), (1...65535).contains(p) else {
                throw invalid("bad port")
            }
            port = p
            host = String(hostPort[..<colon])
        }
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw invalid("no host") }
        self.init(host: host, port: port, username: username, password: password, database: database)
    }

    /// The same server, another database.
    public func with(database: String) -> DatabaseURL {
        var copy = self
        copy.database = database
        return copy
    }

    /// The URL with its password, to hand to another process (never to a log).
    public var urlWithPassword: String {
        func encoded(_ text: String) -> String {
            text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
        }
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return "postgres://\(encoded(username))\(password.map { ":" + encoded($0) } ?? "")@\(hostPart):\(port)/\(encoded(database))"
    }

    /// The URL without its password, for logs and messages.
    public var description: String {
        "postgres://\(username)\(password == nil ? "" : ":***")@\(host):\(port)/\(database)"
    }

    /// A PostgresNIO client configuration for this location (no TLS: the services are local).
    public func clientConfiguration() -> PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(
            host: host,
            port: port,
            username: username,
            password: password,
            database: database,
            tls: .disable
        )
        configuration.options.minimumConnections = 0
        // The statements are short and run thousands of times: compiling them to machine code
        // (JIT) cost 20–45 ms per claim on a big schedule, more than the claim's own work.
        configuration.options.additionalStartupParameters = [("jit", "off")]
        return configuration
    }

    private static func percentDecoded(
        _ text: Substring,
        _ invalid: (String) -> StoreError
    ) throws(StoreError) -> String {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next(), let low = iterator.next(),
                      let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
                else { throw invalid("bad percent-encoding") }
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
