import Foundation
import PostgresNIO
import RelanceCore
import RelancePipeline
import RelanceRuntime
import RelanceStore
import Testing

/// The pipeline with the real channels, as `relance run` wires them: emails through the local
/// SMTP sink (deploy/smtp-sink.sh), letters and dossiers written as PDFs, call tasks in
/// PostgreSQL. Runs when RELANCE_REQUIRE_SMTP is set (deploy/test.sh starts the sink);
/// otherwise it is skipped, saying why.
enum SMTPSinkRequirement {
    static var required: Bool {
        let required = ProcessInfo.processInfo.environment["RELANCE_REQUIRE_SMTP"].map { !$0.isEmpty && $0 != "0" } ?? false
        if !required { print("RelancePipelineTests: skipping the real-channel flow: RELANCE_REQUIRE_SMTP is not set") }
        return required
    }
}

@Suite(
    "The pipeline end to end with the real channels",
    .enabled(if: SMTPSinkRequirement.required, "set RELANCE_REQUIRE_SMTP=1 with the SMTP sink running (deploy/smtp-sink.sh up)")
)
struct RealChannelsFlowTests {

    @Test("Every step acts on its real channel: emails in the sink, letters and dossiers on disk, one call task per call job; every job one outcome")
    func wholeLadderOnRealChannels() async throws {
        let due = try CalendarDate(iso: "2026-03-02")
        let start = due.adding(days: -10)
        let artefacts = FileManager.default.temporaryDirectory.appendingPathComponent("relance-flow-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: artefacts) }
        try await PipelineHarness.run(start: PipelineHarness.morning(start)) { harness in
            _ = try await harness.seed(debtors: 3, due: due, today: start)
            var configuration = RelanceConfiguration()
            configuration.artefactsDirectory = artefacts.path
            let channels = try WorkerChannels.real(configuration, reference: harness.reference, logger: harness.logger)
            let dispatcher = try harness.dispatcher()
            let relay = try harness.relay()
            let worker = try harness.worker(workerChannels: channels)
            let workers = BackgroundService { try await worker.run() }

            for offset in -5...55 {
                harness.clock.set(PipelineHarness.morning(due.adding(days: offset)))
                try await dispatcher.claimUntilIdle()
                try await harness.publishAll(relay)
                #expect(try await harness.waitForOutcomes(), "outcomes missing on day \(offset)")
            }
            await workers.stop()
            await channels.close()

            #expect(try await harness.jobCount == harness.outcomeCount)
            // Each channel's own outcome, and nothing failed.
            let rows = try await harness.client.query(
                "SELECT channel, outcome, count(*)::int8 FROM job_outcomes GROUP BY channel, outcome ORDER BY channel, outcome",
                logger: harness.logger
            )
            var outcomes: [String: String] = [:]
            for try await (channel, outcome, _) in rows.decode((String, String, Int).self) {
                #expect(outcomes[channel] == nil, "\(channel) has outcomes \(outcomes[channel] ?? "") and \(outcome)")
                outcomes[channel] = outcome
            }
            #expect(outcomes == [
                "email": "sent", "call": "task_created", "letter": "prepared", "registered_letter": "prepared", "legal": "prepared",
            ])

            // One call task per call job; every PDF on disk; every email in the sink.
            #expect(try await harness.count(
                "SELECT count(*)::int8 FROM jobs j WHERE j.channel = 'call' AND (SELECT count(*) FROM call_tasks t WHERE t.job_id = j.id) <> 1"
            ) == 0)
            #expect(try await harness.count("SELECT count(*)::int8 FROM call_tasks") > 0)
            let files = try await harness.client.query(
                "SELECT artefact_uri FROM job_outcomes WHERE channel IN ('letter', 'registered_letter', 'legal')", logger: harness.logger
            )
            var pdfs = 0
            for try await uri in files.decode(String?.self) {
                let url = try #require(uri.flatMap(URL.init(string:)))
                #expect(FileManager.default.fileExists(atPath: url.path), "\(url.path)")
                #expect(url.path.hasPrefix(artefacts.path))
                pdfs += 1
            }
            #expect(pdfs > 0)
            #expect(try await harness.count("SELECT count(*)::int8 FROM legal_filings WHERE status = 'ready_for_review'") == 3)
            let sink = URL(fileURLWithPath: ProcessInfo.processInfo.environment["RELANCE_SMTP_SINK_DIR"] ?? "/var/lib/relance-smtp-sink")
            let emails = try await harness.client.query(
                "SELECT detail ->> 'recipient', detail ->> 'message_id' FROM job_outcomes WHERE channel = 'email'", logger: harness.logger
            )
            for try await (recipient, messageID) in emails.decode((String, String).self) {
                let folder = sink.appendingPathComponent(recipient)
                let found = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.contains { name in
                    (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))?.contains("Message-ID: <\(messageID)>") == true
                } ?? false
                #expect(found, "email \(messageID) to \(recipient) is not in \(folder.path)")
            }
        }
    }
}
