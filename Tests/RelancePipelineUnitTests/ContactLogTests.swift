import Foundation
import RelanceCore
import RelancePipeline
import Testing

@Suite("Contact log of the record-only channels")
struct ContactLogTests {
    static func action(_ channel: Channel, steps: Int) -> ChannelJob {
        let job = ReminderJob(
            jobId: UUID(), tenantId: UUID(), debtorId: UUID(), channel: channel,
            steps: (0..<steps).map { ReminderJob.Step(stepId: UUID(), invoiceId: UUID(), position: $0, templateKey: "reminder.courteous") },
            createdAt: Date()
        )
        return ChannelJob(job: job, steps: job.steps, invoices: [:], attempt: 1, now: Date())
    }

    @Test("Every contact a recording channel makes is one line, read back with its job, debtor and steps; two writers share a file")
    func linesReadBack() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("contacts-\(UUID()).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = try ContactLog(path: path)
        let second = try ContactLog(path: path)
        let email = Self.action(.email, steps: 2)
        let call = Self.action(.call, steps: 1)
        _ = try await RecordingChannel(contactLog: first).perform(email)
        _ = try await RecordingChannel(contactLog: second).perform(call)
        _ = try await RecordingChannel(contactLog: first).perform(email)   // a redelivery acted on again

        let entries = try ContactLog.read(path: path)
        #expect(entries.map(\.jobId) == [email.job.jobId, call.job.jobId, email.job.jobId])
        #expect(entries[0].steps == email.steps.map(\.stepId))
        #expect(entries[0].debtorId == email.job.debtorId && entries[1].channel == "call")
    }

    @Test("A contact log that cannot be opened is a clear error naming the file")
    func unopenable() {
        #expect {
            _ = try ContactLog(path: "/nonexistent-directory/contacts.jsonl")
        } throws: { error in
            "\(error)".contains("/nonexistent-directory/contacts.jsonl") && "\(error)".contains("No such file")
        }
    }
}
