import ArgumentParser
import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelanceRuntime
import RelanceStore

/// `relance filings`: the court payment-order dossiers the legal channel prepared, and their
/// review.
struct FilingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "filings",
        abstract: "Court payment-order dossiers (injonction de payer): list them, mark one filed or withdrawn.",
        discussion: """
            The legal channel writes each dossier as a PDF request and a JSON manifest in the artefact \
            store (outcome 'prepared') and records it 'ready_for_review'. A person reviews it (court, \
            amounts, warnings), files it with the court, then marks it `filed` with who filed it and the \
            court's reference; or marks it `withdrawn`. Either happens once.
            """,
        subcommands: [List.self, Filed.self, Withdrawn.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Print the filings as CSV, oldest first: id, job, tenant, debtor, invoices, court, form, total, status, filed_by, filed_at, reference, pdf, warnings."
        )

        @OptionGroup var options: ServiceOptions

        @Option(help: "Only this tenant's filings (its id).", transform: LettersCommand.uuid)
        var tenant: UUID?

        @Option(help: "Only filings in this status: ready_for_review, filed or withdrawn.", transform: FilingsCommand.status)
        var status: FilingStatus?

        func run() async throws {
            let filings = try await FilingsCommand.withFilings(options) { try await $0.list(tenant: tenant, status: status) }
            let format = MessageFormatter(language: .fr)
            var text = CSVRecord.line(["id", "job", "tenant", "debtor", "invoices", "court", "form", "total", "status",
                                       "filed_by", "filed_at", "reference", "pdf", "warnings"]) + "\n"
            for filing in filings {
                text += CSVRecord.line([
                    filing.id.uuidString.lowercased(), filing.jobId.uuidString.lowercased(), filing.tenantId.uuidString.lowercased(),
                    filing.debtorName, filing.invoiceNumbers.joined(separator: " "),
                    filing.courtName, filing.form, format.money(filing.total).replacingOccurrences(of: "\u{00A0}", with: " "),
                    filing.status.rawValue, filing.filedBy ?? "", filing.filedAt.map { $0.formatted(.iso8601) } ?? "",
                    filing.filingReference ?? "", filing.pdfPath, filing.warnings.joined(separator: " "),
                ]) + "\n"
            }
            FileHandle.standardOutput.write(Data(text.utf8))
            FileHandle.standardError.write(Data("filings: \(filings.count) filing(s)\n".utf8))
        }
    }

    struct Filed: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "filed",
            abstract: "Mark a dossier filed with the court (once)."
        )

        @OptionGroup var options: ServiceOptions

        @Argument(help: "The filing's id, or its legal job's id.", transform: FilingsCommand.id)
        var id: UUID

        @Option(help: "Who filed it.")
        var by: String

        @Option(help: "The court's reference for the request (numéro de requête, RG).")
        var reference: String?

        func validate() throws {
            guard !by.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw ValidationError("--by: name who filed it") }
        }

        func run() async throws {
            let filing = try await FilingsCommand.withFilings(options) { try await $0.markFiled(id, by: by, reference: reference) }
            print("filings: \(filing.id.uuidString.lowercased()) (\(filing.debtorName), \(filing.courtName)) marked filed by \(filing.filedBy ?? by)"
                + (filing.filingReference.map { ", reference \($0)" } ?? ""))
        }
    }

    struct Withdrawn: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "withdrawn",
            abstract: "Mark a dossier withdrawn: it will not be filed (once)."
        )

        @OptionGroup var options: ServiceOptions

        @Argument(help: "The filing's id, or its legal job's id.", transform: FilingsCommand.id)
        var id: UUID

        @Option(help: "Who withdrew it.")
        var by: String

        func validate() throws {
            guard !by.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw ValidationError("--by: name who withdrew it") }
        }

        func run() async throws {
            let filing = try await FilingsCommand.withFilings(options) { try await $0.markWithdrawn(id, by: by) }
            print("filings: \(filing.id.uuidString.lowercased()) (\(filing.debtorName)) marked withdrawn by \(filing.withdrawnBy ?? by)")
        }
    }

    static func status(_ text: String) throws -> FilingStatus {
        guard let status = FilingStatus(rawValue: text) else {
            let known = FilingStatus.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--status: '\(text)' is not a status: use one of \(known)")
        }
        return status
    }

    static func id(_ text: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else { throw ValidationError("'\(text)' is not a filing or job id (a UUID)") }
        return id
    }

    static func withFilings<Result: Sendable>(
        _ options: ServiceOptions, _ body: @escaping @Sendable (LegalFilings) async throws -> Result
    ) async throws -> Result {
        try await options.withDatabase(label: "relance.filings") { client, logger in
            try await body(LegalFilings(client: client, logger: logger))
        }
    }
}
