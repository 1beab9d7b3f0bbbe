import Foundation
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
