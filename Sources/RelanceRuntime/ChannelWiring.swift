import Foundation
import Logging
import PostgresNIO
import RelanceChannels
import RelanceCore
import RelancePipeline

/// The channels a worker acts with, as the configuration says (`RELANCE_CHANNELS`), and what
/// must be closed once the workers have stopped.
public struct WorkerChannels: Sendable {
    public var channels: [any ReminderChannel]
    /// Run after the services stopped (the SMTP connections are closed).
    public var close: @Sendable () async -> Void

    public init(channels: [any ReminderChannel], close: @escaping @Sendable () async -> Void = {}) {
        self.channels = channels
        self.close = close
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

    /// The real channels.
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
        let email: EmailChannel
        do {
            email = try EmailChannel(renderer: renderer, transport: pool, configuration: smtp,
                                     unsubscribeAddress: environment["RELANCE_UNSUBSCRIBE_ADDRESS"].flatMap { $0.isEmpty ? nil : $0 })
        } catch {
            throw RelanceConfiguration.ConfigurationError(description: "RELANCE_SMTP_FROM or RELANCE_UNSUBSCRIBE_ADDRESS: \(error)")
        }
        let artefacts = ArtefactStore(root: URL(fileURLWithPath: configuration.artefactsDirectory, isDirectory: true))
        let letters = LetterChannel(renderer: renderer, store: artefacts, timeZone: try configuration.postRoomZone())
        logger.info("Channels: email through the SMTP relay, letters written as PDFs", metadata: [
            "smtp": "\(smtp)", "artefacts": "\(configuration.artefactsDirectory)",
        ])
        return WorkerChannels(
            // Call tasks and court dossiers are not real channels yet: they record.
            channels: recordingChannels(reference) + [email, letters],
            close: { await pool.close() }
        )
    }
}
