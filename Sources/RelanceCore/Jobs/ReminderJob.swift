import Foundation

/// The message a dispatcher publishes and a channel worker consumes: one debtor, one channel,
/// the due steps (one per invoice) it carries. Its JSON form is `schemas/messages/job.schema.json`.
///
/// The message names rows, it does not copy them: the worker re-reads the invoices, so that a
/// payment recorded after dispatch is seen (the stale-job guard).
public struct ReminderJob: Sendable, Hashable, Codable {
    /// The current message format; a worker refuses versions it does not know.
    public static let currentVersion = 1

    public struct Step: Sendable, Hashable, Codable {
        public var stepId: UUID
        public var invoiceId: UUID
        public var position: Int
        public var templateKey: String
        /// The wording the planner chose for this step (personalisation).
        public var tone: Tone

        public init(stepId: UUID, invoiceId: UUID, position: Int, templateKey: String, tone: Tone = .neutral) {
            self.stepId = stepId
            self.invoiceId = invoiceId
            self.position = position
            self.templateKey = templateKey
            self.tone = tone
        }

        enum CodingKeys: String, CodingKey {
            case stepId = "step_id"
            case invoiceId = "invoice_id"
            case position
            case templateKey = "template_key"
            case tone
        }
    }

    public var version: Int
    public var jobId: UUID
    public var tenantId: UUID
    public var debtorId: UUID
    public var channel: Channel
    public var steps: [Step]
    /// When the dispatcher created the job (UTC).
    public var createdAt: Date

    public init(jobId: UUID, tenantId: UUID, debtorId: UUID, channel: Channel, steps: [Step], createdAt: Date) {
        self.version = Self.currentVersion
        self.jobId = jobId
        self.tenantId = tenantId
        self.debtorId = debtorId
        self.channel = channel
        self.steps = steps
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case version
        case jobId = "job_id"
        case tenantId = "tenant_id"
        case debtorId = "debtor_id"
        case channel
        case steps
        case createdAt = "created_at"
    }

    /// Encodes to the wire form (JSON, ISO 8601 dates, sorted keys).
    public func encoded() throws -> Data {
        try Self.encoder.encode(self)
    }

    /// Decodes the wire form, checking what JSON decoding alone does not: the version, and
    /// at least one step.
    public static func decode(_ data: Data) throws(ReminderJobDecodingError) -> ReminderJob {
        let job: ReminderJob
        do {
            job = try decoder.decode(ReminderJob.self, from: data)
        } catch {
            throw ReminderJobDecodingError(reason: "not a reminder job: \(Self.summary(of: error))")
        }
        guard job.version == currentVersion else {
            throw ReminderJobDecodingError(reason: "unsupported job version \(job.version)")
        }
        guard !job.steps.isEmpty else {
            throw ReminderJobDecodingError(reason: "job \(job.jobId) has no steps")
        }
        return job
    }

    private static func summary(of error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing field '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "bad value at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        case DecodingError.dataCorrupted(let context):
            context.codingPath.isEmpty
                ? "malformed JSON"
                : "bad value at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        default: "undecodable"
        }
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}

/// Why a message is not a reminder job; it goes to the dead-letter queue with this reason.
public struct ReminderJobDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    public let reason: String
    public var description: String { reason }
}
