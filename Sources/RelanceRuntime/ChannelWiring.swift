import Foundation
import Logging
import PostgresNIO
import RelanceChannels
import RelanceCore
import RelancePipeline
import RelanceStore
import Synchronization

/// The channels a worker acts with, as the configuration says (`RELANCE_CHANNELS`), and what
/// must be closed once the workers have stopped.
public struct WorkerChannels: Sendable {
    public var channels: [any ReminderChannel]
    /// The channels that work on the pipeline's database client, made once it exists.
    public var databaseChannels: @Sendable (PostgresClient) throws -> [any ReminderChannel]
    private let closers: Closers

    public init(
        channels: [any ReminderChannel],
        databaseChannels: @escaping @Sendable (PostgresClient) throws -> [any ReminderChannel] = { _ in [] },
        close: @escaping @Sendable () async -> Void = {}
    ) {
        self.channels = channels
        self.databaseChannels = databaseChannels
        closers = Closers()
        closers.add(close)
    }

    /// Closes what the channels hold open (SMTP connections): run after the services stopped.
    public func close() async {
        for close in closers.taken() { await close() }
    }

    /// What must be closed, added as the channels are made.
    final class Closers: Sendable {
        private let list = Mutex<[@Sendable () async -> Void]>([])
        func add(_ close: @escaping @Sendable () async -> Void) { list.withLock { $0.append(close) } }
        func taken() -> [@Sendable () async -> Void] { list.withLock { list in defer { list = [] }; return list } }
    }

    /// The record-only channels: render, record outcome `recorded`, contact nobody; with a
    /// contact log, write there each contact they would have made.
    public static func recording(_ reference: ReferenceData, contactLog: ContactLog? = nil) -> WorkerChannels {
        WorkerChannels(channels: recordingChannels(reference, contactLog: contactLog))
    }

    /// The channels `configuration` asks for: the real ones (email over the SMTP relay of the
    /// `RELANCE_SMTP_*` variables, letters and formal notices as PDFs in the artefact
    /// directory), or the record-only ones.
    public static func configured(
        _ configuration: RelanceConfiguration,
        reference: ReferenceData,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        contactLog: ContactLog? = nil,
        logger: Logger
    ) throws -> WorkerChannels {
        switch configuration.channels {
        case .record:
            return recording(reference, contactLog: contactLog)
        case .real:
            if contactLog != nil {
                throw RelanceConfiguration.ConfigurationError(description: "a contact log is written by the record-only channels: set RELANCE_CHANNELS=record to use one")
            }
            return try real(configuration, reference: reference, environment: environment, logger: logger)
        }
    }

    /// The real channels: email (through the tenant's relay or the installation's), letters and formal
    /// notices as PDFs, call tasks for agents, court payment-order dossiers.
    public static func real(
        _ configuration: RelanceConfiguration,
        reference: ReferenceData,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        logger: Logger
    ) throws -> WorkerChannels {
        let renderer = TemplateRenderer(library: reference.templates, agencyRules: reference.complianceRules.collectionAgency)
        let smtp: SMTPConfiguration
        do {
            smtp = try SMTPConfiguration(environment: environment)
        } catch {
            throw RelanceConfiguration.ConfigurationError(description: "\(error)")
        }
        let pool = SMTPConnectionPool(configuration: smtp, logger: logger)
        let installation: EmailRoute
        do {
            installation = try EmailRoute(transport: pool, configuration: smtp)
        } catch {
            throw RelanceConfiguration.ConfigurationError(description: "RELANCE_SMTP_FROM: \(error)")
        }
        let unsubscribe = environment["RELANCE_UNSUBSCRIBE_ADDRESS"].flatMap { $0.isEmpty ? nil : $0 }
        do {
            _ = try unsubscribe.map(EmailAddress.init)
        } catch {
            throw RelanceConfiguration.ConfigurationError(description: "RELANCE_UNSUBSCRIBE_ADDRESS: \(error)")
        }
        let artefacts = ArtefactStore(root: URL(fileURLWithPath: configuration.artefactsDirectory, isDirectory: true))
        let letters = LetterChannel(renderer: renderer, store: artefacts, timeZone: try configuration.postRoomZone())
        logger.info("Channels: email through the SMTP relay, letters and dossiers written as PDFs, call tasks", metadata: [
            "smtp": "\(smtp)", "artefacts": "\(configuration.artefactsDirectory)",
        ])
        var wired = WorkerChannels(
            channels: [letters],
            close: { await pool.close() }
        )
        let closers = wired.closers
        let postRoom = try configuration.postRoomZone()
        wired.databaseChannels = { client in
            // Tenants with their own SMTP relay send through it; the others through the installation's.
            let tenants = TenantRepository(client: client, logger: logger)
            let routes = TenantEmailRoutes(
                installation: installation, base: smtp,
                load: { Dictionary(uniqueKeysWithValues: try await tenants.smtpRelays().map { ($0.key.uuid, $0.value) }) },
                environment: environment, logger: logger
            )
            closers.add { await routes.close() }
            return [
                try EmailChannel(renderer: renderer, routes: routes, unsubscribeAddress: unsubscribe),
                CallTaskChannel(client: client, reference: reference, logger: logger),
                LegalDossierChannel(client: client, store: artefacts, rateTables: reference.rateTables, timeZone: postRoom, logger: logger),
            ]
        }
        return wired
    }
}
