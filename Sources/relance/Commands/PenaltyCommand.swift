import ArgumentParser
import Foundation
import RelanceCore
import RelanceRuntime

/// `relance penalty`: the late-payment penalty on one invoice, with its breakdown.
///
/// Exit status: 0 computed; 2 bad arguments (one line on stderr); 1 the rate tables cannot be
/// read or do not cover the dates (the message says which table lacks which half-year).
struct PenaltyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "penalty",
        abstract: "Computes the late-payment penalty the law allows on one invoice.",
        discussion: """
            Interest is simple, on actual days / 365, from the day after the due date to the payment \
            date (or the as-of date while unpaid), split by half-year where the rate changes, and \
            rounded once, half-up, to the cent. Rates come from the CSV tables in schemas/rates \
            (found through RELANCE_SCHEMAS_DIR, or by walking up from the current directory, then \
            from the executable's directory).

            Example: relance penalty --amount 3000.00 --currency EUR --due 2025-03-01 --paid 2025-03-21 --rate 10
            """
    )

    @Option(help: "Amount due on the invoice, e.g. 3000.00 (no more decimals than the currency has).")
    var amount: String

    @Option(help: "ISO 4217 currency code (default: the jurisdiction's, EUR or GBP for uk).")
    var currency: String?

    @Option(help: ArgumentHelp("Due date stated on the invoice.", valueName: "YYYY-MM-DD"), transform: Self.date)
    var due: CalendarDate

    @Option(help: ArgumentHelp("Date the balance was paid in full; omit while unpaid.", valueName: "YYYY-MM-DD"), transform: Self.date)
    var paid: CalendarDate?

    @Option(
        name: .customLong("rate"),
        help: ArgumentHelp("Contract penalty rate in percent, fr-b2b only (raised to 3 × the legal rate when lower).", valueName: "percent"),
        transform: Self.rate
    )
    var contractRate: Rate?

    @Option(
        help: ArgumentHelp(
            "Law to apply: \(Jurisdiction.allCases.map(\.rawValue).joined(separator: ", ")).",
            valueName: "jurisdiction"
        ),
        transform: Self.jurisdiction
    )
    var jurisdiction: Jurisdiction = .frB2B

    @Option(help: ArgumentHelp("Date of the formal notice (mise en demeure), fr-b2c only.", valueName: "YYYY-MM-DD"), transform: Self.date)
    var noticeDate: CalendarDate?

    @Option(help: ArgumentHelp("Compute an unpaid invoice up to this day (default: today in Europe/Paris).", valueName: "YYYY-MM-DD"), transform: Self.date)
    var asOf: CalendarDate?

    @Option(
        name: .customLong("payment"),
        parsing: .upToNextOption,
        help: ArgumentHelp("A partial payment received before settlement; repeatable.", valueName: "DATE:AMOUNT")
    )
    var payments: [String] = []

    @Flag(help: "fr-b2c: the creditor is a private person, not a business (selects the other legal-rate column).")
    var privateCreditor = false

    @Flag(help: "Print the result as JSON.")
    var json = false

    mutating func run() async throws {
        var extraNotes: [String] = []
        let settlement: PenaltyRequest.Settlement
        switch (paid, asOf) {
        case (.some, .some):
            throw ValidationError("give --paid for a paid invoice or --as-of for an unpaid one, not both")
        case (.some(let paid), nil):
            settlement = .paidInFull(on: paid)
        case (nil, .some(let asOf)):
            settlement = .unpaid(asOf: asOf)
        case (nil, nil):
            let today = Self.todayInParis()
            settlement = .unpaid(asOf: today)
            extraNotes.append("no --paid or --as-of given: computed as of today in Europe/Paris, \(today)")
        }
        let request = try makeRequest(settlement: settlement)

        let tables: PenaltyRateTables
        do {
            tables = try Self.loadTables()
        } catch {
            Self.fail("\(error)")
        }
        let result: PenaltyResult
        do {
            result = try PenaltyEngine(tables: tables).compute(request)
        } catch let error where error.isInvalidRequest {
            throw ValidationError(error.description)
        } catch {
            Self.fail(error.description)
        }
        let shown = Self.adding(notes: extraNotes, to: result)
        print(json ? try Self.json(shown) : Self.breakdown(shown))
    }

    // MARK: - Input

    private func makeRequest(settlement: PenaltyRequest.Settlement) throws -> PenaltyRequest {
        var money = jurisdiction.currency
        if let currency {
            do {
                money = try Currency(code: currency)
            } catch {
                throw ValidationError("--currency: \(error)")
            }
        }
        let principal: Money
        do {
            principal = try Money(decimal: amount, currency: money)
        } catch {
            throw ValidationError("--amount: \(error)")
        }
        var partials: [PartialPayment] = []
        for text in payments {
            let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, let date = try? CalendarDate(iso: String(parts[0])) else {
                throw ValidationError("--payment '\(text)' is not DATE:AMOUNT, e.g. 2025-03-10:500.00")
            }
            do {
                partials.append(PartialPayment(date: date, amount: try Money(decimal: String(parts[1]), currency: money)))
            } catch {
                throw ValidationError("--payment '\(text)': \(error)")
            }
        }
        return PenaltyRequest(
            jurisdiction: jurisdiction,
            principal: principal,
            dueDate: due,
            settlement: settlement,
            payments: partials,
            contractRate: contractRate,
            noticeDate: noticeDate,
            creditor: privateCreditor ? .privatePerson : .business
        )
    }

    @Sendable private static func date(_ text: String) throws -> CalendarDate {
        do {
            return try CalendarDate(iso: text)
        } catch {
            throw ValidationError(error.description)
        }
    }

    @Sendable private static func rate(_ text: String) throws -> Rate {
        do {
            return try Rate(percent: text)
        } catch {
            throw ValidationError(error.description)
        }
    }

    @Sendable private static func jurisdiction(_ text: String) throws -> Jurisdiction {
        guard let value = Jurisdiction(rawValue: text.lowercased()) else {
            throw ValidationError(
                "unknown jurisdiction '\(text)'; use one of \(Jurisdiction.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        return value
    }

    /// The calendar date it is now in Paris, where the French law's days are counted.
    private static func todayInParis() -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Paris") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)!
    }

    private static func loadTables() throws -> PenaltyRateTables {
        let directory = try ResourceLocator().schemasSubdirectory("rates")
        var files: [String: String] = [:]
        for name in PenaltyRateTables.fileNames {
            let url = directory.appendingPathComponent(name)
            do {
                files[name] = try String(contentsOf: url, encoding: .utf8)
            } catch {
                throw ResourceLocator.NotFound(description: "cannot read the rate table \(url.path)")
            }
        }
        return try PenaltyRateTables(files: files)
    }

    /// Reports a failure that is not the user's typing (tables missing or incomplete): exit 1.
    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("relance: \(message)\n".utf8))
        Self.exit(withError: ExitCode.failure)
    }

    private static func adding(notes: [String], to result: PenaltyResult) -> PenaltyResult {
        guard !notes.isEmpty else { return result }
        return PenaltyResult(
            jurisdiction: result.jurisdiction, principal: result.principal, dueDate: result.dueDate,
            settlement: result.settlement, daysLate: result.daysLate, periods: result.periods,
            interest: result.interest, fixedIndemnity: result.fixedIndemnity, totalPenalty: result.totalPenalty,
            outstandingPrincipal: result.outstandingPrincipal, totalDue: result.totalDue,
            notes: notes + result.notes, sources: result.sources
        )
    }

    // MARK: - Output

    private static func json(_ result: PenaltyResult) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(result), as: UTF8.self)
    }

    private static func breakdown(_ result: PenaltyResult) -> String {
        var lines: [String] = []
        lines.append("Late-payment penalty, \(result.jurisdiction) (\(result.legalBasis))")
        let end: String
        switch result.settlement {
        case .paidInFull(let date): end = "paid \(date)"
        case .unpaid(let date): end = "unpaid as of \(date)"
        }
        lines.append("Invoice: \(result.principal) due \(result.dueDate), \(end): \(result.daysLate) day\(result.daysLate == 1 ? "" : "s") late")
        lines.append("")
        if result.periods.isEmpty {
            lines.append("No day bears interest.")
        } else {
            let rows = result.periods.map { period in
                ["\(period.from) to \(period.to)", "\(period.days)", "\(period.annualRate)", "\(period.base)", period.rateBasis]
            }
            lines.append(contentsOf: table(header: ["Period", "Days", "Rate", "Base", "Rate basis"], rows: rows, rightAligned: [1, 2, 3]))
        }
        lines.append("")
        let totals: [(String, Money)] = [
            ("Interest (rounded once)", result.interest),
            ("Fixed recovery indemnity", result.fixedIndemnity),
            ("Total penalty", result.totalPenalty),
            ("Principal outstanding", result.outstandingPrincipal),
            ("Total due", result.totalDue),
        ]
        let width = totals.map { $0.1.description.count }.max() ?? 0
        for (label, money) in totals {
            lines.append(label.padding(toLength: 26, withPad: " ", startingAt: 0) + pad(money.description, width, right: true))
        }
        if !result.notes.isEmpty {
            lines.append("")
            lines.append("Notes:")
            lines.append(contentsOf: result.notes.map { "- \($0)" })
        }
        if !result.sources.isEmpty {
            lines.append("")
            lines.append("Rate sources:")
            lines.append(contentsOf: result.sources.map { "- \($0.table) \($0.key): \($0.rate) (\($0.source))" })
        }
        return lines.joined(separator: "\n")
    }

    private static func table(header: [String], rows: [[String]], rightAligned: Set<Int>) -> [String] {
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { row in
            row.indices.map { pad(row[$0], widths[$0], right: rightAligned.contains($0)) }
                .joined(separator: "  ")
                .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
    }

    private static func pad(_ text: String, _ width: Int, right: Bool) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }
}
