import Foundation
import Testing

/// `bench claim` and `bench fairness` refuse flags they cannot work with before creating
/// anything: one line on stderr naming the flag, exit status 2.
@Suite("Scale benchmark flags")
struct BenchScaleFlagTests {
    @Test(
        "A bad flag is refused with its name",
        arguments: [
            (["bench", "claim", "--due", "0"], "--due"),
            (["bench", "claim", "--invoices", "10", "--due", "20"], "--invoices"),
            (["bench", "claim", "--batch-size=-1"], "--batch-size"),
            (["bench", "claim", "--tenants", "0"], "--tenants"),
            (["bench", "claim", "--day", "2026-12-26"], "--day"),
            (["bench", "claim", "--paused-claims=-1"], "--paused-claims"),
            (["bench", "fairness", "--big", "0"], "--big"),
            (["bench", "fairness", "--small=-3"], "--small"),
            (["bench", "fairness", "--linger", "inf"], "--linger"),
            (["bench", "fairness", "--few-tenants", "0"], "--few-tenants"),
            (["bench", "fairness", "--batch-size", "0"], "--batch-size"),
        ] as [([String], String)]
    )
    func refused(arguments: [String], message: String) throws {
        let output = try RelanceProcess.run(arguments)
        #expect(output.status == 2, "stderr: \(output.stderr)")
        #expect(output.stderrLines.count == 1)
        #expect(output.stderr.hasPrefix("relance: "))
        #expect(output.stderr.contains(message), "stderr was: \(output.stderr)")
    }

    @Test("bench claim --paused-claims: with every due step's channel paused, claims take nothing; resumed, everything is claimed")
    func pausedClaims() throws {
        let database = "relance_bench_claim_test_\(UInt32.random(in: 0...UInt32.max))"
        let output = try RelanceProcess.run(["bench", "claim", "--invoices", "200", "--due", "100", "--tenants", "2",
                                             "--batch-size", "50", "--paused-claims", "2", "--database", database])
        #expect(output.status == 0, "stderr: \(output.stderr)\nstdout: \(output.stdout)")
        let paused = output.stdout.split(separator: "\n").first { $0.hasPrefix("paused ") }
        #expect(paused?.contains("2 claims with channel") == true, "\(output.stdout)")
        #expect(paused?.hasSuffix("; 0 steps claimed") == true, "\(output.stdout)")
        #expect(output.stdout.contains("0 due steps left, 0 cancelled, 0 deferred"), "\(output.stdout)")
    }
}
