import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelanceRuntime
import RelanceStore

/// `relance bench import`: a CSV of N invoices (one debtor per three invoices) imported into a
/// database of its own through `ImportSession` — the code of `POST /v1/invoices/import` and
/// `relance import invoices` — over the application role, fed in 1 MiB chunks as a file or
/// an HTTP body arrives; then the same file again (natural keys: nothing new). Prints rows per
/// second for both, peak memory, and checks the counts.
public struct ImportBenchmark: Sendable {
    public struct Settings: Sendable {
        public var rows: Int
        public var database: String
        public var keep: Bool

        public init(rows: Int, database: String, keep: Bool) {
            self.rows = rows
            self.database = database
            self.keep = keep
        }
    }

    public struct Report: Sendable {
        public var rows: Int
        public var bytes: Int
        public var firstSeconds: Double
        public var secondSeconds: Double
        public var first: ImportReport
        public var second: ImportReport
        public var peakMemoryMiB: Double

        public var lines: [String] {
            let rate = { (seconds: Double) in Int((Double(rows) / max(seconds, 0.000_1)).rounded()) }
            return [
                "import of \(rows) rows (\(bytes / 1_048_576) MiB of CSV, 3 invoices per debtor), streamed in 1 MiB chunks",
                String(format: "  first import:  %.2f s  %d rows/s  (imported %d, debtors %d, rejected %d)",
                       firstSeconds, rate(firstSeconds), first.imported, first.debtorsCreated, first.rejected),
                String(format: "  same file again: %.2f s  %d rows/s  (unchanged %d, imported %d)",
                       secondSeconds, rate(secondSeconds), second.unchanged, second.imported),
                String(format: "  peak memory %.0f MiB; goal: 100 000 rows in under 5 s", peakMemoryMiB),
            ]
        }
    }

    let settings: Settings
    let setup: BenchSetup
    let configuration: RelanceConfiguration
    let logger: Logger
    let progress: @Sendable (String) -> Void

    public init(settings: Settings, configuration: RelanceConfiguration, logger: Logger, progress: @escaping @Sendable (String) -> Void) throws {
        self.settings = settings
        self.configuration = configuration
        self.setup = try BenchSetup(configuration: configuration, database: settings.database)
        self.logger = logger
        self.progress = progress
    }

    public func run() async throws -> Report {
        try await setup.withOwnServices(broker: nil, keep: settings.keep, logger: logger, progress: progress) {
            try await measure()
        }
    }

    /// Row `index` of the file: invoices of 500 to 5 000 €, due over the last 90 days.
    static func line(_ index: Int) -> String {
        let debtor = index / 3
        let cents = 50_000 + (index * 7_919) % 450_000
        let due = CalendarDate(daysSinceEpoch: 20_400 + index % 90)
        let issue = due.adding(days: -30)
        return "D-\(debtor),Débiteur \(debtor) SARL,compta\(debtor)@example.com,INV-\(index),\(issue.iso),\(due.iso),EUR,\(cents / 100).\(String(format: "%02d", cents % 100))\n"
    }

    private func measure() async throws -> Report {
        let tenant = TenantID(UUID.timeOrdered())
        try await setup.withClient(connections: 2, logger: logger) { owner in
            try await TenantRepository(client: owner, logger: logger).create(Tenant(id: tenant, name: "Bench import", kind: .business))
            try await CreditorRepository(client: owner, logger: logger).create(Creditor(
                id: CreditorID(UUID.timeOrdered()), tenantId: tenant, name: "Bench creditor",
                address: PostalAddress(lines: ["1 rue du Banc"], postalCode: "75001", city: "Paris", countryCode: "FR")
            ))
        }
        progress("writing the CSV of \(settings.rows) rows")
        var file = "debtor_ref,debtor_name,debtor_email,invoice_number,issue_date,due_date,currency,amount\n"
        file.reserveCapacity(settings.rows * 100)
        for index in 0..<settings.rows { file += Self.line(index) }
        let bytes = Array(file.utf8)
        file = ""

        var appURL = setup.database.url
        let api = try configuration.apiDatabase()
        appURL.username = api.username
        appURL.password = api.password
        let today = CalendarDate(Date(), in: TimeZone(identifier: "Europe/Paris")!)
        return try await PostgresClient.withRunningClient(appURL, logger: logger) { client in
            let importer = InvoiceImporter(client: client, tenant: tenant, today: today, logger: logger)
            func pass(_ name: String) async throws -> (ImportReport, Double) {
                progress("\(name) import")
                var session = ImportSession(importer: importer, format: .csv)
                let clock = ContinuousClock()
                let start = clock.now
                var offset = 0
                while offset < bytes.count {
                    let end = min(bytes.count, offset + 1 << 20)
                    try await session.feed(bytes[offset..<end])
                    offset = end
                }
                let report = try await session.finish()
                let elapsed = clock.now - start
                return (report, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            }
            let (first, firstSeconds) = try await pass("first")
            let (second, secondSeconds) = try await pass("second")
            guard first.imported == settings.rows, first.rejected == 0, second.unchanged == settings.rows, second.imported == 0 else {
                throw CommandFailure("the import did not do what it should: first \(first), second \(second)")
            }
            return Report(rows: settings.rows, bytes: bytes.count, firstSeconds: firstSeconds, secondSeconds: secondSeconds,
                          first: first, second: second, peakMemoryMiB: ResourceUsage.peakMemoryMib())
        }
    }
}
