import Dispatch
import Foundation
import RelanceCore
import RelancePipeline

/// The channel of letters and registered formal notices (mises en demeure): it renders the
/// job's message with its step's template, writes it as a PDF and keeps the file in the
/// artefact store, named by the job so that a redelivered job replaces its file. The letter
/// still has to be printed and posted, so the outcome is `prepared`, not `sent`.
///
/// Failures: a message that cannot make a letter (no template for it, no postal address, an
/// agency letter lacking a mandatory mention) fails for good; a disk that cannot take the
/// file, or a font missing from the installation, is worth retrying once fixed.
public struct LetterChannel: ReminderChannel {
    public let channels: Set<Channel> = [.letter, .registeredLetter]
    public let renderer: TemplateRenderer
    public let store: ArtefactStore
    public let writer: LetterPDFWriter
    /// Whose calendar names the day folder of a file: the day the job was dispatched there, so
    /// that a job redelivered days later still replaces its own file.
    public let timeZone: TimeZone
    /// PDF layout and file writes are synchronous: they run here, off the cooperative pool,
    /// several at once.
    private let queue: DispatchQueue

    public init(
        renderer: TemplateRenderer,
        store: ArtefactStore,
        writer: LetterPDFWriter = LetterPDFWriter(),
        timeZone: TimeZone = TimeZone(identifier: "Europe/Paris")!
    ) {
        self.renderer = renderer
        self.store = store
        self.writer = writer
        self.timeZone = timeZone
        // Concurrent: each letter is a document of its own (libharu keeps no state between
        // documents), and laying out and compressing its embedded fonts is CPU work that a
        // batch of letters spreads over the cores.
        self.queue = DispatchQueue(label: "relance.letters", attributes: .concurrent)
    }

    public func perform(_ job: ChannelJob) async throws(ChannelError) -> ChannelDelivery {
        let channel = job.job.channel
        guard channels.contains(channel) else {
            throw .permanent("the letter channel does not send \(channel.rawValue) jobs")
        }
        guard let context = job.message else {
            throw .permanent("job \(job.job.jobId) carries no message to write")
        }
        guard let step = job.steps.last else {
            throw .permanent("job \(job.job.jobId) has no step left to act on")
        }
        let rendered: RenderedMessage
        do {
            rendered = try renderer.render(key: step.templateKey, channel: channel, tone: step.tone, context: context)
        } catch {
            throw .permanent("cannot render \(step.templateKey): \(error)")
        }
        guard let letter = rendered.letter else {
            throw .permanent("template \(step.templateKey) does not make a letter")
        }

        let registered = channel == .registeredLetter
        let day = CalendarDate(job.job.createdAt, in: timeZone)
        let writer = self.writer
        let store = self.store
        let jobId = job.job.jobId
        let tenantId = job.job.tenantId
        let written = await onQueue { () -> Result<(LetterPDF, StoredArtefact), ChannelError> in
            do throws(LetterError) {
                let content = try LetterContent(letter: letter, context: context, registered: registered)
                let pdf = try writer.write(content)
                do throws(ArtefactStoreError) {
                    return .success((pdf, try store.write(pdf.bytes, tenantId: tenantId, date: day, jobId: jobId)))
                } catch {
                    return .failure(.transient("cannot store the letter: \(error)"))
                }
            } catch {
                return .failure(Self.channelError(error))
            }
        }
        let (pdf, artefact) = try written.get()

        let detail = LetterDeliveryDetail(
            pages: pdf.pageCount,
            sha256: artefact.sha256,
            registered: registered,
            recipient: letter.recipient.joined(separator: ", "),
            title: letter.title,
            artefactURI: artefact.uri
        )
        return ChannelDelivery(outcome: .prepared, detail: detail.json, artefactURI: artefact.uri)
    }

    /// A letter that cannot be written fails for good, unless the installation lacks a font.
    static func channelError(_ error: LetterError) -> ChannelError {
        error.code == .font ? .transient("\(error)") : .permanent("cannot write the letter: \(error)")
    }

    private func onQueue<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }
}
