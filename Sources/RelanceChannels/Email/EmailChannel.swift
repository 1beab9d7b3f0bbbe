import Foundation
import RelanceCore
import RelancePipeline

/// The email channel: renders the step's email from the job's message context, builds the
/// MIME message and sends it over SMTP.
///
/// The message goes to the debtor's email address, from the installation's address
/// (`SMTPConfiguration.fromAddress`) under the sender's name (the collection agency's, else
/// the creditor's), with replies to the sender's own address. Its `Message-ID` is derived from
/// the job id, so a job sent again after a redelivery carries the same id and the receiving
/// system can drop the copy. The `Date` is written in the debtor's time zone.
///
/// Failures: a 5xx refusal of the recipient or the message, a missing or malformed address,
/// and a message that cannot be rendered are permanent; 4xx replies, timeouts, broken
/// connections and relay-side refusals (login, sender) are transient and retried.
public struct EmailChannel: ReminderChannel {
    public let channels: Set<Channel> = [.email]
    public let renderer: TemplateRenderer
    /// The relay, `From` address and Message-ID domain of each tenant's emails.
    public let routes: any EmailRouting
    /// Where consumers may ask to receive no more emails (`List-Unsubscribe: <mailto:…>`);
    /// nil writes no such header.
    public let unsubscribeAddress: EmailAddress?

    /// - Parameters:
    ///   - transport: usually an ``SMTPConnectionPool`` built from `configuration`.
    ///   - configuration: the sender domain and from address are taken from it.
    ///   - unsubscribeAddress: see ``unsubscribeAddress``.
    /// - Throws: ``EmailAddressError`` when the from or unsubscribe address is malformed.
    public init(
        renderer: TemplateRenderer,
        transport: any EmailTransport,
        configuration: SMTPConfiguration,
        unsubscribeAddress: String? = nil
    ) throws(EmailAddressError) {
        try self.init(
            renderer: renderer, routes: SingleEmailRoute(EmailRoute(transport: transport, configuration: configuration)),
            unsubscribeAddress: unsubscribeAddress
        )
    }

    /// A channel whose emails take the route of their tenant (see ``TenantEmailRoutes``).
    public init(renderer: TemplateRenderer, routes: any EmailRouting, unsubscribeAddress: String? = nil) throws(EmailAddressError) {
        self.renderer = renderer
        self.routes = routes
        if let unsubscribeAddress {
            self.unsubscribeAddress = try EmailAddress(unsubscribeAddress)
        } else {
            self.unsubscribeAddress = nil
        }
    }

    public func perform(_ job: ChannelJob) async throws(ChannelError) -> ChannelDelivery {
        let route = try await routes.route(forTenant: job.job.tenantId)
        let message = try compose(job, route: route)
        do {
            let receipt = try await route.transport.send(message)
            return ChannelDelivery(outcome: .sent, detail: Self.json([
                "message_id": receipt.messageID,
                "recipient": message.to.map(\.address.description).joined(separator: ","),
                "subject": message.subject,
                "smtp_reply": receipt.reply,
            ]))
        } catch {
            let why = "email \(message.messageID): \(error.description)"
            switch error.code {
            // The relay refused the debtor's address: it is unusable, and the ladder goes on by
            // another channel.
            case .recipientRefused, .invalidAddress: throw .unusable(.email, why)
            default: throw ChannelError(error.isPermanent ? .permanent : .transient, why)
            }
        }
    }

    /// The message `job` sends: rendered, addressed and identified, not yet sent.
    public func compose(_ job: ChannelJob) async throws(ChannelError) -> MIMEMessage {
        try compose(job, route: try await routes.route(forTenant: job.job.tenantId))
    }

    /// The message `job` sends by `route`.
    public func compose(_ job: ChannelJob, route: EmailRoute) throws(ChannelError) -> MIMEMessage {
        guard job.job.channel == .email else {
            throw .permanent("the email channel cannot send a \(job.job.channel.rawValue) job")
        }
        guard let context = job.message else {
            throw .permanent("job \(job.job.jobId) carries no message to send")
        }
        guard let step = job.steps.last else {
            throw .permanent("job \(job.job.jobId) has no step left to send")
        }
        guard let recipientText = context.debtor.email, !recipientText.isEmpty else {
            throw .unusable(.email, "the debtor has no email address")
        }
        let recipient: EmailAddress
        do {
            recipient = try EmailAddress(recipientText)
        } catch {
            throw .unusable(.email, "the debtor's email address is unusable: \(error.description)")
        }
        let rendered: RenderedMessage
        do {
            rendered = try renderer.render(key: step.templateKey, channel: .email, tone: step.tone, context: context)
        } catch {
            throw .permanent("cannot render \(step.templateKey): \(error)")
        }
        guard let email = rendered.email else {
            throw .permanent("template \(step.templateKey) is not an email")
        }

        // The creditor's sender settings name the sender and where replies go; without them
        // the agency's (else the creditor's) name and address.
        let party = context.agency?.party ?? context.creditor
        let senderName = context.sender?.name ?? party.name
        let replyTo = (context.sender?.replyTo ?? party.email).flatMap { try? EmailAddress($0) }
            .map { Mailbox($0, displayName: senderName) }
        let timeZone = job.steps.lazy.compactMap { job.invoices[$0.invoiceId]?.debtorTimeZone.zone }.first
            ?? TimeZone(identifier: "UTC")!
        var unsubscribe: [String] = []
        if context.debtorKind == .consumer, let unsubscribeAddress {
            unsubscribe.append("mailto:\(unsubscribeAddress)?subject=unsubscribe")
        }
        return MIMEMessage(
            from: Mailbox(route.fromAddress, displayName: senderName),
            to: [Mailbox(recipient, displayName: context.debtor.contactName ?? context.debtor.name)],
            replyTo: replyTo,
            subject: email.subject,
            date: job.now,
            timeZone: timeZone,
            messageID: MIMEMessage.messageID(jobID: job.job.jobId, domain: route.senderDomain),
            listUnsubscribe: unsubscribe,
            text: email.text,
            html: email.html.map { Self.document($0, language: context.language) }
        )
    }

    /// The rendered HTML (a fragment) as a whole document that says its encoding and language.
    static func document(_ fragment: String, language: Language) -> String {
        let trimmed = fragment.drop { $0.isWhitespace }.lowercased()
        if trimmed.hasPrefix("<!doctype") || trimmed.hasPrefix("<html") { return fragment }
        return "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head><meta charset=\"utf-8\"></head>\n<body>\n"
            + fragment + "\n</body>\n</html>\n"
    }

    /// An outcome's detail: a flat JSON object, keys sorted.
    static func json(_ fields: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(fields) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
