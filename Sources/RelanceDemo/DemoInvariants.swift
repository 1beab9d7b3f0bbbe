import Foundation
import RelanceCore
import RelanceStore

/// What must hold after the demo. Each check reads the database (or the run's journal) and
/// says what failed; the demo exits with status 1 when one does.
struct DemoInvariants {
    let result: DemoRunner.Result
    let database: DemoDatabase
    let penalties: DemoPenalties

    struct Check {
        let name: String
        let failures: [String]
    }

    func run() async throws -> [Check] {
        var checks: [Check] = []
        let cast = result.cast
        let rows = result.journal.schedule.values
        let jobSteps = try await database.jobSteps()

        // The pipeline's promises.
        let missing = try await database.jobsWithoutOutcome()
        checks.append(Check(name: "every job has its outcome (exactly one: job_outcomes is keyed by job)", failures: missing.map { "job \($0) has no outcome" }))

        let doubled = try await database.stepsInSeveralJobs()
        checks.append(Check(
            name: "no step travelled in two jobs (nobody reminded twice for one step)",
            failures: doubled.map { "step \($0.step) is in \($0.jobs) jobs" }
        ))

        let unpublished = try await database.unpublishedJobs()
        checks.append(Check(name: "the outbox is empty", failures: unpublished == 0 ? [] : ["\(unpublished) job(s) never published"]))

        // A refused address is an answer about the debtor, not a failure (see story 9).
        let refused = Set(cast.character(.refusedAddress).invoices.map(\.id.uuid))
        let broken = rows.filter {
            $0.outcome == .failed || $0.outcome == .deadLettered
                || ($0.outcome == .failedPermanent && !(refused.contains($0.invoiceId) && $0.channel == .email))
        }
        checks.append(Check(
            name: "no job failed or was dead-lettered",
            failures: broken.map { "step \($0.position + 1) \($0.templateKey) of \(number($0.invoiceId)): \($0.outcome!.rawValue) \($0.outcomeDetail ?? "")" }
        ))

        var quietFailures: [String] = []
        for (job, invoice, _, outcome, completed) in jobSteps {
            guard let outcome, outcome.contacted, let completed else { continue }
            for period in result.quietPeriods[InvoiceID(invoice)] ?? [] where completed >= period.from && period.until.map({ completed < $0 }) ?? true {
                quietFailures.append("job \(job) contacted the debtor of \(number(invoice)) (\(outcome.rawValue)) while it was \(period.why)")
            }
        }
        checks.append(Check(
            name: "no debtor contacted after paying or disputing, or while a promise or plan held",
            failures: quietFailures
        ))

        let stale = rows.filter { ($0.status == .planned && $0.dueAt <= result.end) || $0.status == .dispatched }
        checks.append(Check(
            name: "nothing due was left behind (no step planned in the past, none still dispatched)",
            failures: stale.map { "step \($0.position + 1) \($0.templateKey) of \(number($0.invoiceId)) is \($0.status.rawValue), due \($0.dueAt)" }
        ))

        let unrendered = rows.filter { row in
            guard let outcome = row.outcome, outcome.contacted else { return false }
            let fields = DemoJournal.fields(row.outcomeDetail ?? "{}")
            return fields?["subject"] == nil && fields?["title"] == nil && fields?["task_id"] == nil && fields?["court"] == nil
        }
        checks.append(Check(
            name: "every message sent was rendered (agency messages with their mandatory mentions)",
            failures: unrendered.map { "step \($0.position + 1) \($0.templateKey) of \(number($0.invoiceId)) has no rendered subject" }
        ))

        // What the channels produced, read back as the other end would.
        let artefacts = DemoArtefacts(deliveries: try await database.deliveries(), sinkDirectory: DemoArtefacts.sinkDirectory())
        if let missing = artefacts.emailsMissingFromSink() {
            checks.append(Check(
                name: "every email sent (\(artefacts.emails.count)) arrived in the SMTP sink, in its recipient's mailbox, under its Message-ID",
                failures: artefacts.emails.isEmpty ? ["no email was sent"] : missing
            ))
        } else {
            checks.append(Check(name: "emails sent: \(artefacts.emails.count) (not read back: no SMTP sink directory here)", failures: []))
        }
        checks.append(Check(
            name: "every letter and formal notice (\(artefacts.letters.count)) is a PDF on disk with its recorded SHA-256, naming its invoices (pdftotext)",
            failures: artefacts.letters.isEmpty ? ["no letter was written"] : artefacts.unreadableLetters()
        ))
        let tasks = try await database.callTasks()
        checks.append(Check(
            name: "every call job made exactly one call task (\(tasks.byStatus.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))",
            failures: tasks.byStatus.isEmpty ? ["no call task was made"] : tasks.unmatched.map { "call job \($0) has no call task, or several" }
        ))
        let filings = try await database.filings()
        checks.append(Check(
            name: "every court dossier (\(artefacts.dossiers.count)) is a request PDF naming its court and invoices and a JSON manifest, as recorded, awaiting review",
            failures: artefacts.dossiers.isEmpty ? ["no court dossier was prepared"]
                : artefacts.unreadableDossiers() + (filings["ready_for_review"] == artefacts.dossiers.count ? [] : ["filings by status: \(filings)"])
        ))
        let unexplained = try await database.unexplainedNoticeDates()
        checks.append(Check(
            name: "no formal-notice date without a registered letter posted in that day's manifest",
            failures: unexplained.map { "invoice \($0.number) has a formal-notice date \($0.date) that no posted notice explains" }
        ))

        // What each debtor is in the demo to show.
        checks.append(contentsOf: try storyChecks(cast: cast, rows: Array(rows)))
        return checks
    }

    private func storyChecks(cast: DemoCast, rows: [DemoDatabase.StepRow]) throws -> [Check] {
        func steps(_ role: DemoCast.Role) -> [DemoDatabase.StepRow] {
            let ids = Set(cast.character(role).invoices.map(\.id.uuid))
            return rows.filter { ids.contains($0.invoiceId) }.sorted { $0.position < $1.position }
        }
        func expect(_ name: String, _ condition: Bool, _ failure: @autoclosure () -> String) -> Check {
            Check(name: name, failures: condition ? [] : [failure()])
        }
        var checks: [Check] = []

        // 1. Reliable payer: an early courteous call; the seed article's penalty.
        let martin = cast.character(.reliablePayer).invoices[0]
        let call = steps(.reliablePayer).first { $0.channel == .call }
        checks.append(expect(
            "reliable payer: a courteous call 5 days after the due date",
            call?.tone == .courteous && call?.outcome == .taskCreated && call.map { martin.dueDate.days(until: $0.dueDate) <= 5 } == true,
            "the call was \(call.map { "\($0.tone.rawValue), \($0.outcome?.rawValue ?? "no outcome"), due \($0.dueDate)" } ?? "missing")"
        ))
        let paid = try penalties.owed(on: DemoRunner.start.adding(days: DemoRunner.days - 1), invoice: martin, jurisdiction: .frB2B,
                                      payments: result.ledger.payments(of: martin.id), noticeDate: nil)
        checks.append(expect(
            "3 000 € paid 20 days late at 10 %: 16.44 € interest + 40 € = 56.44 € (the seed article's example)",
            paid.totalPenalty.minorUnits == 56_44 && paid.daysLate == 20,
            "computed \(paid.totalPenalty) for \(paid.daysLate) days"
        ))

        // 2. Chronic late payer: firmer tones; both invoices in every job.
        let chronic = steps(.chronicLatePayer).filter { $0.outcome?.contacted == true }
        checks.append(expect(
            "chronic late payer: no courteous wording, one message for both invoices",
            !chronic.isEmpty && chronic.allSatisfy { $0.tone != .courteous } && Set(chronic.map(\.jobId)).count * 2 == chronic.count,
            "contacted steps: " + chronic.map { "\($0.position + 1) \($0.tone.rawValue) job \($0.jobId?.uuidString.prefix(8) ?? "-")" }.joined(separator: ", ")
        ))

        // 3. Paid while a job was queued: skipped_paid, later steps cancelled.
        let roux = steps(.paysWhileQueued)
        checks.append(expect(
            "payment while a job was queued: the worker skipped it (skipped_paid), later steps cancelled",
            roux.contains { $0.outcome == .skippedPaid } && roux.contains { $0.status == .cancelled && $0.reason == "paid" },
            "steps: " + roux.map { "\($0.position + 1) \($0.status.rawValue) \($0.outcome?.rawValue ?? "")" }.joined(separator: ", ")
        ))

        // 4. Dispute stops the ladder.
        let blanc = steps(.disputes)
        checks.append(expect(
            "dispute: the remaining steps are cancelled",
            blanc.contains { $0.status == .cancelled && $0.reason == "disputed" } && !blanc.contains { $0.status == .planned },
            "steps: " + blanc.map { "\($0.position + 1) \($0.status.rawValue) \($0.reason ?? "")" }.joined(separator: ", ")
        ))

        // 5. Consumer: no legal step, no 40 €, interest only after the notice.
        let consumer = cast.character(.consumer).invoices[0]
        let legal = steps(.consumer).first { $0.channel == .legal }
        let owed = try penalties.owed(on: DemoRunner.start.adding(days: DemoRunner.days - 1), invoice: consumer, jurisdiction: .frB2C,
                                      payments: [], noticeDate: result.ledger.noticeDate(of: consumer.id))
        checks.append(expect(
            "consumer: no legal step, no fixed indemnity, a formal notice sent",
            legal?.status == .cancelled && legal?.reason?.hasPrefix("not_applicable") == true && owed.fixedIndemnity.isZero
                && result.ledger.noticeDate(of: consumer.id) != nil,
            "legal step \(legal.map { "\($0.status.rawValue) \($0.reason ?? "")" } ?? "missing"), indemnity \(owed.fixedIndemnity), notice \(result.ledger.noticeDate(of: consumer.id).map(\.iso) ?? "none")"
        ))

        // 6. Broken promise: the ladder resumed and went on.
        let girard = cast.character(.breaksPromise).invoices[0]
        let resumed = steps(.breaksPromise).filter { $0.outcome?.contacted == true && $0.dueDate > girard.dueDate.adding(days: 17) }
        checks.append(expect(
            "broken promise: the ladder resumed after the promised date",
            result.timeTransitions[girard.id]?.contains("promise_broken") == true && !resumed.isEmpty,
            "transitions \(result.timeTransitions[girard.id] ?? []), contacts after the promise: \(resumed.count)"
        ))

        // 7. Payment plan holds the ladder.
        let cafe = steps(.paymentPlan)
        checks.append(expect(
            "payment plan: the ladder waits while installments are kept",
            cafe.contains { $0.status == .planned && $0.reason?.contains("payment plan") == true },
            "steps: " + cafe.map { "\($0.position + 1) \($0.status.rawValue) \($0.reason ?? "")" }.joined(separator: ", ")
        ))

        // 8. Agency: its first contact is a letter, and it went out.
        let agency = steps(.agencyDebt).filter { $0.outcome?.contacted == true }.sorted { $0.dueAt < $1.dueAt }
        checks.append(expect(
            "agency: the first contact is a letter with the mandatory mentions, later ones follow",
            agency.first?.channel == .letter && agency.count >= 3,
            "contacts: " + agency.map { $0.channel.rawValue }.joined(separator: ", ")
        ))
        // 9. A refused address: marked unusable, emails skipped, the ladder went on by another channel.
        let faure = steps(.refusedAddress)
        let refusedEmail = faure.first { $0.channel == .email && $0.outcome == .failedPermanent }
        let skipped = faure.filter { $0.reason == ContactPoint.email.skipReason }
        // The step after the refused email on another channel went at once, before its planned day.
        let next = refusedEmail.flatMap { refused in
            faure.filter { $0.channel != .email && $0.position > refused.position }.min { $0.position < $1.position }
        }
        let pulled = next.map { step in
            step.outcome?.contacted == true && step.completedAt.map { CalendarDate($0, in: DemoRunner.zone) < step.dueDate } == true
        } ?? false
        checks.append(expect(
            "refused address: the email fails for good (not dead-lettered), later emails are skipped, the next step on another channel goes at once",
            refusedEmail != nil && !skipped.isEmpty && pulled,
            "steps: " + faure.map { "\($0.position + 1) \($0.channel.rawValue) \($0.status.rawValue) \($0.reason ?? "") \($0.outcome?.rawValue ?? "")" }.joined(separator: ", ")
        ))
        return checks
    }

    private func number(_ invoice: UUID) -> String {
        result.cast.invoice(InvoiceID(invoice))?.number ?? invoice.uuidString
    }
}
