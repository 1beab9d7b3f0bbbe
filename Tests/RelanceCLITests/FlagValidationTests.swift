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
            (["worker", "--amqp-url", "amqp://relance:relance@127.0.0.1:5674/relance,amqp://127.0.0.1:0/relance"], "URL 2 of 2"),
            (["dispatcher", "--amqp-url", "amqp://127.0.0.1:5674/relance,,amqp://127.0.0.1:5676/relance"], "URL 2 of 3 is empty"),
            (["bench", "pipeline", "--stall-timeout", "inf"], "stall timeout"),
            (["bench", "pipeline", "--outbox-limit=-1"], "--outbox-limit"),
            (["bench", "pipeline", "--amqp-url", "amqp://127.0.0.1:5674/relance,amqp://127.0.0.1:5675/relance"], "takes one broker URL"),
            (["bench", "pipeline", "--channels", "smtp"], "--channels"),
            (["bench", "pipeline", "--channels", "real", "--no-messages"], "--channels real needs the messages"),
            (["letters", "manifest", "--date", "2026-13-01"], "--date"),
            (["letters", "posted"], "--date"),
            (["letters", "manifest", "--date", "2026-12-01", "--tenant", "acme"], "--tenant"),
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

    @Test("A malformed broker URL in RELANCE_AMQP_URL's list is named, without its password")
    func amqpURLListFromEnvironment() throws {
        let list = "amqp://relance:s3cret@127.0.0.1:5674/relance,amqp://relance:s3cret@127.0.0.1:5675/a/b"
        let output = try RelanceProcess.run(["worker"], environment: ["RELANCE_AMQP_URL": list])
        #expect(output.status == 2)
        #expect(output.stderrLines.count == 1)
        #expect(output.stderr.contains("URL 2 of 2 (amqp://relance:***@127.0.0.1:5675/a/b)"), "stderr was: \(output.stderr)")
        #expect(output.stderr.contains("RELANCE_AMQP_URL"))
        #expect(!output.stderr.contains("s3cret"))
    }
}
