import Foundation
import RelanceChannels
import RelanceCore
import RelancePipeline
import Testing

/// The email channel on a recording transport: what it sends, to whom, and how failures are
/// sorted. No SMTP server is involved (see SMTPSinkTests for that).
@Suite("Email channel")
struct EmailChannelTests {
    static func channel(_ transport: RecordingTransport, unsubscribe: String? = nil) throws -> EmailChannel {
        try EmailChannel(
            renderer: Fixtures.renderer,
            transport: transport,
            configuration: SMTPConfiguration(senderDomain: "relance.example", fromAddress: "relances@relance.example"),
            unsubscribeAddress: unsubscribe
        )
    }

    @Test("renders the step's template and sends it to the debtor, from the creditor's name, replies to the creditor")
    func sends() async throws {
        let transport = RecordingTransport()
        let jobID = UUID()
        let job = Fixtures.job(jobID: jobID, context: Fixtures.context(debtorEmail: "helene@lefevre.example"))
        let delivery = try await Self.channel(transport).perform(job)
        #expect(delivery.outcome == .sent)
        let message = try #require(transport.messages.first)
        #expect(transport.messages.count == 1)
        #expect(message.to.map(\.address.description) == ["helene@lefevre.example"])
        #expect(message.to.first?.displayName == "Hélène Lefèvre")
        #expect(message.from.address.description == "relances@relance.example")
        #expect(message.from.displayName == "Atelier Durand & Frères — Créations")
        #expect(message.replyTo?.address.description == "compta@atelier-durand.example")
        #expect(message.messageID == "job-\(jobID.uuidString.lowercased())@relance.example")
        #expect(message.subject.contains("F-2026-101"))
        #expect(message.text.contains("F-2026-117"))
        #expect(message.html == nil || message.html!.contains("<html lang=\"fr\">"))
        #expect(message.timeZone.identifier == "Europe/Paris")
        #expect(message.date == job.now)
        #expect(message.listUnsubscribe.isEmpty)

        let detail = try JSONSerialization.jsonObject(with: Data(delivery.detail.utf8)) as? [String: String]
        #expect(detail?["message_id"] == message.messageID)
        #expect(detail?["recipient"] == "helene@lefevre.example")
        #expect(detail?["subject"] == message.subject)
        #expect(detail?["smtp_reply"] == "250 2.0.0 OK: queued as TEST")
    }

    @Test("the same job builds the same message: a redelivered job keeps its Message-ID")
    func sameJobSameMessage() async throws {
        let channel = try Self.channel(RecordingTransport())
        let job = Fixtures.job(context: Fixtures.context(debtorEmail: "helene@lefevre.example"))
        let first = try await channel.compose(job)
        let second = try await channel.compose(job)
        #expect(first.rendered == second.rendered)
    }

    @Test("the courteous template has an HTML part with the invoice table")
    func html() async throws {
        let transport = RecordingTransport()
        let job = Fixtures.job(context: Fixtures.context(debtorEmail: "helene@lefevre.example"), templateKey: "reminder.courteous", tone: .courteous)
        _ = try await Self.channel(transport).perform(job)
        let html = try #require(transport.messages.first?.html)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<td>F-2026-101</td>"))
    }

    @Test("consumers get a List-Unsubscribe header when an address is set; businesses do not")
    func unsubscribe() async throws {
        let channel = try Self.channel(RecordingTransport(), unsubscribe: "desabonnement@relance.example")
        let consumer = try await channel.compose(Fixtures.job(context: Fixtures.context(debtorEmail: "a@example.fr", debtorKind: .consumer)))
        #expect(consumer.listUnsubscribe == ["mailto:desabonnement@relance.example?subject=unsubscribe"])
        let business = try await channel.compose(Fixtures.job(context: Fixtures.context(debtorEmail: "a@example.fr")))
        #expect(business.listUnsubscribe.isEmpty)
    }

    @Test("a debtor without a usable address is a permanent failure, and nothing is sent", arguments: [nil, "", "pas une adresse", "hélène@example.fr"] as [String?])
    func unusableAddress(_ email: String?) async throws {
        let transport = RecordingTransport()
        let job = Fixtures.job(context: Fixtures.context(debtorEmail: email))
        let channel = try Self.channel(transport)
        do {
            _ = try await channel.perform(job)
            Issue.record("sent to \(email ?? "nil")")
        } catch {
            #expect(error.kind == .permanent)
        }
        #expect(transport.messages.isEmpty)
    }

    @Test("a job without a message context, or for another channel, is refused for good")
    func refusedJobs() async throws {
        let channel = try Self.channel(RecordingTransport())
        for job in [Fixtures.job(context: nil), Fixtures.job(context: Fixtures.context(debtorEmail: "a@example.fr"), channel: .letter)] {
            do {
                _ = try await channel.perform(job)
                Issue.record("sent \(job.job.channel)")
            } catch {
                #expect(error.kind == .permanent)
            }
        }
    }

    @Test("SMTP failures keep their kind: permanent refusals are permanent, the rest transient")
    func failures() async throws {
        let cases: [(SMTPError, ChannelError.Kind)] = [
            (SMTPError(.recipientRefused, isPermanent: true, replyCode: 550, serverReply: "550 5.1.1 mailbox unavailable", "refused"), .permanent),
            (SMTPError(.temporarilyRefused, isPermanent: false, replyCode: 451, serverReply: "451 4.3.0 try again later", "later"), .transient),
            (SMTPError(.connectionFailed, isPermanent: false, "down"), .transient),
        ]
        for (failure, kind) in cases {
            let channel = try Self.channel(RecordingTransport(failing: failure))
            do {
                _ = try await channel.perform(Fixtures.job(context: Fixtures.context(debtorEmail: "a@example.fr")))
                Issue.record("no error for \(failure)")
            } catch {
                #expect(error.kind == kind)
                #expect(error.message.contains(failure.description))
            }
        }
    }
}
