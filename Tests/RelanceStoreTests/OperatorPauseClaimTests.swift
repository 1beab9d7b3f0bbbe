import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelanceStore
import Testing

/// Operators' pauses in the dispatcher's claim: the due steps of a paused tenant, creditor or
/// channel are passed over — left planned and due, untouched — and claimed once resumed; the
/// pause is in the database, so a new store (a restarted dispatcher) keeps it.
@Suite("Operator pauses in the claim")
struct OperatorPauseClaimTests {
    static let now = Date(timeIntervalSince1970: 1_742_202_000)  // 2025-03-17T09:00:00Z
    static let actor = "cli:test@host"

    /// Two debtors of `creditor`, each with one invoice whose first step is due at `now`.
    static func invoices(_ f: StoreFixture, of creditor: Creditor, prefix: String) async throws -> [Invoice] {
        var invoices: [Invoice] = []
        for d in 0..<2 {
            let debtor = try await f.debtor(of: creditor, name: "\(prefix) débiteur \(d)")
            invoices.append(try StoreFixture.invoice(debtor, number: "\(prefix)-\(d)"))
        }
        try await f.intake.add(invoices, today: StoreFixture.day("2025-02-20"))
        return invoices
    }

    /// The planned steps due at `now` of `invoices`, with their due moments.
    static func stillDue(_ client: PostgresClient, _ invoices: [Invoice]) async throws -> [UUID: Date] {
        let rows = try await client.query(
            "SELECT id, due_at FROM schedule_steps WHERE invoice_id = ANY(\(invoices.map(\.id.uuid))) AND status = 'planned' AND due_at <= \(now)",
            logger: TestDatabase.logger
        )
        var due: [UUID: Date] = [:]
        for try await (id, at) in rows.decode((UUID, Date).self) { due[id] = at }
        return due
    }

    @Test("A paused tenant's due steps are not claimed while another tenant's are; resumed, they are, by a new store too")
    func pausedTenant() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let held = try await f.tenant("Held")
            let other = try await f.tenant("Other")
            let heldInvoices = try await Self.invoices(f, of: try await f.creditor(of: held), prefix: "H")
            let otherInvoices = try await Self.invoices(f, of: try await f.creditor(of: other), prefix: "O")
            let before = try await Self.stillDue(client, heldInvoices)
            #expect(before.count == 2)

            let pauses = OperatorPauses(client: client, logger: TestDatabase.logger)
            guard case .paused = try await pauses.pause(PauseTarget(held.id), reason: "tenant asked to stop", actor: Self.actor) else {
                Issue.record("not paused"); return
            }
            let claimed = try await PipelineDriver(client: client).dispatchDue(at: Self.now)
            #expect(Set(claimed.map(\.step.tenantId)) == [other.id.uuid])
            #expect(Set(claimed.map(\.step.invoiceId)) == Set(otherInvoices.map(\.id.uuid)))
            // Left as they were: planned, due at the same moment.
            #expect(try await Self.stillDue(client, heldInvoices) == before)
            // A restarted dispatcher (a new store) still passes over them, even an hour later.
            #expect(try await PipelineDriver(client: client).dispatchDue(at: Self.now.addingTimeInterval(3600)).isEmpty)

            guard case .resumed = try await pauses.resume(PauseTarget(held.id), reason: nil, actor: Self.actor) else {
                Issue.record("not resumed"); return
            }
            let resumed = try await PipelineDriver(client: client).dispatchDue(at: Self.now.addingTimeInterval(3600))
            #expect(Set(resumed.map(\.step.stepId)) == Set(before.keys))
        }
    }

    @Test("A paused creditor's debtors are passed over, its tenant's other creditors are not")
    func pausedCreditor() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let tenant = try await f.tenant("Agence")
            let held = try await f.creditor(of: tenant, name: "Held SAS")
            let other = try await f.creditor(of: tenant, name: "Other SAS")
            let heldInvoices = try await Self.invoices(f, of: held, prefix: "H")
            let otherInvoices = try await Self.invoices(f, of: other, prefix: "O")
            let before = try await Self.stillDue(client, heldInvoices)

            let pauses = OperatorPauses(client: client, logger: TestDatabase.logger)
            _ = try await pauses.pause(PauseTarget(held.id), reason: "creditor in dispute with us", actor: Self.actor)
            let claimed = try await PipelineDriver(client: client).dispatchDue(at: Self.now, batchSize: 1)
            // Even a batch of one debtor finds the other creditor's, past the held one's.
            #expect(claimed.count == 1)
            #expect(Set(claimed.map(\.step.invoiceId)).isSubset(of: Set(otherInvoices.map(\.id.uuid))))
            let rest = try await PipelineDriver(client: client).dispatchDue(at: Self.now)
            #expect(Set((claimed + rest).map(\.step.invoiceId)) == Set(otherInvoices.map(\.id.uuid)))
            #expect(try await Self.stillDue(client, heldInvoices) == before)

            _ = try await pauses.resume(PauseTarget(held.id), reason: "settled", actor: Self.actor)
            let resumed = try await PipelineDriver(client: client).dispatchDue(at: Self.now)
            #expect(Set(resumed.map(\.step.stepId)) == Set(before.keys))
        }
    }

    @Test("A paused channel's due steps are passed over, a debtor's other channels are claimed")
    func pausedChannel() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let tenant = try await f.tenant()
            let short = try DunningPolicy(name: "Courte", steps: [
                DunningStep(offsetDays: -3, channel: .email, templateKey: "reminder.courteous"),
                DunningStep(offsetDays: 5, channel: .call, templateKey: "call.first"),
            ])
            try await f.policies.create(short, tenantId: tenant.id)
            let debtor = try await f.debtor(of: try await f.creditor(of: tenant))
            // Due on 10 March: the email (7 March) and the call (15 March) are both due on the 17th.
            let invoice = try StoreFixture.invoice(debtor, number: "C-1", due: "2025-03-10", policy: short.id)
            try await f.intake.add([invoice], today: StoreFixture.day("2025-02-20"))

            let pauses = OperatorPauses(client: client, logger: TestDatabase.logger)
            _ = try await pauses.pause(PauseTarget(.email), reason: "SMTP relay blacklisted", actor: Self.actor)
            let claimed = try await PipelineDriver(client: client).dispatchDue(at: Self.now)
            #expect(claimed.map(\.step.channel) == [.call])
            let emails = try await Self.stillDue(client, [invoice])
            #expect(emails.count == 1)
            #expect(try await PipelineDriver(client: client).dispatchDue(at: Self.now).isEmpty)

            _ = try await pauses.resume(PauseTarget(.email), reason: nil, actor: Self.actor)
            let resumed = try await PipelineDriver(client: client).dispatchDue(at: Self.now)
            #expect(resumed.map(\.step.channel) == [.email])
            #expect(Set(resumed.map(\.step.stepId)) == Set(emails.keys))
        }
    }

    @Test("Pause and resume are audited once each; pausing twice or resuming what is not paused changes nothing")
    func auditedOnce() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let tenant = try await f.tenant()
            let pauses = OperatorPauses(client: client, logger: TestDatabase.logger)
            let target = PauseTarget(tenant.id)

            guard case .paused(let pause) = try await pauses.pause(target, reason: "  fraud review  ", actor: Self.actor) else {
                Issue.record("not paused"); return
            }
            #expect(pause.reason == "fraud review" && pause.tenantId == tenant.id && pause.pausedBy == Self.actor)
            guard case .alreadyPaused(let kept) = try await pauses.pause(target, reason: "again", actor: "operator:bob") else {
                Issue.record("paused twice"); return
            }
            #expect(kept.reason == "fraud review" && kept.pausedBy == Self.actor)
            #expect(try await pauses.list().map(\.target) == [target])
            #expect(try await OperatorPauses.pausedWork(on: client, logger: TestDatabase.logger) == PausedWork(tenants: [tenant.id]))

            await #expect(throws: StoreError.self) { try await pauses.pause(PauseTarget(.call), reason: "  ", actor: Self.actor) }
            await #expect(throws: StoreError.self) {
                try await pauses.pause(PauseTarget(TenantID(UUID())), reason: "no such tenant", actor: Self.actor)
            }
            #expect(throws: StoreError.self) { try PauseTarget(scope: .channel, target: "fax") }

            guard case .resumed = try await pauses.resume(target, reason: "cleared", actor: "operator:bob") else {
                Issue.record("not resumed"); return
            }
            #expect(try await pauses.resume(target, reason: nil, actor: Self.actor) == .notPaused(target))
            #expect(try await pauses.list().isEmpty)

            let audit = try await OpsAuditLog(session: client, logger: TestDatabase.logger).entries()
            #expect(audit.map(\.action) == ["resume", "pause"])
            #expect(audit.map(\.actor) == ["operator:bob", Self.actor])
            #expect(audit.map(\.reason) == ["cleared", "fraud review"])
            #expect(audit.allSatisfy { $0.target == "tenant:\(tenant.id)" && $0.tenantId == tenant.id })
            // The resume keeps what it ended (jsonb writes it back with spaces).
            #expect(audit[0].detail.contains(#""pause_reason": "fraud review""#))
            #expect(audit[0].detail.contains(#""paused_by": "cli:test@host""#))
        }
    }
}
