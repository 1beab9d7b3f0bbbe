import Foundation
import RelanceCore
import Testing

@Suite("Reminder job messages")
struct ReminderJobTests {
    let job = ReminderJob(
        jobId: UUID(), tenantId: UUID(), debtorId: UUID(), channel: .registeredLetter,
        steps: [ReminderJob.Step(stepId: UUID(), invoiceId: UUID(), position: 5, templateKey: "notice.formal")],
        createdAt: Date(timeIntervalSince1970: 1_764_000_000)
    )

    @Test("A job survives the wire: encode then decode gives it back, with snake_case fields")
    func roundTrip() throws {
        let data = job.encoded()
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"job_id\":\"\(job.jobId.uuidString)\""))
        #expect(text.contains("\"channel\":\"registered_letter\""))
        #expect(text.contains("\"created_at\":\"2025-11-24T"))
        #expect(try ReminderJob.decode(data) == job)
    }

    @Test("Malformed messages are refused with a reason", arguments: [
        ("not json at all", "malformed JSON"),
        (#"{"version":1}"#, "missing field 'job_id'"),
        (#"{"version":1,"job_id":"x","tenant_id":"x","debtor_id":"x","channel":"email","steps":[],"created_at":"2025-01-01T00:00:00Z"}"#, "bad value at 'job_id'"),
    ])
    func malformed(_ input: String, _ reason: String) {
        #expect {
            _ = try ReminderJob.decode(Data(input.utf8))
        } throws: { error in
            (error as? ReminderJobDecodingError)?.reason.contains(reason) == true
        }
    }

    @Test("An unknown version, an unknown channel and an empty job are refused")
    func semanticChecks() throws {
        var other = job
        other.version = 2
        #expect(throws: ReminderJobDecodingError.self) { try ReminderJob.decode(other.encoded()) }

        var empty = job
        empty.steps = []
        #expect {
            try ReminderJob.decode(empty.encoded())
        } throws: { error in
            (error as? ReminderJobDecodingError)?.reason.contains("no steps") == true
        }

        let text = String(decoding: job.encoded(), as: UTF8.self)
            .replacingOccurrences(of: "registered_letter", with: "pigeon")
        #expect {
            try ReminderJob.decode(Data(text.utf8))
        } throws: { error in
            (error as? ReminderJobDecodingError)?.reason.contains("channel") == true
        }
    }

    @Test("The wire form is byte for byte what JSONEncoder writes (sorted keys, ISO 8601 dates)", arguments: [
        0.0, 1_764_000_000.0, 1_764_000_000.999, 1_772_434_800.25, 4_102_444_799.5,
    ])
    func sameBytesAsFoundation(_ seconds: Double) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        let odd = ReminderJob(
            jobId: UUID(), tenantId: UUID(), debtorId: UUID(), channel: .email,
            steps: [
                ReminderJob.Step(stepId: UUID(), invoiceId: UUID(), position: 0, templateKey: "reminder.courteous", tone: .courteous),
                ReminderJob.Step(stepId: UUID(), invoiceId: UUID(), position: 12, templateKey: #"a/b "c" \ d\te"#, tone: .firm),
            ],
            createdAt: Date(timeIntervalSince1970: seconds)
        )
        for job in [job, odd] {
            var timed = job
            timed.createdAt = Date(timeIntervalSince1970: seconds)
            let ours = String(decoding: timed.encoded(), as: UTF8.self)
            let foundation = String(decoding: try encoder.encode(timed), as: UTF8.self)
            #expect(ours == foundation)
        }
    }

    @Test("Random identifiers are version 4, RFC 4122, and distinct")
    func randomIdentifiers() {
        let ids = (0..<1000).map { _ in UUID.random() }
        #expect(Set(ids).count == 1000)
        for id in ids {
            #expect(id.uuid.6 >> 4 == 4)
            #expect(id.uuid.8 >> 6 == 0b10)
            #expect(UUID(uuidString: id.uuidString) == id)
        }
    }

    @Test("Any valid JSON decodes to the same job: the canonical bytes, and reordered, spaced or escaped forms")
    func canonicalAndGeneralForms() throws {
        let canonical = job.encoded()
        #expect(try ReminderJob.decode(canonical) == job)

        let object = try #require(try JSONSerialization.jsonObject(with: canonical) as? [String: Any])
        let pretty = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted])
        #expect(try ReminderJob.decode(pretty) == job)

        var escaped = job
        escaped.steps[0].templateKey = "notice/formal"
        let withEscape = escaped.encoded()
        #expect(String(decoding: withEscape, as: UTF8.self).contains(#"notice\/formal"#))
        #expect(try ReminderJob.decode(withEscape) == escaped)

        // Cut anywhere, the canonical form is refused with a reason, never half-read.
        for cut in stride(from: 1, to: canonical.count, by: 7) {
            #expect(throws: ReminderJobDecodingError.self) { try ReminderJob.decode(canonical.prefix(cut)) }
        }
    }
}
