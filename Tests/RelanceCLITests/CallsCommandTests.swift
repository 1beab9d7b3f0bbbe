import Foundation
import PostgresNIO
import RelanceCore
import RelanceStore
import RelanceTestSupport
import Testing

/// `relance calls record` refuses a result without the options it needs (or with options it
/// does not use) before touching the database: one line on stderr, exit status 2.
@Suite("relance calls: usage errors")
struct CallsCommandTests {
    static let task = "0193a1b2-0000-7000-8000-000000000001"

    @Test(
        "A result with a missing, unused or malformed option is a usage error",
        arguments: [
            (["--result", "promise_to_pay", "--date", "2025-05-01"], "--result promise_to_pay needs --amount"),
            (["--result", "promise_to_pay", "--date", "2025-05-01", "--amount", "12,50"], "--amount:"),
            (["--result", "promise_to_pay", "--date", "1 May", "--amount", "12.50"], "--date: '1 May' is not a date"),
            (["--result", "paid", "--date", "2025-05-01", "--amount", "0"], "--amount: must be positive"),
            (["--result", "dispute"], "--result dispute needs --reason"),
            (["--result", "dispute", "--reason", "   "], "--reason: a dispute needs a reason"),
            (["--result", "payment_plan", "--installments", "1", "--first-due", "2025-05-01"], "--installments: a payment plan needs 2 to 36 installments, not 1"),
            (["--result", "no_answer", "--reason", "busy"], "--reason is not used with --result no_answer"),
            (["--result", "callback", "--at", "tomorrow"], "--at: 'tomorrow' is not a moment"),
            (["--result", "voicemail"], "--result: 'voicemail' is not one of promise_to_pay, dispute, payment_plan, paid, no_answer, wrong_number, callback"),
        ] as [([String], String)]
    )
    func refused(options: [String], message: String) throws {
        let output = try RelanceProcess.run(["calls", "record", Self.task, "--agent", "alice"] + options)
        #expect(output.status == 2, "stderr: \(output.stderr)")
        #expect(output.stderrLines.count == 1)
        #expect(output.stderr.hasPrefix("relance: "))
        #expect(output.stderr.contains(message), "stderr was: \(output.stderr)")
    }

    @Test("A task that is not an id, and a tenant that is not an id, are usage errors")
    func badIds() throws {
        let record = try RelanceProcess.run(["calls", "record", "42", "--agent", "alice", "--result", "no_answer"])
        #expect(record.status == 2 && record.stderr.contains("'42' is not an id (a UUID)"), "\(record.stderr)")
        let next = try RelanceProcess.run(["calls", "next", "--tenant", "acme", "--agent", "alice"])
        #expect(next.status == 2 && next.stderr.contains("--tenant: 'acme' is not an id (a UUID)"), "\(next.stderr)")
    }
}

/// `relance calls next` and `record` against a fresh database, as an agent uses them.
@Suite("relance calls: an agent's session")
struct CallsSessionTests {
    @Test("An agent takes the task (JSON and text), records a callback; another agent cannot record on it")
    func session() async throws {
        try await FreshDatabase.withMigrated { url, client in
            let logger = FreshDatabase.logger
            let (tenant, creditor, debtor) = try await CLIParties.stored(on: client).parts
            let amount = try Money(decimal: "1200.00", currency: .eur)
            let invoice = try Invoice(
                tenantId: tenant.id, creditorId: creditor.id, debtorId: debtor.id, number: "F-1",
                issueDate: CalendarDate(iso: "2025-03-10"), dueDate: CalendarDate(iso: "2025-04-10"), amount: amount
            )
            try await InvoiceIntake(client: client, logger: logger).add([invoice], today: CalendarDate(iso: "2025-04-25"))
            let job = UUID()
            try await client.query(
                "INSERT INTO jobs (tenant_id, id, debtor_id, channel, payload) VALUES (\(tenant.id.uuid), \(job), \(debtor.id.uuid), 'call', '{}')",
                logger: logger
            )
            let context = MessageContext(
                language: .fr, letter: LetterReference(reference: "CALL-1", date: try CalendarDate(iso: "2025-04-25")),
                debtor: LetterParty(name: "Dupont SARL", addressLines: ["12 rue de la Paix"], phone: "+33612345678"),
                debtorKind: .business, creditor: LetterParty(name: "Acme SAS", addressLines: ["12 rue de la Paix"]),
                invoices: [MessageInvoice(number: "F-1", issueDate: invoice.issueDate, dueDate: invoice.dueDate, amount: amount, outstanding: amount)],
                penalties: MessagePenalties(interest: Money(minorUnits: 500, currency: .eur), fixedIndemnity: Money(minorUnits: 4000, currency: .eur)),
                paymentDeadline: try CalendarDate(iso: "2025-05-02"),
                paymentMethods: [MessagePaymentMethod(label: "Virement", details: "FR76 3000 6000 0112 3456 7890 189")]
            )
            let rules = try ComplianceRules.parse(json: String(
                contentsOf: FreshDatabase.repositoryRoot.appendingPathComponent("schemas/compliance/fr.json"), encoding: .utf8
            ))
            let store = CallTaskStore(client: client, rules: rules, logger: logger)
            let window = try CallWindow.first(
                from: ISO8601DateFormatter().date(from: "2025-04-25T09:00:00Z")!,
                recipient: ContactRecipient(timeZone: debtor.timeZone.zone, debtorKind: .business), rules: rules
            )
            let (taskId, _) = try await store.create(NewCallTask(
                tenantId: tenant.id.uuid, jobId: job, debtorId: debtor.id.uuid, invoiceIds: [invoice.id.uuid], stepIds: [UUID()],
                priority: 420, window: window,
                talkingPoints: try CallTalkingPoints.make(context: context, phone: "+33612345678", proposal: nil)
            ))
            let database = ["--database-url", url.urlWithPassword]
            let id = taskId.uuidString.lowercased()

            let json = try await RelanceProcess.runOffPool(
                ["calls", "next", "--tenant", tenant.id.uuid.uuidString, "--agent", "alice", "--json", "--now", "2025-04-25T11:30:00+02:00"] + database
            )
            #expect(json.status == 0, "\(json.stderr)")
            let object = try json.json()
            #expect(object["id"] as? String == id)
            #expect(object["phone"] as? String == "+33612345678")
            #expect(object["priority"] as? Int == 420)
            #expect(object["earliest"] as? String == "2025-04-25T11:00+02:00")

            let text = try await RelanceProcess.runOffPool(
                ["calls", "next", "--tenant", tenant.id.uuid.uuidString, "--agent", "alice", "--now", "2025-04-25T11:31:00+02:00"] + database
            )
            #expect(text.status == 0, "\(text.stderr)")
            #expect(text.stdout.contains("Call task \(id)  priority 420"))
            #expect(text.stdout.contains("Phone:     +33612345678"))
            #expect(text.stdout.contains("Amounts:   1200.00 EUR outstanding + 45.00 EUR penalties"))
            #expect(text.stdout.contains("Suggest:   ask for payment of 1245.00 EUR in full by 2025-05-02"))

            let other = try await RelanceProcess.runOffPool(
                ["calls", "record", id, "--agent", "bob", "--result", "no_answer", "--now", "2025-04-25T11:32:00+02:00"] + database
            )
            #expect(other.status == 1)
            #expect(other.stderr.contains("call task \(taskId) is held by alice, not bob"), "\(other.stderr)")

            let callback = try await RelanceProcess.runOffPool(
                ["calls", "record", id, "--agent", "alice", "--result", "callback", "--at", "2025-04-28T15:00+02:00",
                 "--now", "2025-04-25T11:35:00+02:00"] + database
            )
            #expect(callback.status == 0, "\(callback.stderr)")
            #expect(callback.stdout == "calls: task \(id): callback recorded; call again from 2025-04-28T15:00+02:00 Europe/Paris (call 1 made)\n")
        }
    }
}
