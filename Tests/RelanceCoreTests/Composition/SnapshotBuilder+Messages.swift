import Foundation
import RelanceCore
import RelanceFixtures

/// The composer and renderer of the shipped reference data, on snapshots built in memory.
extension SnapshotBuilder {
    static let composer = MessageComposer(rateTables: PenaltyFixtures.shippedTables)
    static let renderer = TemplateRenderer(
        library: try! TemplateLibrary(files: RepositoryFiles.templateFiles()),
        agencyRules: SampleMessages.rules.collectionAgency
    )

    // MARK: - Messages

    /// The jobs' messages as of `now` (every step kept); throws the first job's error.
    func compose(_ jobs: [ReminderJob], at now: Date) throws -> [MessageContext] {
        try Self.composer.compose(jobs.map { ($0, $0.steps) }, at: now, from: snapshot).map { try $0.get() }
    }

    /// Renders `context` with the shipped template for `key` and `tone`, on the template's channel.
    static func render(_ context: MessageContext, key: String, tone: Tone) throws -> RenderedMessage {
        let template = try renderer.library.template(key: key, tone: tone, language: context.language)
        return try renderer.render(key: key, channel: template.channel, tone: tone, context: context)
    }
}
