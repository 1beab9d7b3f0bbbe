import Foundation
import RelanceCore

/// Where and how the email channel reaches its SMTP relay. Every field has a default that
/// works against the local sink of `deploy/smtp-sink.sh` (127.0.0.1:2525, no TLS, no login).
///
/// ``init(environment:)`` reads the `RELANCE_SMTP_*` variables; the password may come from a
/// file (`RELANCE_SMTP_PASSWORD_FILE`) so that it never appears in a process listing.
/// ``description`` never shows the password.
public struct SMTPConfiguration: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// How the connection is protected.
    public typealias Security = SMTPSecurity

    public var host: String
    public var port: Int
    public var security: Security
    /// User name for SMTP AUTH; nil sends no AUTH.
    public var username: String?
    /// Password for SMTP AUTH; never shown by ``description``.
    public var password: String?
    /// The domain this installation sends as: the name given in EHLO and the right-hand side
    /// of every Message-ID.
    public var senderDomain: String
    /// The `From` address and the envelope sender (where bounces go). Replies go to the
    /// creditor's address (`Reply-To`), since a relay only lets its own domains appear in `From`.
    public var fromAddress: String
    /// How long connecting (TCP, TLS, greeting) may take.
    public var connectTimeout: Duration
    /// How long sending one message may take, connecting included.
    public var timeout: Duration
    /// Connections the email channel keeps open to the relay (each on a thread of its own).
    public var connections: Int

    public init(
        host: String = "127.0.0.1",
        port: Int = 2525,
        security: Security = .none,
        username: String? = nil,
        password: String? = nil,
        senderDomain: String = "localhost",
        fromAddress: String = "relance@localhost",
        connectTimeout: Duration = .seconds(10),
        timeout: Duration = .seconds(60),
        connections: Int = 4
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.senderDomain = senderDomain
        self.fromAddress = fromAddress
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.connections = connections
    }

    /// The defaults, overridden by `RELANCE_SMTP_HOST`, `RELANCE_SMTP_PORT`,
    /// `RELANCE_SMTP_SECURITY` (`none`, `starttls`, `implicit_tls`), `RELANCE_SMTP_USERNAME`,
    /// `RELANCE_SMTP_PASSWORD` or `RELANCE_SMTP_PASSWORD_FILE` (its first line),
    /// `RELANCE_SMTP_SENDER_DOMAIN`, `RELANCE_SMTP_FROM`, `RELANCE_SMTP_CONNECT_TIMEOUT` and
    /// `RELANCE_SMTP_TIMEOUT` (seconds), `RELANCE_SMTP_CONNECTIONS`.
    public init(environment: [String: String]) throws(SMTPConfigurationError) {
        self.init()
        func value(_ name: String) -> String? {
            guard let text = environment[name], !text.isEmpty else { return nil }
            return text
        }
        func integer(_ name: String, in range: ClosedRange<Int>) throws(SMTPConfigurationError) -> Int? {
            guard let text = value(name) else { return nil }
            guard let number = Int(text), range.contains(number) else {
                throw SMTPConfigurationError(variable: name, reason: "expected a whole number in \(range.lowerBound)…\(range.upperBound)")
            }
            return number
        }
        if let host = value("RELANCE_SMTP_HOST") { self.host = host }
        if let port = try integer("RELANCE_SMTP_PORT", in: 1...65_535) { self.port = port }
        if let text = value("RELANCE_SMTP_SECURITY") {
            guard let security = Security(rawValue: text) else {
                throw SMTPConfigurationError(variable: "RELANCE_SMTP_SECURITY", reason: "expected none, starttls or implicit_tls")
            }
            self.security = security
        }
        username = value("RELANCE_SMTP_USERNAME")
        if let file = value("RELANCE_SMTP_PASSWORD_FILE") {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw SMTPConfigurationError(variable: "RELANCE_SMTP_PASSWORD_FILE", reason: "cannot read \(file)")
            }
            password = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        } else {
            password = value("RELANCE_SMTP_PASSWORD")
        }
        if let domain = value("RELANCE_SMTP_SENDER_DOMAIN") { senderDomain = domain }
        if let from = value("RELANCE_SMTP_FROM") { fromAddress = from }
        if let seconds = try integer("RELANCE_SMTP_CONNECT_TIMEOUT", in: 1...600) { connectTimeout = .seconds(seconds) }
        if let seconds = try integer("RELANCE_SMTP_TIMEOUT", in: 1...3_600) { timeout = .seconds(seconds) }
        if let count = try integer("RELANCE_SMTP_CONNECTIONS", in: 1...64) { connections = count }
        try validate()
    }

    /// Refuses values no connection can work with, naming the setting.
    public func validate() throws(SMTPConfigurationError) {
        guard !host.isEmpty, !host.contains(where: { $0.isWhitespace || $0 == "/" || $0 == "@" }) else {
            throw SMTPConfigurationError(variable: "RELANCE_SMTP_HOST", reason: "'\(host)' is not a host name")
        }
        guard (1...65_535).contains(port) else {
            throw SMTPConfigurationError(variable: "RELANCE_SMTP_PORT", reason: "\(port) is not a port")
        }
        do {
            _ = try EmailAddress(fromAddress)
            _ = try EmailAddress("postmaster@" + senderDomain)
        } catch {
            throw SMTPConfigurationError(variable: "RELANCE_SMTP_FROM / RELANCE_SMTP_SENDER_DOMAIN", reason: error.description)
        }
        guard connections >= 1 else {
            throw SMTPConfigurationError(variable: "RELANCE_SMTP_CONNECTIONS", reason: "at least one connection is needed")
        }
        guard connectTimeout > .zero, timeout > .zero else {
            throw SMTPConfigurationError(variable: "RELANCE_SMTP_TIMEOUT", reason: "timeouts must be positive")
        }
    }

    /// The URL libcurl connects to: the scheme says whether TLS starts at once, the path is
    /// the EHLO name.
    var url: String {
        let scheme = security == .implicitTLS ? "smtps" : "smtp"
        let bracketed = host.contains(":") ? "[\(host)]" : host
        return "\(scheme)://\(bracketed):\(port)/\(senderDomain)"
    }

    /// `smtp://user@host:port (starttls) from relance@localhost`: no password.
    public var description: String {
        let scheme = security == .implicitTLS ? "smtps" : "smtp"
        let user = username.map { "\($0)@" } ?? ""
        let tls = security == .starttls ? " (starttls)" : ""
        return "\(scheme)://\(user)\(host):\(port)\(tls) from \(fromAddress)"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: [
            "host": host, "port": port, "security": security, "username": username as Any,
            "password": password == nil ? "nil" : "<hidden>", "senderDomain": senderDomain,
            "fromAddress": fromAddress, "connectTimeout": connectTimeout, "timeout": timeout,
            "connections": connections,
        ])
    }
}

/// A `RELANCE_SMTP_*` setting that cannot be used, with its name.
public struct SMTPConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    public let variable: String
    public let reason: String

    public var description: String { "\(variable): \(reason)" }
}
