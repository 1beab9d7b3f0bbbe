import Foundation
import Testing

/// Tuning flags a role cannot work with are refused before anything starts: one line on stderr
/// saying which flag and why, exit status 2 — never a crash, never a silent default.
@Suite("Flag validation")
struct FlagValidationTests {
    @Test(
        "A flag out of range is refused with its name",
        arguments: [
            (["dispatcher", "--poll-interval", "inf"], "--poll-interval"),
            (["dispatcher", "--poll-interval", "nan"], "--poll-interval"),
            (["dispatcher", "--poll-interval", "0"], "--poll-interval"),
            (["dispatcher", "--outbox-limit=-5"], "--outbox-limit"),
            (["dispatcher", "--batch-size", "0"], "--batch-size"),
            (["worker", "--batch-linger=-1"], "--batch-linger"),
            (["worker", "--max-attempts", "0"], "--max-attempts"),
            (["run", "--shutdown-timeout", "inf"], "--shutdown-timeout"),
            (["worker", "--log-level", "loud"], "unknown log level 'loud'"),
            (["bench", "pipeline", "--stall-timeout", "inf"], "stall timeout"),
            (["bench", "pipeline", "--outbox-limit=-1"], "--outbox-limit"),
        ] as [([String], String)]
    )
    func refused(arguments: [String], message: String) throws {
        let output = try RelanceProcess.run(arguments)
        #expect(output.status == 2, "stderr: \(output.stderr)")
        #expect(output.stderrLines.count == 1)
        #expect(output.stderr.hasPrefix("relance: "))
        #expect(output.stderr.contains(message), "stderr was: \(output.stderr)")
    }

    @Test("An unknown log level in the environment is refused too")
    func logLevelFromEnvironment() throws {
        let output = try RelanceProcess.run(["dispatcher"], environment: ["RELANCE_LOG_LEVEL": "chatty"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("unknown log level 'chatty'"))
    }
}
