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

    /// Encodes to the wire form (JSON, sorted keys, ISO 8601 date in UTC to the second): the
    /// same bytes `JSONEncoder` writes with those settings, written directly because the
    /// dispatcher encodes one message per job and the generic encoder costs more than the rest
    /// of the job's planning.
    public func encoded() -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(180 + 190 * steps.count)
        out.append(ascii: #"{"channel":"#)
        out.appendJSONString(channel.rawValue)
        out.append(ascii: #","created_at":""#)
        out.appendISO8601(createdAt)
        out.append(ascii: #"","debtor_id":""#)
        debtorId.appendText(to: &out)
        out.append(ascii: #"","job_id":""#)
        jobId.appendText(to: &out)
        out.append(ascii: #"","steps":["#)
        for (index, step) in steps.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(ascii: #"{"invoice_id":""#)
            step.invoiceId.appendText(to: &out)
            out.append(ascii: #"","position":"#)
            out.append(ascii: String(step.position))
            out.append(ascii: #","step_id":""#)
            step.stepId.appendText(to: &out)
            out.append(ascii: #"","template_key":"#)
            out.appendJSONString(step.templateKey)
            out.append(ascii: #","tone":"#)
            out.appendJSONString(step.tone.rawValue)
            out.append(UInt8(ascii: "}"))
        }
        out.append(ascii: #"],"tenant_id":""#)
        tenantId.appendText(to: &out)
        out.append(ascii: #"","version":"#)
        out.append(ascii: String(version))
        out.append(UInt8(ascii: "}"))
        return Data(out)
    }

    /// Decodes the wire form, checking what JSON decoding alone does not: the version, and
    /// at least one step.
    public static func decode(_ data: Data) throws(ReminderJobDecodingError) -> ReminderJob {
        let job: ReminderJob
        if let canonical = CanonicalJobReader.read(data) {
            job = canonical
        } else {
            do {
                job = try decoder.decode(ReminderJob.self, from: data)
            } catch {
                throw ReminderJobDecodingError(reason: "not a reminder job: \(Self.summary(of: error))")
            }
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

extension [UInt8] {
    fileprivate mutating func append(ascii text: String) {
        append(contentsOf: text.utf8)
    }

    /// A JSON string literal, escaped as `JSONEncoder` escapes (including `/`).
    fileprivate mutating func appendJSONString(_ text: String) {
        append(UInt8(ascii: "\""))
        // Names and keys rarely need an escape: copy them whole when they do not.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "/") }) {
            append(contentsOf: text.utf8)
            append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append(ascii: "\\\"")
            case UInt8(ascii: "\\"): append(ascii: "\\\\")
            case UInt8(ascii: "/"): append(ascii: "\\/")
            case 0x0A: append(ascii: "\\n")
            case 0x0D: append(ascii: "\\r")
            case 0x09: append(ascii: "\\t")
            case 0x08: append(ascii: "\\b")
            case 0x0C: append(ascii: "\\f")
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                append(ascii: "\\u00")
                append(hex[Int(byte >> 4)])
                append(hex[Int(byte & 0x0F)])
            default: append(byte)
            }
        }
        append(UInt8(ascii: "\""))
    }

    /// `2026-03-02T07:00:00Z`: the moment in UTC, fractions of a second dropped.
    fileprivate mutating func appendISO8601(_ date: Date) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let inDay = seconds - days * 86_400
        func two(_ value: Int) {
            append(UInt8(ascii: "0") + UInt8(value / 10))
            append(UInt8(ascii: "0") + UInt8(value % 10))
        }
        append(ascii: CalendarDate(daysSinceEpoch: days).iso)
        append(UInt8(ascii: "T")); two(inDay / 3600)
        append(UInt8(ascii: ":")); two(inDay / 60 % 60)
        append(UInt8(ascii: ":")); two(inDay % 60)
        append(UInt8(ascii: "Z"))
    }
}
