import ArgumentParser
import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelanceRuntime
import RelanceStore

/// `relance letters`: the post room's commands.
struct LettersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letters",
        abstract: "The post room: the day's postal manifest, and marking it posted.",
        discussion: """
            The letter channel writes each letter and registered formal notice as a PDF in the \
            artefact store (outcome 'prepared'). Each day, `letters manifest --date D` lists what \
            must be printed and posted (the letters written that day, and earlier ones not posted \
            yet); once they are in the post, `letters posted --date D` marks them posted. Only a \
            posted registered letter dates its invoices' formal notice (mise en demeure). Days are \
            read in RELANCE_POST_ROOM_TIME_ZONE (default Europe/Paris).
            """,
        subcommands: [Manifest.self, Posted.self]
    )

    struct Manifest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "manifest",
            abstract: "Print the postal manifest of a day as CSV: job, tenant, debtor, address, pages, registered, file, sha256, prepared_on, posted_on."
        )

        @OptionGroup var options: ServiceOptions
        @Option(help: "The manifest's day, YYYY-MM-DD.", transform: LettersCommand.day)
        var date: CalendarDate
        @Option(help: "Only this tenant's letters (its id).", transform: LettersCommand.uuid)
        var tenant: UUID?

        func run() async throws {
            let lines = try await LettersCommand.withPostings(options) { try await $0.manifest(day: date, tenant: tenant) }
            var text = CSVRecord.line(LetterPostings.Line.csvHeader) + "\n"
            for line in lines { text += CSVRecord.line(line.csvFields) + "\n" }
            FileHandle.standardOutput.write(Data(text.utf8))
            let registered = lines.filter(\.registered).count
            let pages = lines.reduce(0) { $0 + $1.pages }
            FileHandle.standardError.write(Data(
                "letters: manifest of \(date): \(lines.count) letter(s), \(registered) registered, \(pages) page(s)\n".utf8
            ))
        }
    }

    struct Posted: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "posted",
            abstract: "Mark every letter of a day's manifest posted that day; registered ones date their invoices' formal notice."
        )

        @OptionGroup var options: ServiceOptions
        @Option(help: "The manifest's day, YYYY-MM-DD: the posting date.", transform: LettersCommand.day)
        var date: CalendarDate
        @Option(help: "Only this tenant's letters (its id).", transform: LettersCommand.uuid)
        var tenant: UUID?

        func run() async throws {
            let posting = try await LettersCommand.withPostings(options) { try await $0.markPosted(day: date, tenant: tenant) }
            print("letters: manifest of \(date) posted: \(posting.letters) letter(s) marked posted, "
                + "\(posting.registeredLetters) registered, formal notice dated \(date) on \(posting.invoicesNoticed) invoice(s)")
        }
    }

    static func day(_ text: String) throws -> CalendarDate {
        do {
            return try CalendarDate(iso: text)
        } catch {
            throw ValidationError("--date: \(error)")
        }
    }

    static func uuid(_ text: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else { throw ValidationError("--tenant: '\(text)' is not an id (a UUID)") }
        return id
    }

    static func withPostings<Result: Sendable>(
        _ options: ServiceOptions, _ body: @escaping @Sendable (LetterPostings) async throws -> Result
    ) async throws -> Result {
        let zone = try options.configuration().postRoomZone()
        return try await options.withDatabase(label: "relance.letters") { client, logger in
            try await body(LetterPostings(client: client, timeZone: zone, logger: logger))
        }
    }
}
