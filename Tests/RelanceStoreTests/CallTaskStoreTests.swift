import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelanceStore
import Testing

/// Call tasks on a real database: one per call job, taken by agents in priority order within
/// the debtor's call hours, and closed by results that move the invoices through the same
/// transitions as the API.
@Suite("Call tasks: next and record")
struct CallTaskStoreTests {
    // Friday 25 April 2025: the call step of an invoice due 10 April (day 15) is due at 08:00
    // in Paris; dispatched at 11:00 Paris time.
    static func at(_ text: String) -> Date { Moments.at(text) }
    static var dispatchedAt: Date { at("2025-04-25T11:00:00+02:00") }
    static var morning: Date { at("2025-04-25T11:30:00+02:00") }

    /// One call task: its id, invoice, step and debtor.
    struct Made: Sendable {
        var task: UUID
        var invoice: Invoice
        var debtor: Debtor
        var callStep: UUID
        var job: UUID
    }

    /// Stores a tenant and one invoice per amount (each of its own debtor), dispatches their
    /// due call steps, and makes each job's task as the call channel does.
    static func makeTasks(_ f: StoreFixture, amounts: [String], tenant: Tenant? = nil) async throws -> (tenant: Tenant, tasks: [Made]) {
        var owner = tenant
        if owner == nil { owner = try await f.tenant() }
        let tenant = owner!
        let creditor = try await f.creditor(of: tenant, name: "Creditor \(UUID().uuidString.prefix(6))")
        var invoices: [UUID: (Invoice, Debtor)] = [:]
        for (index, amount) in amounts.enumerated() {
            let debtor = try await f.debtor(of: creditor, name: "Debtor \(index + 1)")
            let invoice = try StoreFixture.invoice(debtor, number: "C-\(index + 1)", issued: "2025-03-10", due: "2025-04-10", amount: amount)
            try await f.intake.add([invoice], today: StoreFixture.day("2025-04-25"))
            invoices[invoice.id.uuid] = (invoice, debtor)
        }
        let dispatched = try await PipelineDriver(client: f.client).dispatchDue(at: dispatchedAt)
            .filter { $0.step.channel == .call && invoices[$0.step.invoiceId] != nil }
        #expect(dispatched.count == amounts.count)
        let store = Self.store(f.client)
        var made: [Made] = []
        for (step, job) in dispatched {
            let (invoice, debtor) = invoices[step.invoiceId]!
            let points = try CallTalkingPoints.make(context: context(invoice, debtor), phone: "+33612345678", proposal: nil)
            let task = NewCallTask(
                tenantId: tenant.id.uuid, jobId: job, debtorId: debtor.id.uuid, invoiceIds: [invoice.id.uuid], stepIds: [step.stepId],
                priority: CallPriority.score(amountDue: points.due, daysLate: points.daysLate),
                window: try CallWindow.first(
                    from: dispatchedAt, recipient: ContactRecipient(timeZone: debtor.timeZone.zone, debtorKind: debtor.kind),
                    rules: store.rules
                ),
                talkingPoints: points
            )
            let (id, created) = try await store.create(task)
            #expect(created)
            made.append(Made(task: id, invoice: invoice, debtor: debtor, callStep: step.stepId, job: job))
        }
        return (tenant, made.sorted { $0.invoice.number < $1.invoice.number })
    }

    static func context(_ invoice: Invoice, _ debtor: Debtor) -> MessageContext {
        MessageContext(
            language: .fr,
            letter: LetterReference(reference: "CALL-1", date: StoreFixture.dayUnchecked("2025-04-25")),
            debtor: LetterParty(name: debtor.name, addressLines: ["12 rue de la Paix", "75002 Paris"], phone: "+33612345678"),
            debtorKind: .business,
            creditor: LetterParty(name: "Acme SAS", addressLines: ["1 rue du Port", "13002 Marseille"]),
            invoices: [MessageInvoice(number: invoice.number, issueDate: invoice.issueDate, dueDate: invoice.dueDate,
                                      amount: invoice.amount, outstanding: invoice.outstanding)],
            penalties: MessagePenalties(interest: Money(minorUnits: 5_00, currency: .eur), fixedIndemnity: Money(minorUnits: 40_00, currency: .eur)),
            history: [MessageAction(date: StoreFixture.dayUnchecked("2025-04-20"), channel: .email, summary: "Relance par courriel")],
            nextStep: MessageNextStep(channel: .letter, date: StoreFixture.dayUnchecked("2025-05-05")),
            paymentDeadline: StoreFixture.dayUnchecked("2025-05-02"),
            paymentMethods: [MessagePaymentMethod(label: "Virement", details: "FR76 3000 6000 0112 3456 7890 189")]
        )
    }

    static func store(_ client: PostgresClient) -> CallTaskStore {
        CallTaskStore(client: client, rules: try! StoreFixture.complianceRules(), logger: TestDatabase.logger)
    }

    static func storeError(_ body: () async throws -> Void) async -> StoreError? {
        do {
            try await body()
            return nil
        } catch let error as StoreError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    // MARK: - Creating and taking

    @Test("A call job makes one task; the same job again makes none more")
    func oneTaskPerJob() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let (_, tasks) = try await Self.makeTasks(f, amounts: ["1200.00"])
            let store = Self.store(client)
            let first = try #require(try await store.task(tasks[0].task))
            let again = NewCallTask(
                tenantId: first.tenantId, jobId: tasks[0].job, debtorId: first.debtorId, invoiceIds: first.invoiceIds,
                stepIds: [tasks[0].callStep], priority: 1, window: first.window, talkingPoints: first.talkingPoints
            )
            let (id, created) = try await store.create(again)
            #expect(id == tasks[0].task && !created)
            #expect(try await f.count("SELECT count(*)::int FROM call_tasks") == 1)
            // What the agent sees: the window in the debtor's call hours, amounts with penalties.
            #expect(first.status == .open && first.attempts == 0)
            #expect(first.window.earliest.iso8601 == "2025-04-25T11:00+02:00")
            #expect(first.window.latest.iso8601 == "2025-04-25T19:00+02:00")
            #expect(first.talkingPoints.due == (try StoreFixture.eur("1245.00")))
            #expect(first.priority == CallPriority.score(amountDue: try StoreFixture.eur("1245.00"), daysLate: 15))
        }
    }

    @Test("Agents get the most urgent task first, never the same one; asking again gives the task held")
    func priorityOrderAndExclusivity() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let (tenant, tasks) = try await Self.makeTasks(f, amounts: ["300.00", "9000.00", "1200.00"])
            let store = Self.store(client)
            let alice = try #require(try await store.next(tenant: tenant.id.uuid, agent: "alice", now: Self.morning))
            #expect(alice.id == tasks[1].task, "9 000 € first")
            #expect(alice.status == .assigned && alice.agent == "alice")
            #expect(try await store.next(tenant: tenant.id.uuid, agent: "alice", now: Self.morning)?.id == alice.id)
            let bob = try #require(try await store.next(tenant: tenant.id.uuid, agent: "bob", now: Self.morning))
            #expect(bob.id == tasks[2].task, "then 1 200 €")
            // Another tenant's agent sees none of them.
            let other = try await f.tenant("Other")
            #expect(try await store.next(tenant: other.id.uuid, agent: "carol", now: Self.morning) == nil)
        }
    }

    @Test("Two agents asking at the same moment get two different tasks")
    func concurrentNext() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let (tenant, tasks) = try await Self.makeTasks(f, amounts: ["500.00", "500.00"])
            let store = Self.store(client)
            for _ in 0..<5 {
                async let first = store.next(tenant: tenant.id.uuid, agent: "alice", now: Self.morning)
                async let second = store.next(tenant: tenant.id.uuid, agent: "bob", now: Self.morning)
                let (a, b) = try await (first, second)
                let ids = [a?.id, b?.id].compactMap { $0 }
                #expect(ids.count == 2 && Set(ids).count == 2, "\(ids)")
                #expect(Set(ids) == Set(tasks.map(\.task)))
            }
        }
    }

    @Test("No call outside the debtor's call hours: the task waits for Monday 09:00; a lapsed holding is taken over")
    func callHoursAndLease() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let (tenant, tasks) = try await Self.makeTasks(f, amounts: ["800.00"])
            let store = Self.store(client)
            #expect(try await store.next(tenant: tenant.id.uuid, agent: "alice", now: Self.at("2025-04-25T12:30:00+02:00")) == nil, "lunch break")
            #expect(try await store.next(tenant: tenant.id.uuid, agent: "alice", now: Self.at("2025-04-26T10:00:00+02:00")) == nil, "Saturday")
            let moved = try #require(try await store.task(tasks[0].task))
            #expect(moved.window.earliest.iso8601 == "2025-04-28T09:00+02:00" && moved.status == .open)
            #expect(try await store.next(tenant: tenant.id.uuid, agent: "alice", now: Self.at("2025-04-28T08:59:00+02:00")) == nil)
            let monday = Self.at("2025-04-28T09:05:00+02:00")
            #expect(try await store.next(tenant: tenant.id.uuid, agent: "alice", now: monday)?.id == tasks[0].task)
            #expect(try await store.next(tenant: tenant.id.uuid, agent: "bob", now: monday.addingTimeInterval(10 * 60)) == nil, "alice holds it")
            let taken = try await store.next(tenant: tenant.id.uuid, agent: "bob", now: monday.addingTimeInterval(31 * 60))
            #expect(taken?.id == tasks[0].task && taken?.agent == "bob", "alice's 30 minutes are over")
            // Alice no longer holds it.
            let error = await Self.storeError {
                _ = try await store.record(task: tasks[0].task, result: .noAnswer, agent: "alice", now: monday.addingTimeInterval(32 * 60))
            }
            #expect(error?.code == .callTaskNotHeld)
            #expect(error?.message == "call task \(tasks[0].task) is held by bob, not alice")
        }
    }

    @Test("A task whose invoice was paid since is cancelled when met, not handed out")
    func paidSinceIsCancelled() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let (tenant, tasks) = try await Self.makeTasks(f, amounts: ["1200.00"])
            try await f.transitions.recordPayment(
                Payment(invoiceId: tasks[0].invoice.id, date: StoreFixture.day("2025-04-25"), amount: StoreFixture.eur("1200.00")),
                today: StoreFixture.day("2025-04-25")
            )
            let store = Self.store(client)
            #expect(try await store.next(tenant: tenant.id.uuid, agent: "alice", now: Self.morning) == nil)
            #expect(try await store.task(tasks[0].task)?.status == .cancelled)
        }
    }

    // MARK: - Results

    @Test("A promise to pay: the invoice is promised (the ladder pauses), the task is done and takes nothing more")
    func promise() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let (tenant, tasks) = try await Self.makeTasks(f, amounts: ["1200.00"])
            let store = Self.store(client)
            _ = try await store.next(tenant: tenant.id.uuid, agent: "alice", now: Self.morning)
            let recording = try await store.record(
                task: tasks[0].task, result: .promiseToPay(date: StoreFixture.day("2025-05-09"), amount: StoreFixture.eur("1200.00")),
                agent: "alice", now: Self.morning
            )
            #expect(recording.status == .done && recording.transitions.map(\.to) == [.promiseToPay])
            let invoice = try #require(try await f.invoices.invoice(tasks[0].invoice.id))
            guard case .promiseToPay(let promise) = invoice.state else {
                Issue.record("not promised: \(invoice.state)")
                return
            }
            #expect(promise.payBy == (try StoreFixture.day("2025-05-09")))
            let event = try await f.count("SELECT count(*)::int FROM invoice_events WHERE kind = 'promise' AND detail ->> 'amount' = '1200.00'")
            #expect(event == 1)
            let task = try #require(try await store.task(tasks[0].task))
            #expect(task.status == .done && task.result == .promiseToPay && task.agent == nil)
            #expect(try await store.next(tenant: tenant.id.uuid, agent: "alice", now: Self.morning) == nil)
            let again = await Self.storeError {
                _ = try await store.record(task: tasks[0].task, result: .noAnswer, agent: "alice", now: Self.morning)
            }
            #expect(again?.code == .callTaskClosed)
            #expect(again?.message == "call task \(tasks[0].task) is done (promise_to_pay): nothing more can be recorded on it")
        }
    }

    @Test("A dispute stops the ladder; a payment plan pauses it with installments adding up to the outstanding amount")
    func disputeAndPlan() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let (tenant, tasks) = try await Self.makeTasks(f, amounts: ["1000.00", "1000.00"])
            let store = Self.store(client)
            let first = try #require(try await store.next(tenant: tenant.id.uuid, agent: "alice", now: Self.morning))
            let second = try #require(try await store.next(tenant: tenant.id.uuid, agent: "bob", now: Self.morning))
            let disputed = try await store.record(task: first.id, result: .dispute(reason: "goods never delivered"), agent: "alice", now: Self.morning)
            #expect(disputed.transitions.map(\.to) == [.disputed])
            let disputedInvoice = try #require(tasks.first { $0.task == first.id }).invoice.id
            let statuses = try await f.stepStatuses(disputedInvoice)
            #expect(statuses.values.filter { $0.status == "planned" }.isEmpty, "\(statuses)")
            #expect(statuses.values.contains { $0.status == "cancelled" && $0.reason == "disputed" })

            let planned = try await store.record(
                task: second.id, result: .paymentPlan(installments: 3, firstDueDate: StoreFixture.day("2025-05-10")), agent: "bob", now: Self.morning
            )
            #expect(planned.transitions.map(\.to) == [.paymentPlan])
            let planInvoice = try #require(tasks.first { $0.task == second.id }).invoice.id
            guard case .paymentPlan(let plan) = try #require(try await f.invoices.invoice(planInvoice)).state else {
                Issue.record("no plan")
                return
            }
            #expect(plan.installments.map(\.amount) == [try StoreFixture.eur("333.34"), try StoreFixture.eur("333.33"), try StoreFixture.eur("333.33")])
            #expect(plan.installments.map(\.dueDate.iso) == ["2025-05-10", "2025-06-10", "2025-07-10"])
        }
    }

    @Test("Paid: the payment is recorded against the invoice and settles it; more than is owed is refused")
    func paid() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let (tenant, tasks) = try await Self.makeTasks(f, amounts: ["1200.00"])
            let store = Self.store(client)
            _ = try await store.next(tenant: tenant.id.uuid, agent: "alice", now: Self.morning)
            let tooMuch = await Self.storeError {
                _ = try await store.record(
                    task: tasks[0].task, result: .paid(amount: StoreFixture.eur("1500.00"), date: StoreFixture.day("2025-04-24")),
                    agent: "alice", now: Self.morning
                )
            }
            #expect(tooMuch?.code == .callResultRefused)
            #expect(tooMuch?.message == "a payment of 1500.00 EUR is more than the 1200.00 EUR owed on call task \(tasks[0].task)'s invoices")
            let paid = try await store.record(
                task: tasks[0].task, result: .paid(amount: StoreFixture.eur("1200.00"), date: StoreFixture.day("2025-04-24")),
                agent: "alice", now: Self.morning
            )
            #expect(paid.transitions.map(\.to) == [.paid])
            #expect(try await f.invoices.invoice(tasks[0].invoice.id)?.outstanding == (try StoreFixture.eur("0.00")))
            #expect(try await f.count("SELECT count(*)::int FROM payments WHERE reference LIKE 'call task %'") == 1)
        }
    }

    @Test("No answer: called again later in the call hours; after the third try the task closes and the next step falls due")
    func noAnswer() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let (tenant, tasks) = try await Self.makeTasks(f, amounts: ["1200.00"])
            let store = Self.store(client)
            let id = tasks[0].task
            _ = try await store.next(tenant: tenant.id.uuid, agent: "alice", now: Self.morning)
            let first = try await store.record(task: id, result: .noAnswer, agent: "alice", now: Self.morning)
            #expect(first.status == .open && first.attempts == 1)
            // 11:30 + 2 h falls in the lunch break: 14:00.
            #expect(first.rescheduledTo?.earliest.iso8601 == "2025-04-25T14:00+02:00")
            #expect(try await store.next(tenant: tenant.id.uuid, agent: "alice", now: Self.at("2025-04-25T13:59:00+02:00")) == nil)

            let afternoon = Self.at("2025-04-25T14:10:00+02:00")
            #expect(try await store.next(tenant: tenant.id.uuid, agent: "alice", now: afternoon)?.attempts == 1)
            let second = try await store.record(task: id, result: .noAnswer, agent: "alice", now: afternoon)
            #expect(second.rescheduledTo?.earliest.iso8601 == "2025-04-25T16:10+02:00")

            let late = Self.at("2025-04-25T18:00:00+02:00")
            #expect(try await store.next(tenant: tenant.id.uuid, agent: "alice", now: late)?.id == id)
            let letterDue = "SELECT count(*)::int FROM schedule_steps WHERE invoice_id = $1 AND channel = 'letter' AND due_at = $2"
            #expect(try await f.count(PostgresQuery(unsafeSQL: letterDue, binds: Self.binds(tasks[0].invoice.id.uuid, late))) == 0)
            let third = try await store.record(task: id, result: .noAnswer, agent: "alice", now: late)
            #expect(third.status == .done && third.attempts == 3 && third.ladderMovedOn)
            #expect(try await f.count(PostgresQuery(unsafeSQL: letterDue, binds: Self.binds(tasks[0].invoice.id.uuid, late))) == 1)
            #expect(try await f.invoices.invoice(tasks[0].invoice.id)?.state == .open, "the invoice is untouched")
        }
    }

    @Test("A wrong number: the phone is marked unusable with the agent's reason, and the task closes without touching the invoice")
    func wrongNumber() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let (tenant, tasks) = try await Self.makeTasks(f, amounts: ["1200.00"])
            let store = Self.store(client)
            _ = try await store.next(tenant: tenant.id.uuid, agent: "alice", now: Self.morning)
            let recording = try await store.record(task: tasks[0].task, result: .wrongNumber, agent: "alice", now: Self.morning)
            #expect(recording.status == .done && recording.ladderMovedOn && recording.transitions.isEmpty)
            let callee = try #require(try await store.callee(tenant: tenant.id.uuid, debtor: tasks[0].debtor.id.uuid))
            #expect(callee.usablePhone == nil)
            #expect(callee.phoneUnusableReason == "wrong number (agent alice, call task \(tasks[0].task.uuidString.lowercased()))")
            #expect(try await f.invoices.invoice(tasks[0].invoice.id)?.state == .open)
            #expect(try await store.task(tasks[0].task)?.result == .wrongNumber)
        }
    }

    @Test("A callback is the next call's time, kept inside the call hours")
    func callback() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let (tenant, tasks) = try await Self.makeTasks(f, amounts: ["1200.00"])
            let store = Self.store(client)
            _ = try await store.next(tenant: tenant.id.uuid, agent: "alice", now: Self.morning)
            let recording = try await store.record(
                task: tasks[0].task, result: .callback(at: Self.at("2025-04-28T15:30:00+02:00")), agent: "alice", now: Self.morning
            )
            #expect(recording.status == .open && recording.rescheduledTo?.earliest.iso8601 == "2025-04-28T15:30+02:00")
            #expect(try await store.next(tenant: tenant.id.uuid, agent: "bob", now: Self.at("2025-04-28T15:00:00+02:00")) == nil)
            #expect(try await store.next(tenant: tenant.id.uuid, agent: "bob", now: Self.at("2025-04-28T15:31:00+02:00"))?.id == tasks[0].task)
            // At 21:00 the debtor's call hours are over: the next morning.
            let late = try await store.record(
                task: tasks[0].task, result: .callback(at: Self.at("2025-04-28T21:00:00+02:00")), agent: "bob",
                now: Self.at("2025-04-28T15:32:00+02:00")
            )
            #expect(late.rescheduledTo?.earliest.iso8601 == "2025-04-29T09:00+02:00")
        }
    }

    @Test("Recording errors: an unknown task, a task nobody took, a date in the past — nothing is written")
    func recordingErrors() async throws {
        try await TestDatabase.withMigratedDatabase { _, client in
            let f = StoreFixture(client: client)
            let (tenant, tasks) = try await Self.makeTasks(f, amounts: ["1200.00"])
            let store = Self.store(client)
            let unknown = UUID()
            let missing = await Self.storeError { _ = try await store.record(task: unknown, result: .noAnswer, agent: "alice", now: Self.morning) }
            #expect(missing?.code == .notFound && missing?.message == "no call task \(unknown)")
            let open = await Self.storeError { _ = try await store.record(task: tasks[0].task, result: .noAnswer, agent: "alice", now: Self.morning) }
            #expect(open?.code == .callTaskNotHeld)
            _ = try await store.next(tenant: tenant.id.uuid, agent: "alice", now: Self.morning)
            await #expect(throws: CallResultError.self) {
                _ = try await store.record(
                    task: tasks[0].task, result: .promiseToPay(date: StoreFixture.day("2025-04-20"), amount: StoreFixture.eur("10")),
                    agent: "alice", now: Self.morning
                )
            }
            let usd = await Self.storeError {
                _ = try await store.record(
                    task: tasks[0].task, result: .promiseToPay(date: StoreFixture.day("2025-05-20"), amount: Money(minorUnits: 100, currency: try Currency(code: "USD"))),
                    agent: "alice", now: Self.morning
                )
            }
            #expect(usd?.code == .callResultRefused)
            let task = try #require(try await store.task(tasks[0].task))
            #expect(task.status == .assigned && task.attempts == 0 && task.result == nil)
            #expect(try await f.invoices.invoice(tasks[0].invoice.id)?.state == .open)
        }
    }

    static func binds(_ invoice: UUID, _ moment: Date) -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(invoice)
        binds.append(moment)
        return binds
    }
}

extension StoreFixture {
    static func dayUnchecked(_ iso: String) -> CalendarDate { try! CalendarDate(iso: iso) }
}

/// Instants from ISO 8601 text with an explicit offset.
enum Moments {
    static func at(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard let date = formatter.date(from: text) else { fatalError("bad ISO 8601 moment \(text)") }
        return date
    }
}
