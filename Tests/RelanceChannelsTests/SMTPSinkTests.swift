import Foundation
import RelanceChannels
import RelanceCore
import RelancePipeline
import Testing

/// The email channel and the SMTP client against the real local sink (deploy/smtp-sink.sh):
/// what arrives, read back from the files the sink stored. Skipped, with the reason printed,
/// when the sink does not answer, unless RELANCE_REQUIRE_SMTP is set (deploy/test.sh): then
/// they run and fail, saying how to start it. Each test sends to addresses of its own.
@Suite("SMTP against the local sink", .enabled(if: SMTPSink.enabled(), SMTPSink.skipReason))
struct SMTPSinkTests {
    @Test("an email with accents and an invoice table arrives whole: headers, both parts, accents")
    func arrives() async throws {
        try SMTPSink.requireRunning()
        let pool = SMTPConnectionPool(configuration: SMTPSink.configuration)
        let channel = try EmailChannel(renderer: Fixtures.renderer, transport: pool, configuration: SMTPSink.configuration)
        let recipient = SMTPSink.uniqueRecipient("helene")
        let jobID = UUID()
        let job = Fixtures.job(jobID: jobID, context: Fixtures.context(debtorEmail: recipient), templateKey: "reminder.courteous", tone: .courteous)
        let expected = try await channel.compose(job)

        let delivery = try await channel.perform(job)
        await pool.close()

        #expect(delivery.outcome == .sent)
        let object = try JSONSerialization.jsonObject(with: Data(delivery.detail.utf8))
        let detail = try #require(object as? [String: String])
        #expect(detail["message_id"] == "job-\(jobID.uuidString.lowercased())@relance.test")
        #expect(detail["recipient"] == recipient)
        #expect(detail["smtp_reply"]?.hasPrefix("250 2.0.0 OK: queued as") == true)

        let stored = try await SMTPSink.messages(for: recipient)
        try #require(stored.count == 1, "the sink stored \(stored.count) messages for \(recipient)")
        let read = stored[0]
        #expect(read.decodedHeader("Subject") == expected.subject)
        #expect(read.decodedHeader("Subject")?.contains("€") == true)
        #expect(read.header("Message-ID") == "<job-\(jobID.uuidString.lowercased())@relance.test>")
        #expect(read.header("Date") == "Wed, 02 Dec 2026 17:20:29 +0100")
        #expect(read.decodedHeader("From") == "Atelier Durand & Frères — Créations <relance@relance.test>")
        #expect(read.decodedHeader("To") == "Hélène Lefèvre <\(recipient)>")
        #expect(read.decodedHeader("Reply-To") == "Atelier Durand & Frères — Créations <compta@atelier-durand.example>")
        let parts = read.parts
        try #require(parts.count == 2)
        #expect(parts[0].header("Content-Type") == "text/plain; charset=UTF-8")
        #expect(parts[1].header("Content-Type") == "text/html; charset=UTF-8")
        let text = parts[0].text
        #expect(text.contains("Bonjour Hélène Lefèvre,"))
        #expect(text.contains("F-2026-101"))
        #expect(text.contains("F-2026-117"))
        #expect(text.contains("3\u{A0}250,50\u{A0}€"))
        #expect(text.contains("règlement"))
        let html = parts[1].text
        #expect(html.contains("<td>F-2026-101</td>"))
        #expect(html.contains("<td>3\u{A0}000,00\u{A0}€</td>"))
        #expect(html.contains("<th>Échéance</th>"))
        #expect(text == expected.text.replacingOccurrences(of: "\r\n", with: "\n"))
    }

    @Test("a firmer reminder arrives with the penalties and the sum due")
    func penaltiesArrive() async throws {
        try SMTPSink.requireRunning()
        let client = SMTPClient(configuration: SMTPSink.configuration)
        let channel = try EmailChannel(renderer: Fixtures.renderer, transport: client, configuration: SMTPSink.configuration)
        let recipient = SMTPSink.uniqueRecipient("penalites")
        _ = try await channel.perform(Fixtures.job(context: Fixtures.context(debtorEmail: recipient), templateKey: "reminder.firm"))
        await client.close()
        let stored = try await SMTPSink.messages(for: recipient)
        try #require(stored.count == 1)
        let subject = try #require(stored[0].decodedHeader("Subject"))
        #expect(subject.hasPrefix("Deuxième relance : factures F-2026-101"), "\(subject)")
        #expect(subject.hasSuffix("3\u{A0}386,94\u{A0}€"), "\(subject)")
        let text = stored[0].top.text
        #expect(text.contains("56,44\u{A0}€"))
        #expect(text.contains("80,00\u{A0}€"))
        #expect(text.contains("3\u{A0}386,94\u{A0}€"))
        #expect(text.contains("article L. 441-10 du code de commerce"))
    }

    @Test("a refused recipient is a permanent failure that carries the server's 550")
    func refusedRecipient() async throws {
        try SMTPSink.requireRunning()
        let pool = SMTPConnectionPool(configuration: SMTPSink.configuration)
        let channel = try EmailChannel(renderer: Fixtures.renderer, transport: pool, configuration: SMTPSink.configuration)
        let recipient = SMTPSink.uniqueRecipient("refuse")
        do {
            _ = try await channel.perform(Fixtures.job(context: Fixtures.context(debtorEmail: recipient)))
            Issue.record("the refused recipient was accepted")
        } catch {
            #expect(error.kind == .permanent)
            #expect(error.message.contains("550 5.1.1 mailbox unavailable"), "\(error)")
        }
        await pool.close()
        #expect(try await SMTPSink.messages(for: recipient, count: 0).isEmpty)
    }

    @Test("a busy recipient (451) is a transient failure")
    func busyRecipient() async throws {
        try SMTPSink.requireRunning()
        let client = SMTPClient(configuration: SMTPSink.configuration)
        let message = try Fixtures.message(to: SMTPSink.uniqueRecipient("busy"))
        do {
            _ = try await client.send(message)
            Issue.record("the busy recipient was accepted")
        } catch {
            #expect(!error.isPermanent)
            #expect(error.code == .temporarilyRefused)
            #expect(error.replyCode == 451)
            #expect(error.serverReply == "451 4.3.0 try again later")
        }
        await client.close()
    }

    @Test("a server that is down is a transient failure, through the channel too")
    func serverDown() async throws {
        var configuration = SMTPSink.configuration
        configuration.port = SMTPSink.closedPort()
        let client = SMTPClient(configuration: configuration)
        let message = try Fixtures.message(to: SMTPSink.uniqueRecipient())
        do {
            _ = try await client.send(message)
            Issue.record("a message went to a closed port")
        } catch {
            #expect(!error.isPermanent)
            #expect(error.code == .connectionFailed)
        }
        await client.close()
        let channel = try EmailChannel(renderer: Fixtures.renderer, transport: SMTPClient(configuration: configuration), configuration: configuration)
        do {
            _ = try await channel.perform(Fixtures.job(context: Fixtures.context(debtorEmail: SMTPSink.uniqueRecipient())))
            Issue.record("the channel sent to a closed port")
        } catch {
            #expect(error.kind == .transient)
        }
    }

    @Test("a batch goes over one connection, and a refusal in it does not stop the others")
    func batchOverOneConnection() async throws {
        try SMTPSink.requireRunning()
        let client = SMTPClient(configuration: SMTPSink.configuration)
        let recipients = (0..<6).map { SMTPSink.uniqueRecipient($0 == 3 ? "refuse" : "lot") }
        let messages = try recipients.map { try Fixtures.message(to: $0, text: "Message pour \($0)\n") }
        let results = await client.send(batch: messages)
        try #require(results.count == 6)
        for (index, result) in results.enumerated() where index != 3 {
            let receipt = try result.get()
            #expect(receipt.messageID == messages[index].messageID)
            #expect(receipt.reply.hasPrefix("250"))
        }
        #expect(throws: SMTPError.self) { try results[3].get() }
        // The messages after the first went over the open connection (the refusal may close
        // it: the message after it may then open a new one).
        for index in [1, 2, 5] {
            #expect((try? results[index].get().reusedConnection) == true, "message \(index): \(results[index])")
        }
        // Later single sends on the same client still reuse it.
        let later = try await client.send(Fixtures.message(to: SMTPSink.uniqueRecipient("apres")))
        #expect(later.reusedConnection)
        await client.close()
        for (index, recipient) in recipients.enumerated() {
            let stored = try await SMTPSink.messages(for: recipient, count: index == 3 ? 0 : 1)
            #expect(stored.count == (index == 3 ? 0 : 1), "\(recipient)")
            if index != 3 {
                #expect(stored.first?.top.text == "Message pour \(recipient)\n")
            }
        }
    }

    @Test("many jobs at once share the pool's few connections, and every message arrives once")
    func concurrentJobs() async throws {
        try SMTPSink.requireRunning()
        let pool = SMTPConnectionPool(configuration: SMTPSink.configuration)
        let channel = try EmailChannel(renderer: Fixtures.renderer, transport: pool, configuration: SMTPSink.configuration)
        let recipients = (0..<32).map { _ in SMTPSink.uniqueRecipient("concurrent") }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for recipient in recipients {
                group.addTask {
                    let delivery = try await channel.perform(Fixtures.job(context: Fixtures.context(debtorEmail: recipient)))
                    #expect(delivery.outcome == .sent)
                }
            }
            try await group.waitForAll()
        }
        await pool.close()
        for recipient in recipients {
            #expect(try await SMTPSink.messages(for: recipient).count == 1)
        }
    }
}
