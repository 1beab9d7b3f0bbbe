/// Turns an invoice, its policy, the history of its steps and a day into its schedule.
///
/// The rules, in order:
/// 1. **Done stays done.** A step the history records as done is never due again; one
///    recorded as skipped stays skipped.
/// 2. **Stops.** When the ladder has stopped (paid, disputed, written off), every other step
///    is skipped with that reason and nothing is due.
/// 3. **Conditions filter.** A step whose conditions exclude the debtor's kind or the current
///    outstanding amount is not applicable (with the reason). So is a step before the due date
///    that would fall before the invoice was issued.
/// 4. **No stepping back.** A pending step that comes before a step already done is skipped
///    (superseded).
/// 5. **Cadence.** Each pending step falls on its policy date, but never sooner after the
///    step before it than the policy spaces them: when a step was carried out late, the
///    following ones move back by as much.
/// 6. **Catch-up, one step at a time.** When several pending steps are overdue at once — the
///    ladder resumes after a promise, plan, pause or dispute, or an invoice is imported late —
///    only the latest of them is due; the earlier ones are skipped (superseded). The debtor
///    gets one message at the level the ladder has reached, not a burst. Exception: a legal
///    step never overtakes the formal notice (registered letter) — without a notice sent there
///    is no dossier — so that notice is due instead, and the legal step follows at the
///    policy's spacing.
/// 7. **Pauses.** While paused until a date, nothing is due; rule 6 is applied as of that
///    date, so the schedule shows what will be due when the ladder resumes, and the steps
///    after it keep their spacing from that day. A pause without an end date is projected as
///    if it ended today.
///
/// Projected dates assume the due step is carried out on the day it falls due; once it is
/// done, re-plan with the history to move the rest by rule 4.
public struct EscalationPlanner: Sendable {
    public init() {}

    /// The schedule of `invoice` under `policy` on `today`.
    ///
    /// - Parameters:
    ///   - debtorKind: the debtor's kind, for step conditions.
    ///   - history: what became of steps so far (indices into `policy.steps`).
    /// - Throws: `EscalationError.unknownStep` when the history names a step the policy lacks.
    public func plan(
        invoice: Invoice,
        debtorKind: DebtorKind,
        policy: DunningPolicy,
        history: [StepExecution],
        today: CalendarDate
    ) throws(EscalationError) -> EscalationSchedule {
        let steps = policy.steps
        let records = try Self.latestRecords(history, stepCount: steps.count, policy: policy)
        let ladder = invoice.ladderStatus(on: today)
        let originalDates = steps.map { invoice.dueDate.adding(days: $0.offsetDays) }

        var statuses = [ScheduledStep.Status?](repeating: nil, count: steps.count)
        var dates = originalDates

        // Rules 1, 2 and 3.
        for (index, step) in steps.enumerated() {
            if let record = records[index] {
                switch record.outcome {
                case .done:
                    statuses[index] = .done(on: record.date)
                    dates[index] = record.date
                case .skipped:
                    statuses[index] = .skipped(.recorded(on: record.date))
                }
            } else if case .stopped = ladder, let reason = ladder.skipReason {
                // Rule 2 before rule 3: a paid invoice's steps are skipped because it is paid,
                // not "not applicable" because nothing is outstanding.
                statuses[index] = .skipped(.ladderStopped(reason))
            } else if let reason = step.conditions.unmetReason(debtorKind: debtorKind, outstanding: invoice.outstanding) {
                statuses[index] = .notApplicable(reason: reason)
            } else if step.offsetDays < 0, originalDates[index] < invoice.issueDate {
                statuses[index] = .notApplicable(reason: "it would fall on \(originalDates[index]), before the invoice was issued on \(invoice.issueDate)")
            }
        }

        // Rule 4.
        if let lastDone = steps.indices.last(where: { if case .done = statuses[$0] { true } else { false } }) {
            for index in 0..<lastDone where statuses[index] == nil {
                statuses[index] = .skipped(.superseded(byStepIndex: lastDone))
            }
        }

        let pending = steps.indices.filter { statuses[$0] == nil }

        // The day the ladder acts again: today, or the end of a dated pause.
        let actionDay: CalendarDate
        if case .paused(let resumesOn?, _) = ladder, resumesOn > today {
            actionDay = resumesOn
        } else {
            actionDay = today
        }

        // Rule 5: dates of pending steps chained from the last step carried out.
        var anchor: (date: CalendarDate, offset: Int)? = nil
        for index in steps.indices {
            if case .done(let on) = statuses[index] {
                anchor = (on, steps[index].offsetDays)
            } else if statuses[index] == nil {
                dates[index] = Self.spaced(originalDates[index], offset: steps[index].offsetDays, after: anchor)
                anchor = (dates[index], steps[index].offsetDays)
            }
        }

        // Rule 6.
        let overdue = pending.filter { dates[$0] <= actionDay }
        if var dueIndex = overdue.last {
            let noticeDone = steps.indices.contains {
                if case .done = statuses[$0] { steps[$0].channel == .registeredLetter } else { false }
            }
            if steps[dueIndex].channel == .legal, !noticeDone,
               let notice = overdue.last(where: { steps[$0].channel == .registeredLetter }) {
                dueIndex = notice
            }
            for index in overdue where index < dueIndex {
                statuses[index] = .skipped(.superseded(byStepIndex: dueIndex))
            }
            // Rule 7: while paused the due step waits for the action day.
            if actionDay > today { dates[dueIndex] = max(dates[dueIndex], actionDay) }
            var chain: (date: CalendarDate, offset: Int)? = (max(dates[dueIndex], actionDay), steps[dueIndex].offsetDays)
            for index in pending where index > dueIndex {
                dates[index] = Self.spaced(originalDates[index], offset: steps[index].offsetDays, after: chain)
                chain = (dates[index], steps[index].offsetDays)
            }
        }

        return schedule(invoice, policy, today, ladder, dates, originalDates, statuses.map { $0 ?? .planned })
    }

    /// A step's date: its policy date, or later so that it keeps its policy spacing from `anchor`.
    private static func spaced(_ original: CalendarDate, offset: Int, after anchor: (date: CalendarDate, offset: Int)?) -> CalendarDate {
        guard let anchor else { return original }
        return max(original, anchor.date.adding(days: offset - anchor.offset))
    }

    /// One record per step: `done` wins over `skipped`; the earliest of several of a kind.
    private static func latestRecords(_ history: [StepExecution], stepCount: Int, policy: DunningPolicy) throws(EscalationError) -> [Int: StepExecution] {
        var records: [Int: StepExecution] = [:]
        for execution in history {
            guard (0..<stepCount).contains(execution.stepIndex) else {
                throw EscalationError(
                    .unknownStep,
                    "the history names step \(execution.stepIndex + 1), but policy '\(policy.name)' v\(policy.version) has \(stepCount) steps"
                )
            }
            if let existing = records[execution.stepIndex] {
                let better = (execution.outcome == .done && existing.outcome == .skipped)
                    || (execution.outcome == existing.outcome && execution.date < existing.date)
                if better { records[execution.stepIndex] = execution }
            } else {
                records[execution.stepIndex] = execution
            }
        }
        return records
    }

    private func schedule(
        _ invoice: Invoice,
        _ policy: DunningPolicy,
        _ today: CalendarDate,
        _ ladder: LadderStatus,
        _ dates: [CalendarDate],
        _ originalDates: [CalendarDate],
        _ statuses: [ScheduledStep.Status]
    ) -> EscalationSchedule {
        let steps = policy.steps.enumerated().map { index, step in
            ScheduledStep(
                stepIndex: index,
                originalDate: originalDates[index],
                date: dates[index],
                channel: step.channel,
                templateKey: step.templateKey,
                tone: step.tone,
                status: statuses[index]
            )
        }
        return EscalationSchedule(
            invoiceId: invoice.id,
            policyId: policy.id,
            policyVersion: policy.version,
            today: today,
            ladder: ladder,
            steps: steps
        )
    }
}
