import Foundation
import RelanceCore
import RelanceStore

/// What happened to each invoice, in order, as the demo saw it: the events it applied
/// (payments, disputes, promises, plans, a broken promise) and every change of the schedule
/// between two looks at it — a step deferred with the compliance reason, cancelled with its
/// reason, moved by re-planning, and the worker's outcome of each job.
struct DemoJournal: Sendable {
    enum Change: Sendable, Hashable {
        /// A step the intake did not plan (superseded, not applicable …).
        case notPlanned(reason: String)
        case deferred(until: Date, reason: String)
        case rescheduled(to: CalendarDate)
        case cancelled(reason: String)
        case plannedAgain(on: CalendarDate)
        case outcome(OutcomeKind, subject: String?, reason: String?)
    }

    struct Entry: Sendable {
        /// Order of arrival.
        var sequence: Int
        /// The simulated moment (nil: at intake, before the first tick).
        var moment: Date?
        var debtorId: UUID
        var invoiceIds: [UUID]
        /// The step concerned, nil for an invoice event.
        var step: DemoDatabase.StepRow?
        var change: Change?
        var event: String?
    }

    private(set) var entries: [Entry] = []
    private(set) var schedule: [UUID: DemoDatabase.StepRow] = [:]
    /// Jobs whose outcome has been journalled.
    private(set) var outcomes: [UUID: OutcomeKind] = [:]

    mutating func event(_ text: String, debtor: UUID, invoice: UUID, at moment: Date?) {
        event(text, debtor: debtor, invoices: [invoice], at: moment)
    }

    mutating func event(_ text: String, debtor: UUID, invoices: [UUID], at moment: Date?) {
        entries.append(Entry(sequence: entries.count, moment: moment, debtorId: debtor, invoiceIds: invoices, event: text))
    }

    /// Compares the schedule with the last look and journals what changed at `moment`.
    mutating func observe(_ current: [UUID: DemoDatabase.StepRow], at moment: Date?) {
        let ordered = current.values.sorted { ($0.invoiceId.uuidString, $0.position) < ($1.invoiceId.uuidString, $1.position) }
        for row in ordered {
            let before = schedule[row.id]
            for change in Self.changes(from: before, to: row) {
                entries.append(Entry(
                    sequence: entries.count, moment: moment, debtorId: row.debtorId, invoiceIds: [row.invoiceId],
                    step: row, change: change
                ))
            }
            if let job = row.jobId, let outcome = row.outcome { outcomes[job] = outcome }
        }
        schedule = current
    }

    static func changes(from before: DemoDatabase.StepRow?, to row: DemoDatabase.StepRow) -> [Change] {
        guard let before else {
            // First look, right after intake.
            return row.status == .cancelled ? [.notPlanned(reason: row.reason ?? "")] : []
        }
        var changes: [Change] = []
        switch (before.status, row.status) {
        case (.planned, .planned):
            if row.dueDate != before.dueDate {
                changes.append(.rescheduled(to: row.dueDate))
            } else if row.dueAt != before.dueAt, let reason = row.reason {
                changes.append(.deferred(until: row.dueAt, reason: reason))
            }
        case (_, .planned):
            // Cancelled by a stop, or skipped by a guard, and planned again on resuming.
            changes.append(.plannedAgain(on: row.dueDate))
        case (_, .cancelled) where before.status != .cancelled:
            changes.append(.cancelled(reason: row.reason ?? ""))
        default:
            break
        }
        // An outcome recorded since the last look (the step is done or skipped).
        if let outcome = row.outcome, before.outcome == nil || before.jobId != row.jobId {
            let detail = row.outcomeDetail.flatMap(Self.fields) ?? [:]
            changes.append(.outcome(outcome, subject: detail["subject"], reason: detail["reason"]))
        }
        return changes
    }

    /// The string fields of a JSON object.
    static func fields(_ json: String) -> [String: String]? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return nil }
        return object.compactMapValues { $0 as? String }
    }
}
