import Foundation
import Logging
import RelanceCore
import RelancePipeline

/// The way one email goes out: the transport that hands it over, the `From` address and the
/// domain of its Message-ID.
public struct EmailRoute: Sendable {
    public let transport: any EmailTransport
    public let fromAddress: EmailAddress
    public let senderDomain: String

    public init(transport: any EmailTransport, fromAddress: EmailAddress, senderDomain: String) {
        self.transport = transport
        self.fromAddress = fromAddress
        self.senderDomain = senderDomain
    }

    /// The route of `configuration`'s relay over `transport`.
    public init(transport: any EmailTransport, configuration: SMTPConfiguration) throws(EmailAddressError) {
        self.init(transport: transport, fromAddress: try EmailAddress(configuration.fromAddress), senderDomain: configuration.senderDomain)
    }
}

/// Chooses the route of a tenant's emails.
public protocol EmailRouting: Sendable {
    func route(forTenant tenant: UUID) async throws(ChannelError) -> EmailRoute
}

/// Every tenant's emails take one route.
public struct SingleEmailRoute: EmailRouting {
    public let route: EmailRoute

    public init(_ route: EmailRoute) { self.route = route }

    public func route(forTenant tenant: UUID) async throws(ChannelError) -> EmailRoute { route }
}

/// The installation's relay, and the relays of the tenants that have their own
/// (`tenants.smtp_relay`), read again every `refreshInterval` so that a changed relay is used
/// without restarting the workers. Each relay gets its own pool of connections, opened when
/// first used; a relay whose settings changed is closed and replaced.
///
/// A tenant's relay that cannot be used as configured (its password variable unset, its file
/// unreadable) fails that tenant's emails as transient, with the reason, until it is fixed; the
/// other tenants are not affected.
public actor TenantEmailRoutes: EmailRouting {
    public typealias Loader = @Sendable () async throws -> [UUID: TenantSMTPRelay]

    private let installation: EmailRoute
    private let base: SMTPConfiguration
    private let load: Loader
    private let environment: [String: String]
    private let refreshInterval: Duration
    private let logger: Logger
    private var relays: [UUID: TenantSMTPRelay] = [:]
    private var loadedAt: ContinuousClock.Instant?
    private var pools: [TenantSMTPRelay: (SMTPConnectionPool, EmailRoute)] = [:]
    private var loading: Task<[UUID: TenantSMTPRelay], any Error>?

    /// - Parameters:
    ///   - installation: the route of tenants without a relay of their own.
    ///   - base: the installation's SMTP settings; a tenant's relay takes its timeouts and
    ///     connection count.
    ///   - load: reads the tenants' relays (`TenantRepository.smtpRelays`).
    ///   - environment: where `password_env` variables are looked up.
    public init(
        installation: EmailRoute, base: SMTPConfiguration, load: @escaping Loader,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        refreshInterval: Duration = .seconds(60), logger: Logger
    ) {
        self.installation = installation
        self.base = base
        self.load = load
        self.environment = environment
        self.refreshInterval = refreshInterval
        self.logger = logger
    }

    public func route(forTenant tenant: UUID) async throws(ChannelError) -> EmailRoute {
        try await refreshIfStale()
        guard let relay = relays[tenant] else { return installation }
        if let (_, route) = pools[relay] { return route }
        let configuration: SMTPConfiguration
        let route: EmailRoute
        do {
            configuration = try SMTPConfiguration(relay: relay, base: base, environment: environment)
        } catch {
            throw .transient("the SMTP relay of tenant \(tenant) cannot be used: \(error)")
        }
        let pool = SMTPConnectionPool(configuration: configuration, logger: logger)
        do {
            route = try EmailRoute(transport: pool, configuration: configuration)
        } catch {
            throw .transient("the SMTP relay of tenant \(tenant) has an unusable from address: \(error)")
        }
        pools[relay] = (pool, route)
        logger.info("Tenant sends through its own SMTP relay", metadata: ["tenant.id": "\(tenant)", "smtp": "\(configuration)"])
        return route
    }

    /// Closes the connections of every tenant relay (not the installation's: its owner does).
    public func close() async {
        let open = pools.values.map(\.0)
        pools = [:]
        for pool in open { await pool.close() }
    }

    private func refreshIfStale() async throws(ChannelError) {
        if let loadedAt, ContinuousClock.now - loadedAt < refreshInterval { return }
        let task: Task<[UUID: TenantSMTPRelay], any Error>
        if let loading {
            task = loading
        } else {
            let load = self.load
            task = Task { try await load() }
            loading = task
        }
        let result = await task.result
        if loading == task { loading = nil }
        switch result {
        case .success(let fresh):
            if loadedAt == nil || fresh != relays {
                // Relays no tenant uses any more are closed.
                let kept = Set(fresh.values)
                for (relay, (pool, _)) in pools where !kept.contains(relay) {
                    pools[relay] = nil
                    await pool.close()
                }
            }
            relays = fresh
            loadedAt = .now
        case .failure(let error):
            guard loadedAt != nil else {
                throw .transient("the tenants' SMTP relays cannot be read: \(error)")
            }
            // Keep the relays known so far; try again at the next message.
            logger.warning("Tenants' SMTP relays cannot be read again; the last ones read are used", metadata: ["error": "\(error)"])
        }
    }
}

extension SMTPConfiguration {
    /// The settings of a tenant's `relay`, with `base`'s timeouts and connection count; its
    /// password read from the environment variable or the file the relay names.
    public init(relay: TenantSMTPRelay, base: SMTPConfiguration, environment: [String: String]) throws(SMTPConfigurationError) {
        var password: String?
        if let name = relay.passwordEnv {
            guard let value = environment[name], !value.isEmpty else {
                throw SMTPConfigurationError(variable: name, reason: "the tenant relay's password variable is not set")
            }
            password = value
        } else if let file = relay.passwordFile {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw SMTPConfigurationError(variable: "password_file", reason: "cannot read \(file)")
            }
            password = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        }
        let domain = relay.senderDomain ?? String(relay.from.split(separator: "@").last ?? "")
        self.init(
            host: relay.host, port: relay.port, security: relay.security, username: relay.username, password: password,
            senderDomain: domain, fromAddress: relay.from, connectTimeout: base.connectTimeout, timeout: base.timeout,
            connections: base.connections
        )
        try validate()
    }
}
