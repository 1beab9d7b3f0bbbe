import Foundation
import RelanceCore
import RelanceStore

/// Turns a demo run into text: each debtor's timeline, then a summary. Everything printed
/// comes from the run (the journal of schedule changes and outcomes read from PostgreSQL, the
/// penalty engine); only ids and real timestamps differ from one run to the next.
struct DemoReport {
    let result: DemoRunner.Result
    let penalties: DemoPenalties

    var cast: DemoCast { result.cast }
    static let zone = DemoRunner.zone

    /// One printed line of a timeline: an entry, or several alike entries for a debtor's
    /// invoices that travelled together.
    private struct Line {
        var moment: Date?
        var sequence: Int
        var invoiceIds: [UUID]
        var step: DemoDatabase.StepRow?
        var change: DemoJournal.Change?
        var event: String?
    }

    // MARK: - Timelines

    func timelines() throws -> [String] {
        var out: [String] = []
        for (index, character) in cast.characters.enumerated() {
            out.append("")
            out.append(contentsOf: try timeline(character, number: index + 1))
        }
        return out
    }

    private func timeline(_ character: DemoCast.Character, number: Int) throws -> [String] {
        let debtor = character.debtor
        let tenant = cast.tenant(debtor.tenantId)!
        let creditor = cast.creditor(debtor.creditorId)!
        let collector = tenant.tenant.kind == .collectionAgency
            ? "collected by the agency \(tenant.tenant.name) for \(creditor.name)"
            : "owes \(creditor.name)"
        var out = ["\(number). \(debtor.name) — \(debtor.kind.rawValue), \(collector)"]
        out.append("   \(character.story)")
        for invoice in character.invoices {
            var line = "   invoice \(invoice.number): \(invoice.amount), issued \(invoice.issueDate), due \(invoice.dueDate), \(cast.jurisdiction(of: invoice).rawValue)"
            if let rate = invoice.contractRate { line += ", contract rate \(rate)" }
            out.append(line)
        }
        if let planned = result.planned[character.invoices[0].id] {
            out.append(contentsOf: personalisation(planned))
        }
        out.append("   " + Self.columns("date", "time", "step", "channel", "penalty owed", "what happened"))

        let lines = collapse(result.journal.entries.filter { $0.debtorId == debtor.id.uuid })
        let several = character.invoices.count > 1
        for line in lines {
            let date = line.moment.map { CalendarDate($0, in: Self.zone) } ?? DemoRunner.start
            let time = line.moment.map(Self.time) ?? "intake"
            let owed = try penaltyOwed(on: date, invoices: line.invoiceIds.map(InvoiceID.init))
            var what: String
            if let event = line.event {
                what = event
            } else {
                what = describe(line.change!)
            }
            if several {
                let numbers = line.invoiceIds.compactMap { id in cast.invoice(InvoiceID(id))?.number }.sorted()
                what += " [\(numbers.joined(separator: " + "))]"
            }
            let step = line.step.map { "\($0.position + 1) \($0.templateKey)/\($0.tone.rawValue)" } ?? "—"
            let channel = line.step?.channel.rawValue ?? ""
            out.append("   " + Self.columns(date.iso, time, step, channel, owed.description, what))
        }

        // Where each invoice stands at the end.
        let last = CalendarDate(result.end, in: Self.zone)
        for invoice in character.invoices {
            let rows = result.journal.schedule.values.filter { $0.invoiceId == invoice.id.uuid }.sorted { $0.position < $1.position }
            let later = rows.filter { $0.status == .planned }.map { row in
                "\(row.position + 1) \(row.channel.rawValue) due \(CalendarDate(row.dueAt, in: Self.zone)) \(Self.time(row.dueAt))"
            }
            let owed = try penalties.owed(
                on: last, invoice: invoice, jurisdiction: cast.jurisdiction(of: invoice),
                payments: result.ledger.payments(of: invoice.id), noticeDate: result.ledger.noticeDate(of: invoice.id)
            )
            var summary = "   on \(last) \(invoice.number) owes \(owed.outstandingPrincipal) + penalty \(owed.totalPenalty)"
                + " (interest \(owed.interest), fixed indemnity \(owed.fixedIndemnity))"
            if let notice = result.ledger.noticeDate(of: invoice.id) { summary += "; formal notice of \(notice)" }
            out.append(summary)
            if !later.isEmpty { out.append("   still planned after the demo's last day: " + later.joined(separator: ", ")) }
        }
        return out
    }

    private func personalisation(_ planned: PlannedInvoice) -> [String] {
        let ladder = planned.ladder
        let steps = ladder.policy.steps.map { step in
            "\(step.offsetDays >= 0 ? "+" : "")\(step.offsetDays) \(step.channel.rawValue)/\(step.tone.rawValue)"
        }
        var out = ["   ladder (\(planned.source.rawValue) policy «\(ladder.policy.name)»): " + steps.joined(separator: ", ")]
        var why = [ladder.assessment.reason]
        for adjustment in ladder.channelAdjustments {
            switch adjustment.change {
            case .callMoved(let from, let to): why.append("call moved from day +\(from) to day +\(to)")
            case .callInserted(let day): why.append("call added on day +\(day)")
            }
        }
        let toned = ladder.toneDecisions.filter { $0.tone != $0.policyTone }
        if !toned.isEmpty {
            why.append("tones " + toned.map { "\($0.stepIndex + 1) \($0.policyTone.rawValue)→\($0.tone.rawValue)" }.joined(separator: ", "))
        }
        out.append("   personalisation: " + why.joined(separator: "; "))
        if let offer = ladder.paymentPlanOffer {
            out.append("   plan to propose: " + offer.installments.map { "\($0.amount) on \($0.dueDate)" }.joined(separator: ", "))
        }
        return out
    }

    /// Merges entries that say the same about several invoices of one debtor at one moment.
    private func collapse(_ entries: [DemoJournal.Entry]) -> [Line] {
        var lines: [Line] = []
        for entry in entries {
            if let step = entry.step, let change = entry.change,
               let index = lines.lastIndex(where: {
                   $0.moment == entry.moment && $0.step?.position == step.position && $0.step?.templateKey == step.templateKey
                       && $0.step?.channel == step.channel && $0.change.map(Self.key) == Self.key(change)
               }) {
                lines[index].invoiceIds.append(contentsOf: entry.invoiceIds)
                continue
            }
            lines.append(Line(moment: entry.moment, sequence: entry.sequence, invoiceIds: entry.invoiceIds,
                              step: entry.step, change: entry.change, event: entry.event))
        }
        // Chronological; within one moment in the order the demo saw them.
        return lines.sorted { ($0.moment ?? .distantPast, $0.sequence) < ($1.moment ?? .distantPast, $1.sequence) }
    }

    /// What makes two changes "the same" when merging invoices (subjects list all invoices).
    private static func key(_ change: DemoJournal.Change) -> String {
        switch change {
        case .outcome(let kind, let subject, _): "outcome \(kind.rawValue) \(subject ?? "")"
        default: "\(change)"
        }
    }

    private func describe(_ change: DemoJournal.Change) -> String {
        switch change {
        case .notPlanned(let reason):
            "not planned: \(reason)"
        case .deferred(let until, let reason):
            "deferred to \(CalendarDate(until, in: Self.zone)) \(Self.time(until)): \(reason)"
        case .rescheduled(let date):
            "re-planned for \(date)"
        case .cancelled(let reason):
            "cancelled: \(reason)"
        case .plannedAgain(let date):
            "planned again for \(date)"
        case .outcome(let kind, let subject, let reason):
            if let subject {
                "\(kind.rawValue) «\(subject)»"
            } else if let reason {
                "\(kind.rawValue) (\(reason))"
            } else {
                kind.rawValue
            }
        }
    }

    private func penaltyOwed(on date: CalendarDate, invoices ids: [InvoiceID]) throws -> Money {
        var total = Money.zero(.eur)
        for id in ids {
            guard let invoice = cast.invoice(id) else { continue }
            let owed = try penalties.owed(
                on: date, invoice: invoice, jurisdiction: cast.jurisdiction(of: invoice),
                payments: result.ledger.payments(of: id), noticeDate: result.ledger.noticeDate(of: id)
            )
            total = try total.adding(owed.totalPenalty)
        }
        return total
    }

    // MARK: - Summary

    func summary() -> [String] {
        let counts = result.counts
        func list(_ values: [String: Int]) -> String {
            values.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }
        let jobs = counts.jobs.values.reduce(0, +)
        let last = CalendarDate(result.end, in: Self.zone)
        return [
            "",
            "Summary — \(DemoRunner.days) simulated days, \(DemoRunner.start) to \(last)",
            "  jobs       \(jobs) published to RabbitMQ and consumed by the workers: \(list(counts.jobs))",
            "  outcomes   \(list(counts.outcomes))",
            "  invoices   \(list(counts.invoices))",
            "  steps      \(list(counts.steps))",
        ]
    }

    static func time(_ moment: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.hour, .minute], from: moment)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    static func columns(_ date: String, _ time: String, _ step: String, _ channel: String, _ penalty: String, _ what: String) -> String {
        func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
            let fill = String(repeating: " ", count: max(0, width - text.count))
            return right ? fill + text : text + fill
        }
        return [pad(date, 10), pad(time, 6), pad(step, 32), pad(channel, 17), pad(penalty, 12, right: true), what]
            .joined(separator: "  ")
    }
}
