import PropertyBased
import RelanceCore
import Testing

private typealias F = LadderFixtures

/// Runs the default ladder day by day as the dispatcher would — plan, carry out what is due,
/// record it — with a promise to pay somewhere along the way, and checks what a debtor sees.
@Suite("Escalation planner, simulated")
struct EscalationSimulationTests {
    @Test("one step a day at most, never backwards, never while paused, always spaced, notice before court")
    func simulatedRuns() async {
        await propertyCheck(
            input: Gen.int(in: -10...70), Gen.int(in: 0...40), Gen<DebtorKind>.case, Gen.int(in: 50...5000)
        ) { promiseDay, promiseLength, kind, euros in
            let policy = DunningPolicy.defaultFrench
            let planner = EscalationPlanner()
            var invoice = try F.invoice(amount: "\(euros).00")
            var history: [StepExecution] = []
            let due = invoice.dueDate

            for day in invoice.issueDate...due.adding(days: 120) {
                if day == due.adding(days: promiseDay), invoice.state == .open {
                    invoice = try invoice.promisingPayment(by: day.adding(days: promiseLength), on: day)
                }
                invoice = invoice.advanced(to: day)
                let schedule = try planner.plan(invoice: invoice, debtorKind: kind, policy: policy, history: history, today: day)
                let dueNow = schedule.dueNow
                #expect(dueNow.count <= 1, "several steps due on \(day)")
                if invoice.skipReason(on: day) != nil { #expect(dueNow.isEmpty, "a step due on \(day) while paused") }
                for step in dueNow {
                    #expect(step.date <= day)
                    history.append(StepExecution(stepIndex: step.stepIndex, date: day, outcome: .done))
                }
            }

            let indices = history.map(\.stepIndex)
            #expect(indices == indices.sorted() && Set(indices).count == indices.count, "steps out of order: \(indices)")
            for (earlier, later) in zip(history, history.dropFirst()) {
                let gap = policy.steps[later.stepIndex].offsetDays - policy.steps[earlier.stepIndex].offsetDays
                #expect(earlier.date.days(until: later.date) >= gap, "steps \(earlier.stepIndex) and \(later.stepIndex) too close")
            }
            if let legal = history.first(where: { policy.steps[$0.stepIndex].channel == .legal }) {
                #expect(history.contains { policy.steps[$0.stepIndex].channel == .registeredLetter && $0.date < legal.date })
            }
            // The ladder runs to its end: the last step that applies is carried out.
            let lastApplicable = kind == .business && euros >= 150 ? 6 : 5
            #expect(indices.last == lastApplicable)
        }
    }
}
