import Foundation

/// What one drill run found.
public struct DrillReport: Sendable {
    public var fault: DrillFault
    public var seeded: Int
    public var outcomes: Int
    /// Seeded steps without exactly one outcome that contacted the debtor.
    public var lost: Int
    /// Steps the channels acted on more than once (the contact log), and their debtors.
    public var stepsActedTwice: Int
    public var debtorsContactedTwice: Int
    /// (debtor, channel) pairs given more than one job.
    public var debtorChannelsTwice: Int
    /// Messages left in the queues at the end, by queue.
    public var messagesLeft: [String: Int]
    /// Jobs left in the outbox at the end (published by a relay that died before settling
    /// them: they are published again once its lease ends, and skipped by the workers).
    public var outboxLeft: Int
    public var outcomeKinds: [String: Int]
    /// What the fault was, and when.
    public var what: String
    /// Steps claimed and outcomes in when the fault struck, and outcomes in when it was over.
    public var claimedAtStrike: Int?
    public var doneAtStrike: Int?
    public var doneAtFaultEnd: Int?
    /// Seconds from the end of the fault until claims and outcomes both moved again.
    public var recoverySeconds: Double?
    /// The longest time with neither a claim nor an outcome.
    public var longestStall: Double
    /// Seconds from the start of the pipeline to the last outcome.
    public var elapsed: Double
    public var stalled: String?
    /// The roles' logs and the contact log.
    public var logs: String

    /// Whether the run met the goal: nothing lost, nobody contacted twice, queues empty.
    public var ok: Bool {
        lost == 0 && stepsActedTwice == 0 && debtorChannelsTwice == 0 && messagesLeft.isEmpty && stalled == nil
    }

    /// The table of several runs, then each run's account.
    public static func render(_ reports: [DrillReport], command: String) -> String {
        func f(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "—" }
        var lines = ["relance drill — \(command)", ""]
        lines.append("drill               seeded  outcomes  lost  twice (steps/debtors)  recovery (s)  longest stall (s)  elapsed (s)  steps/s")
        for r in reports {
            lines.append(
                r.fault.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0)
                    + String(format: "%8d  %8d  %4d  %10d / %-8d  %12@  %17@  %11@  %7.0f",
                             r.seeded, r.outcomes, r.lost, r.stepsActedTwice, r.debtorsContactedTwice,
                             f(r.recoverySeconds), f(r.longestStall), f(r.elapsed), r.elapsed > 0 ? Double(r.outcomes) / r.elapsed : 0)
            )
        }
        lines.append("")
        for r in reports {
            lines.append("\(r.fault.rawValue): \(r.what)")
            func n(_ value: Int?) -> String { value.map(String.init) ?? "—" }
            lines.append("  struck with \(n(r.claimedAtStrike)) steps claimed and \(n(r.doneAtStrike)) outcomes in; \(n(r.doneAtFaultEnd)) outcomes in when it was over")
            let kinds = r.outcomeKinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            let left = r.messagesLeft.isEmpty ? "none" : r.messagesLeft.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            lines.append("  outcomes \(kinds); (debtor, channel) pairs with two jobs \(r.debtorChannelsTwice); messages left in queues: \(left); jobs left in the outbox \(r.outboxLeft)")
            if let stalled = r.stalled { lines.append("  STALLED: \(stalled)") }
            lines.append("  \(r.ok ? "ok" : "FAILED"): logs in \(r.logs)")
        }
        return lines.joined(separator: "\n")
    }
}
