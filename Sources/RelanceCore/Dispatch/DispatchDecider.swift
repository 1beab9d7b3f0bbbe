import Foundation

/// The dispatcher's decisions for a batch of claimed due steps, with no I/O:
///
/// 1. State guard, per invoice: time-driven changes first (`advanced(to:)`: a broken promise,
///    a missed installment, the end of a dated pause); a stopped ladder (paid, disputed,
///    written off) cancels the step; a paused one defers it to the day the ladder may resume
///    (an open-ended pause re-checks daily).
/// 2. Escalation: the planner, given the invoice's ladder and history, says which step is due
///    now (at most one: the catch-up rule); an earlier claimed step is cancelled as superseded,
///    one the planner moved later is deferred to its new date.
/// 3. Compliance: each contact is checked against the debtor's contact window, weekends and
///    public holidays, and the rolling contact budget (contacts already made plus those this
///    batch sends); a contact that would break a rule is deferred to the first allowed moment,
///    with the reasons.
/// 4. Grouping: the steps a debtor is due on one channel travel in one job.
public struct DispatchDecider: Sendable {
    public let planner = EscalationPlanner()
    public let scheduler: ContactScheduler

    public init(complianceRules: ComplianceRules) {
        self.scheduler = ContactScheduler(rules: complianceRules)
    }

    public func plan(_ steps: [DueStep], now: Date) -> DispatchPlan {
        var plan = DispatchPlan()
        var dispatchable: [(step: DueStep, tone: Tone)] = []
        // Debtors share a few time zones: look each up, and its date today, once per batch.
        var days: [TimeZoneID: CalendarDate] = [:]
        func localDay(in zone: TimeZoneID) -> CalendarDate {
            if let known = days[zone] { return known }
            let day = CalendarDate(now, in: zone)
            days[zone] = day
            return day
        }

        for (_, invoiceSteps) in Dictionary(grouping: steps, by: \.invoiceId) {
            let first = invoiceSteps[0]
            let zone = first.debtorTimeZone
            let today = localDay(in: zone)
            let invoice = first.invoice.advanced(to: today)

            switch invoice.ladderStatus(on: today) {
            case .stopped:
                // The status reads "stopped: paid on …" / "paused (…) until …".
                let reason = "ladder \(invoice.ladderStatus(on: today))"
                for step in invoiceSteps { plan.cancelled.append((step.stepId, reason)) }
                continue
            case .paused(let resumesOn, _):
                let until = (resumesOn ?? today.adding(days: 1)).stepDueMoment(in: zone)
                let reason = "ladder \(invoice.ladderStatus(on: today))"
                for step in invoiceSteps { plan.deferred.append((step.stepId, max(until, now.addingTimeInterval(60)), reason)) }
                continue
            case .active:
                break
            }

            let schedule: EscalationSchedule
            do {
                schedule = try planner.plan(invoice: invoice, debtorKind: first.debtorKind, policy: first.ladder,
                                            history: first.history, today: today)
            } catch {
                for step in invoiceSteps { plan.cancelled.append((step.stepId, "cannot plan: \(error)")) }
                continue
            }
            let dueIndex = schedule.dueNow.last?.stepIndex
            for step in invoiceSteps {
                guard step.position < schedule.steps.count else {
                    plan.cancelled.append((step.stepId, "the invoice's ladder has no step \(step.position + 1)"))
                    continue
                }
                let scheduled = schedule.steps[step.position]
                let movedUp = scheduled.isPlanned && step.statusReason?.hasPrefix(ScheduleStepStatus.movedUpPrefix) == true
                if step.position == dueIndex || movedUp {
                    dispatchable.append((step, scheduled.tone))
                } else if scheduled.isPlanned && scheduled.date > today {
                    plan.deferred.append((step.stepId, scheduled.date.stepDueMoment(in: zone),
                                          "rescheduled to \(scheduled.date) by the ladder's catch-up rule"))
                } else {
                    plan.cancelled.append((step.stepId, "\(scheduled.status)"))
                }
            }
        }

        // Compliance, debtor by debtor, counting the contacts this batch makes.
        // One job per (debtor, channel), each made once: kept in the order made.
        var jobs: [(job: ReminderJob, steps: [UUID])] = []
        for (debtorId, debtorSteps) in Dictionary(grouping: dispatchable, by: \.step.debtorId) {
            let first = debtorSteps[0].step
            var contacts = first.recentContacts
            let recipient = ContactRecipient(timeZone: first.debtorTimeZone.zone, debtorKind: first.debtorKind)
            for (channel, channelSteps) in Dictionary(grouping: debtorSteps, by: \.step.channel).sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                let decision: ContactDecision
                do {
                    decision = try scheduler.decide(proposed: now, channel: channel, recipient: recipient, pastContacts: contacts)
                } catch {
                    for (step, _) in channelSteps { plan.deferred.append((step.stepId, now.addingTimeInterval(86_400), Self.keepingMovedUp(step, "\(error)"))) }
                    continue
                }
                if case .deferred(let moment, let reasons) = decision {
                    let reason = reasons.map(\.description).joined(separator: "; ")
                    for (step, _) in channelSteps { plan.deferred.append((step.stepId, moment.date, Self.keepingMovedUp(step, reason))) }
                    continue
                }
                contacts.append(ContactAttempt(at: now, channel: channel))
                let job = ReminderJob(
                    jobId: UUID.timeOrdered(at: now), tenantId: first.tenantId, debtorId: debtorId, channel: channel,
                    steps: channelSteps.map { ReminderJob.Step(stepId: $0.step.stepId, invoiceId: $0.step.invoiceId,
                                                               position: $0.step.position, templateKey: $0.step.templateKey,
                                                               tone: $0.tone) },
                    createdAt: now
                )
                jobs.append((job, channelSteps.map(\.step.stepId)))
            }
        }
        for (job, stepIds) in jobs {
            plan.jobs.append(OutboxJob(id: job.jobId, tenantId: job.tenantId, debtorId: job.debtorId, channel: job.channel,
                                       payload: job.encoded()))
            for stepId in stepIds { plan.dispatched.append((stepId, job.jobId)) }
        }
        return plan
    }

    /// A compliance deferral's reason; a moved-up step stays moved up (its reason keeps the
    /// prefix), so that it goes when its contact window opens rather than on its ladder date.
    static func keepingMovedUp(_ step: DueStep, _ reason: String) -> String {
        guard let current = step.statusReason, current.hasPrefix(ScheduleStepStatus.movedUpPrefix) else { return reason }
        let why = current.dropFirst(ScheduleStepStatus.movedUpPrefix.count).split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        return ScheduleStepStatus.movedUpReason("\(why); deferred: \(reason)")
    }
}
