/// A tenant's own SMTP relay, used for its emails instead of the installation's (stored as
/// `tenants.smtp_relay`). The password is never stored: only the environment variable or the
/// file it is read from when the relay is first used.
public struct TenantSMTPRelay: Sendable, Hashable, Codable {
    public typealias Security = SMTPSecurity

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    /// The environment variable holding the password.
    public var passwordEnv: String?
    /// The file holding the password (its first line).
    public var passwordFile: String?
    /// The `From` address of the tenant's emails.
    public var from: String
    /// The domain of the Message-IDs; nil: the domain of `from`.
    public var senderDomain: String?

    public init(
        host: String, port: Int, security: Security, username: String? = nil,
        passwordEnv: String? = nil, passwordFile: String? = nil, from: String, senderDomain: String? = nil
    ) throws(ModelValidationError) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.passwordEnv = passwordEnv
        self.passwordFile = passwordFile
        self.from = from
        self.senderDomain = senderDomain
        try validate()
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            host: try c.decode(String.self, forKey: .host),
            port: try c.decode(Int.self, forKey: .port),
            security: try c.decode(Security.self, forKey: .security),
            username: try c.decodeIfPresent(String.self, forKey: .username),
            passwordEnv: try c.decodeIfPresent(String.self, forKey: .passwordEnv),
            passwordFile: try c.decodeIfPresent(String.self, forKey: .passwordFile),
            from: try c.decode(String.self, forKey: .from),
            senderDomain: try c.decodeIfPresent(String.self, forKey: .senderDomain)
        )
    }

    func validate() throws(ModelValidationError) {
        func fail(_ why: String) -> ModelValidationError { ModelValidationError(.invalidRelay, "SMTP relay: \(why)") }
        guard !host.trimmedWhitespace.isEmpty else { throw fail("no host") }
        guard (1...65_535).contains(port) else { throw fail("port \(port) is not between 1 and 65535") }
        guard from.contains("@") else { throw fail("the from address \(from) has no domain") }
        if passwordEnv != nil && passwordFile != nil { throw fail("give password_env or password_file, not both") }
        if (passwordEnv != nil || passwordFile != nil) && username == nil { throw fail("a password without a username") }
    }
}

/// How an SMTP connection is protected.
public enum SMTPSecurity: String, Sendable, Hashable, Codable, CaseIterable {
    /// Plain SMTP (a local relay or sink).
    case none
    /// Plain SMTP upgraded with STARTTLS, which must succeed (submission, port 587).
    case starttls
    /// TLS from the first byte (SMTPS, port 465).
    case implicitTLS = "implicit_tls"
}
