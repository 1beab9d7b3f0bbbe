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
}
