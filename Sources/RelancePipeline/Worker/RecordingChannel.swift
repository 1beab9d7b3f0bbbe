import Foundation
import RelanceCore

/// A channel that contacts nobody: it renders the message it would send (when the job carries
/// its message context) and records outcome `recorded` — the step is done, but nobody was
/// contacted, so it neither dates a formal notice nor counts toward the contact budget. The
/// benchmark's channel (`relance bench pipeline` without `--channels real`).
public struct RecordingChannel: ReminderChannel {
    public let channels: Set<Channel>
    public let renderer: TemplateRenderer?
    /// Where each contact this channel would make is written, when set.
    public let contactLog: ContactLog?

    public init(channels: Set<Channel> = Set(Channel.allCases), renderer: TemplateRenderer? = nil, contactLog: ContactLog? = nil) {
        self.channels = channels
        self.renderer = renderer
        self.contactLog = contactLog
    }

    public func perform(_ job: ChannelJob) async throws(ChannelError) -> ChannelDelivery {
        var detail: [String: String] = [
            "mode": "record_only",
            "steps": job.steps.map(\.templateKey).joined(separator: ","),
        ]
        if let renderer, let context = job.message, let step = job.steps.last {
            do {
                let rendered = try renderer.render(key: step.templateKey, channel: job.job.channel, tone: step.tone, context: context)
                detail["subject"] = Self.headline(rendered)
            } catch {
                throw .permanent("cannot render \(step.templateKey): \(error)")
            }
        }
        if let contactLog {
            do {
                try contactLog.record(job)
            } catch {
                throw .transient("\(error)")
            }
        }
        return ChannelDelivery(outcome: .recorded, detail: JSONObjectText.encode(detail))
    }

    static func headline(_ message: RenderedMessage) -> String {
        switch message {
        case .email(let email): email.subject
        case .letter(let letter): letter.subject
        case .call(let call): call.title
        case .legal(let cover): cover.title
        }
    }
}
