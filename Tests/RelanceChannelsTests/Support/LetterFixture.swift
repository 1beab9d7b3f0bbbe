import Foundation
import RelanceCore
import RelanceFixtures
import RelancePipeline

/// What a worker reads for a batch, built in memory (`SnapshotBuilder`); then a job's message
/// composed with the domain's `MessageComposer` (penalties from the shipped rate tables) and
/// the `ChannelJob` a worker hands its channel.
typealias LetterFixture = SnapshotBuilder

extension SnapshotBuilder {
    /// The repository root, found from this file's path.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent() // Support
        .deletingLastPathComponent() // RelanceChannelsTests
        .deletingLastPathComponent() // Tests
        .deletingLastPathComponent()

    /// The shipped rate tables, compliance rules and templates.
    static let reference: ReferenceData = {
        do {
            return try ReferenceData.load(
                schemasDirectory: repositoryRoot.appendingPathComponent("schemas"),
                templatesDirectory: repositoryRoot.appendingPathComponent("templates")
            )
        } catch {
            fatalError("the shipped reference data does not load: \(error)")
        }
    }()

    static let renderer = TemplateRenderer(library: reference.templates, agencyRules: reference.complianceRules.collectionAgency)
    static let composer = MessageComposer(rateTables: reference.rateTables)

    // MARK: - What the channel receives

    /// The message of `job` as of `now`, composed by the domain.
    func message(_ job: ReminderJob, at now: Date) throws -> MessageContext {
        try Self.composer.context(for: job, at: now, from: snapshot)
    }

    /// The job as a worker hands it to its channel, with its composed message.
    func channelJob(_ job: ReminderJob, at now: Date, attempt: Int = 1) throws -> ChannelJob {
        ChannelJob(job: job, steps: job.steps, invoices: [:], attempt: attempt, now: now, message: try message(job, at: now))
    }
}
