import Foundation
import Testing

/// `relance penalty`, run as a process: its JSON, its readable breakdown, its exit codes.
@Suite("relance penalty")
struct PenaltyCommandTests {
    static let issueExample = ["penalty", "--amount", "3000.00", "--currency", "EUR", "--due", "2025-03-01", "--paid", "2025-03-21", "--rate", "10"]

    @Test("JSON for the issue's example: the 10 % contract rate is raised to the 11.13 % floor")
    func issueExampleJSON() throws {
        let output = try RelanceProcess.run(Self.issueExample + ["--json"])
        #expect(output.status == 0)
        #expect(output.stderr.isEmpty)
        let json = try output.json()
        #expect(json["principal"] as? String == "3000.00")
        #expect(json["days_late"] as? Int == 20)
        let periods = try #require(json["periods"] as? [[String: Any]])
        #expect(periods.count == 1)
        #expect(periods.first?["from"] as? String == "2025-03-02")
        #expect(periods.first?["to"] as? String == "2025-03-21")
        #expect(periods.first?["days"] as? Int == 20)
        #expect(periods.first?["annual_rate"] as? String == "11.13")
        #expect(json["interest"] as? String == "18.30")
        #expect(json["fixed_indemnity"] as? String == "40.00")
        #expect(json["total_penalty"] as? String == "58.30")
        #expect(json["total_due"] as? String == "58.30")
        let notes = try #require(json["notes"] as? [String])
        #expect(notes.contains("contract rate 10.00 % raised to the floor 11.13 % (3 × legal rate 3.71 %) for 2025 S1"))
    }

    @Test("JSON for the seed article's figure: 3,000 € twenty days late at 10 % in 2019 is 56.44 €")
    func seedFigureJSON() throws {
        let output = try RelanceProcess.run(
            ["penalty", "--amount", "3000.00", "--currency", "EUR", "--due", "2019-03-01", "--paid", "2019-03-21", "--rate", "10", "--json"]
        )
        #expect(output.status == 0)
        let json = try output.json()
        #expect(json["interest"] as? String == "16.44")
        #expect(json["total_penalty"] as? String == "56.44")
        #expect((json["periods"] as? [[String: Any]])?.first?["annual_rate"] as? String == "10.00")
    }

    @Test("the readable breakdown shows the period, the rate, the totals and the note")
    func readableBreakdown() throws {
        let output = try RelanceProcess.run(Self.issueExample)
        #expect(output.status == 0)
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("2025-03-02 to 2025-03-21") && $0.contains("20") && $0.contains("11.13 %") && $0.contains("3000.00 EUR") })
        #expect(lines.contains { $0.hasPrefix("Interest") && $0.hasSuffix("18.30 EUR") })
        #expect(lines.contains { $0.hasPrefix("Fixed recovery indemnity") && $0.hasSuffix("40.00 EUR") })
        #expect(lines.contains { $0.hasPrefix("Total penalty") && $0.hasSuffix("58.30 EUR") })
        #expect(lines.contains("- contract rate 10.00 % raised to the floor 11.13 % (3 × legal rate 3.71 %) for 2025 S1"))
        #expect(lines.contains { $0.hasPrefix("- fr-legal-rate.csv 2025 S1: 3.71 %") })
    }

    @Test("other jurisdictions and partial payments from the command line")
    func otherJurisdictions() throws {
        let german = try RelanceProcess.run([
            "penalty", "--jurisdiction", "de-b2b", "--amount", "10000", "--due", "2024-12-01", "--paid", "2025-08-15",
            "--payment", "2025-03-31:4000", "--json",
        ])
        #expect(german.status == 0)
        let json = try german.json()
        #expect(json["interest"] as? String == "625.81")
        #expect((json["periods"] as? [[String: Any]])?.map { $0["base"] as? String } == ["10000.00", "10000.00", "6000.00", "6000.00"])

        let british = try RelanceProcess.run([
            "penalty", "--jurisdiction", "uk", "--currency", "GBP", "--amount", "10000.00", "--due", "2022-12-15", "--paid", "2023-01-14", "--json",
        ])
        #expect(british.status == 0)
        let uk = try british.json()
        #expect(uk["fixed_indemnity"] as? String == "100.00")
        #expect((uk["periods"] as? [[String: Any]])?.map { $0["annual_rate"] as? String } == ["9.25"])
    }

    @Test(
        "bad arguments: one clear line on stderr, nothing on stdout, exit code 2",
        arguments: [
            (["--due", "2025-02-30"], "'2025-02-30' is not a date"),
            (["--amount", "3000.001"], "more than 2 decimals for EUR"),
            (["--jurisdiction", "fr"], "unknown jurisdiction 'fr'"),
            (["--amount=-5"], "must be positive"),
            (["--currency", "USD"], "computed in EUR, not USD"),
            (["--currency", "EURO"], "not an ISO 4217 currency code"),
            (["--rate", "ten"], "'ten' is not a percentage"),
            (["--payment", "2025-03-10"], "is not DATE:AMOUNT"),
            (["--payment", "2025-03-10:4000"], "more than the amount due"),
            (["--as-of", "2025-04-01"], "not both"),
            (["--jurisdiction", "eu"], "only taken into account for fr-b2b"),
            (["--frobnicate"], "frobnicate"),
        ] as [([String], String)]
    )
    func badArguments(change: [String], message: String) throws {
        // Start from the valid example and spoil one thing; later options override earlier ones.
        let output = try RelanceProcess.run(Self.issueExample + change)
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty)
        #expect(output.stderrLines.count == 1)
        #expect(output.stderr.hasPrefix("relance: "))
        #expect(output.stderr.contains(message), "stderr was: \(output.stderr)")
    }

    @Test("a missing required option is exit code 2 too")
    func missingOption() throws {
        let output = try RelanceProcess.run(["penalty", "--amount", "3000"])
        #expect(output.status == 2)
        #expect(output.stderrLines.count == 1)
        #expect(output.stderr.contains("--due"))
    }

    @Test("a half-year the tables do not have: exit code 1 and a message naming the table and the half-year")
    func tableGap() throws {
        let output = try RelanceProcess.run(["penalty", "--amount", "3000", "--due", "2026-06-20", "--paid", "2026-07-10"])
        #expect(output.status == 1)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr == "relance: ecb-mro.csv has no ECB main refinancing rate known to be in force on 2026-07-01, needed for 2026 S2; add it to the table once published (no rate is guessed)\n")
    }

    @Test("a half-year added to the data files is used without a new build")
    func addedHalfYear() throws {
        let schemas = try RelanceProcess.copyOfSchemas()
        defer { try? FileManager.default.removeItem(at: schemas.deletingLastPathComponent()) }
        // Pretend the ECB rate was confirmed unchanged through 1 July 2026.
        let ecb = schemas.appendingPathComponent("rates/ecb-mro.csv")
        let text = try String(contentsOf: ecb, encoding: .utf8)
            .replacingOccurrences(of: "2026-02-06,unknown,", with: "2026-07-02,unknown,")
        try text.write(to: ecb, atomically: true, encoding: .utf8)

        let output = try RelanceProcess.run(
            ["penalty", "--amount", "3000", "--due", "2026-06-20", "--paid", "2026-07-10", "--json"],
            environment: ["RELANCE_SCHEMAS_DIR": schemas.path]
        )
        #expect(output.status == 0, "stderr: \(output.stderr)")
        // 3000 × 0.1215 × 20 / 365 = 19.97 over both half-years.
        #expect(try output.json()["interest"] as? String == "19.97")
    }

    @Test("the rate tables are found from the executable when run outside the checkout")
    func locatesTablesFromExecutable() throws {
        let elsewhere = FileManager.default.temporaryDirectory
        let output = try RelanceProcess.run(Self.issueExample + ["--json"], in: elsewhere)
        #expect(output.status == 0, "stderr: \(output.stderr)")
        #expect(try output.json()["total_penalty"] as? String == "58.30")
    }

    @Test("a RELANCE_SCHEMAS_DIR without rate tables is a clear error, exit code 1")
    func wrongSchemasDirectory() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("relance-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let output = try RelanceProcess.run(Self.issueExample, environment: ["RELANCE_SCHEMAS_DIR": empty.path])
        #expect(output.status == 1)
        #expect(output.stderr.contains("RELANCE_SCHEMAS_DIR is set to '\(empty.path)'"))
    }

    @Test("without --paid or --as-of the computation is as of today in Europe/Paris, and says so")
    func defaultsToToday() throws {
        // fr-b2c without a notice date needs no rate, so this runs whatever today's date is.
        let output = try RelanceProcess.run(
            ["penalty", "--jurisdiction", "fr-b2c", "--amount", "100", "--due", "2025-01-01", "--json"]
        )
        #expect(output.status == 0, "stderr: \(output.stderr)")
        let json = try output.json()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "Europe/Paris"))
        let now = calendar.dateComponents([.year, .month, .day], from: Date())
        let today = String(format: "%04d-%02d-%02d", now.year!, now.month!, now.day!)
        #expect(json["as_of"] as? String == today)
        let notes = try #require(json["notes"] as? [String])
        #expect(notes.first == "no --paid or --as-of given: computed as of today in Europe/Paris, \(today)")
    }
}
