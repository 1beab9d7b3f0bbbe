import Foundation
import RelanceChannels
import RelanceCore
import RelancePipeline
import Synchronization
import Testing

/// Tenants with their own SMTP relay, and the creditors' sender settings, against the local
/// sink: the relay is the same sink, told apart by the `From` address and Message-ID domain.
@Suite("Tenant SMTP relays against the local sink", .enabled(if: SMTPSink.enabled(), SMTPSink.skipReason))
struct TenantRelayTests {
    static func job(tenant: UUID, recipient: String, sender: SenderSettings? = nil) -> ChannelJob {
        var context = Fixtures.context(debtorEmail: recipient)
        context.sender = sender
        var job = Fixtures.job(context: context)
        job.job = ReminderJob(jobId: job.job.jobId, tenantId: tenant, debtorId: job.job.debtorId, channel: .email,
                              steps: job.job.steps, createdAt: job.job.createdAt)
        return job
    }

    @Test("a tenant with its own relay sends from its address; the others from the installation's; the creditor's sender settings name the sender and the Reply-To")
    func tenantRelay() async throws {
        try SMTPSink.requireRunning()
        let base = SMTPSink.configuration
        let pool = SMTPConnectionPool(configuration: base)
        let durand = UUID()
        let other = UUID()
        let relay = try TenantSMTPRelay(host: "127.0.0.1", port: SMTPSink.port, security: .none, from: "relances@durand.example")
        let loads = Mutex(0)
        let routes = TenantEmailRoutes(
            installation: try EmailRoute(transport: pool, configuration: base), base: base,
            load: { loads.withLock { $0 += 1 }; return [durand: relay] }, environment: [:], logger: Fixtures.logger
        )
        let channel = try EmailChannel(renderer: Fixtures.renderer, routes: routes)
        let toDurand = SMTPSink.uniqueRecipient("durand")
        let toOther = SMTPSink.uniqueRecipient("autre")

        let sent = try await channel.perform(Self.job(
            tenant: durand, recipient: toDurand,
            sender: SenderSettings(name: "Service clients Durand", replyTo: "compta@durand.example")
        ))
        _ = try await channel.perform(Self.job(tenant: other, recipient: toOther))
        await routes.close()
        await pool.close()

        #expect(sent.outcome == .sent)
        #expect(loads.withLock { $0 } == 1, "the relays are read once per refresh interval, not per message")
        let durandMessage = try #require(try await SMTPSink.messages(for: toDurand).first)
        #expect(durandMessage.decodedHeader("From") == "Service clients Durand <relances@durand.example>")
        #expect(durandMessage.decodedHeader("Reply-To") == "Service clients Durand <compta@durand.example>")
        #expect(durandMessage.header("Message-ID")?.hasSuffix("@durand.example>") == true)
        let otherMessage = try #require(try await SMTPSink.messages(for: toOther).first)
        #expect(otherMessage.decodedHeader("From") == "Atelier Durand & Frères — Créations <relance@relance.test>")
        #expect(otherMessage.header("Message-ID")?.hasSuffix("@relance.test>") == true)
    }

    @Test("a tenant relay whose password variable is unset fails that tenant's emails as transient, saying so, and never shows a password")
    func relayWithoutPassword() async throws {
        try SMTPSink.requireRunning()
        let base = SMTPSink.configuration
        let pool = SMTPConnectionPool(configuration: base)
        let durand = UUID()
        let relay = try TenantSMTPRelay(host: "127.0.0.1", port: SMTPSink.port, security: .starttls, username: "relances",
                                        passwordEnv: "DURAND_SMTP_PASSWORD", from: "relances@durand.example")
        let routes = TenantEmailRoutes(
            installation: try EmailRoute(transport: pool, configuration: base), base: base,
            load: { [durand: relay] }, environment: [:], logger: Fixtures.logger
        )
        let channel = try EmailChannel(renderer: Fixtures.renderer, routes: routes)
        let recipient = SMTPSink.uniqueRecipient("sans-mot-de-passe")
        await #expect {
            _ = try await channel.perform(Self.job(tenant: durand, recipient: recipient))
        } throws: { error in
            let error = error as? ChannelError
            return error?.kind == .transient && error?.message.contains("DURAND_SMTP_PASSWORD") == true
                && error?.message.contains("not set") == true
        }
        // Another tenant is not held up by it.
        let fine = SMTPSink.uniqueRecipient("autre")
        #expect(try await channel.perform(Self.job(tenant: UUID(), recipient: fine)).outcome == .sent)
        await routes.close()
        await pool.close()
    }

    @Test("relays that cannot be read the first time fail as transient; once read, a later failure keeps the last ones")
    func unreadableRelays() async throws {
        try SMTPSink.requireRunning()
        let base = SMTPSink.configuration
        let pool = SMTPConnectionPool(configuration: base)
        struct Down: Error {}
        let failing = Mutex(true)
        let routes = TenantEmailRoutes(
            installation: try EmailRoute(transport: pool, configuration: base), base: base,
            load: { if failing.withLock({ $0 }) { throw Down() }; return [:] }, environment: [:],
            refreshInterval: .zero, logger: Fixtures.logger
        )
        await #expect(throws: ChannelError.self) { _ = try await routes.route(forTenant: UUID()) }
        failing.withLock { $0 = false }
        #expect(try await routes.route(forTenant: UUID()).fromAddress.description == "relance@relance.test")
        failing.withLock { $0 = true }
        #expect(try await routes.route(forTenant: UUID()).fromAddress.description == "relance@relance.test")
        await pool.close()
    }
}
