import Foundation
import RelanceCore

/// A way of reaching a debtor: email, letter, call task, legal dossier. The worker runtime is
/// generic over it; each channel only performs its action and says how it went.
///
/// An action may run twice for one job if its worker dies after acting and before the outcome
/// is committed (the broker redelivers). Channels make that harmless by keying what they
/// produce on the job id (a message id, a file name, a task row).
public protocol ReminderChannel: Sendable {
    /// The channels this implementation serves (e.g. letter and registered letter).
    var channels: Set<Channel> { get }

    func perform(_ job: ChannelJob) async throws(ChannelError) -> ChannelDelivery
}

/// A job as a channel receives it: the message, and the steps still worth acting on after the
/// stale-job guard (steps of invoices paid or disputed since dispatch are removed).
public struct ChannelJob: Sendable {
    public var job: ReminderJob
    public var steps: [ReminderJob.Step]
    public var invoices: [UUID: InvoiceSnapshot]
    /// 1 for the first try, 2 for the first retry, …
    public var attempt: Int
    /// The pipeline's time when the job was taken.
    public var now: Date
    /// What the message says: parties, invoices, penalties, history, next step — when the
    /// worker's composer prepared it.
    public var message: MessageContext?

    public init(job: ReminderJob, steps: [ReminderJob.Step], invoices: [UUID: InvoiceSnapshot],
                attempt: Int, now: Date, message: MessageContext? = nil) {
        self.job = job
        self.steps = steps
        self.invoices = invoices
        self.attempt = attempt
        self.now = now
        self.message = message
    }
}

/// What a channel produced.
public struct ChannelDelivery: Sendable, Hashable {
    public var outcome: OutcomeKind
    /// A JSON object with what an operator or the timeline should know (recipient, subject …).
    public var detail: String
    public var artefactURI: String?

    public init(outcome: OutcomeKind, detail: String = "{}", artefactURI: String? = nil) {
        self.outcome = outcome
        self.detail = detail
        self.artefactURI = artefactURI
    }
}

/// A channel's failure: transient ones are retried later, permanent ones are not.
public struct ChannelError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case transient
        case permanent
    }

    public let kind: Kind
    public let message: String
    /// The debtor's contact point the other end refused for good (a permanent failure only).
    public let unusable: ContactPoint?

    public init(_ kind: Kind, _ message: String, unusable: ContactPoint? = nil) {
        self.kind = kind
        self.message = message
        self.unusable = kind == .permanent ? unusable : nil
    }

    public static func transient(_ message: String) -> ChannelError { ChannelError(.transient, message) }
    public static func permanent(_ message: String) -> ChannelError { ChannelError(.permanent, message) }
    /// A permanent failure because `contact` cannot reach the debtor.
    public static func unusable(_ contact: ContactPoint, _ message: String) -> ChannelError {
        ChannelError(.permanent, message, unusable: contact)
    }

    public var description: String { "\(kind.rawValue): \(message)" }
}
