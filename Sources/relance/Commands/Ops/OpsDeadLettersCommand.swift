import ArgumentParser
import Foundation
import RelanceAPI
import RelanceCore
import RelanceRuntime
import RelanceStore

/// `relance ops dead-letters`: the messages no worker could handle, collected from the
/// dead-letter queues by the collector (`relance dispatcher`, `relance run`).
struct OpsDeadLettersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dead-letters",
        abstract: "List, show, replay and discard dead letters.",
        discussion: """
            A replay puts the job back in the pipeline under its own id: its failed outcome is \
            moved aside (kept), its steps await it again, and the relay publishes it again. The \
            worker's idempotency still holds: a job whose debtor was contacted (sent, \
            task_created, prepared, recorded) is refused, and a debtor who paid meanwhile is \
            skipped. Replays and discards are in the audit log.
            """,
        subcommands: [List.self, Show.self, Replay.self, Discard.self]
    )

    /// The filters shared by list, replay and discard.
    struct Filters: ParsableArguments {
        @Option(help: "Only this channel's dead letters (email, letter, call, legal).")
        var channel: String?
        @Option(help: "Only this tenant's (its id).", transform: { try CallsCommand.uuid($0, option: "--tenant") })
        var tenant: UUID?
        @Option(name: .customLong("dead-letter-reason"), help: "Only those whose reason contains this text (e.g. delivery_limit, unknown tenant).")
        var deadLetterReason: String?
        @Option(help: "Only those collected since this moment (RFC 3339) or this many hours ago (e.g. 24h).", transform: { try OpsAuditCommand.moment($0) })
        var since: Date?

        var filter: DeadLetterFilter {
            DeadLetterFilter(channel: channel, tenantId: tenant, reason: deadLetterReason, since: since)
        }

        var isEmpty: Bool { channel == nil && tenant == nil && deadLetterReason == nil && since == nil }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List dead letters, latest first.")

        @OptionGroup var options: ServiceOptions
        @OptionGroup var filters: Filters
        @Option(help: "Only those whose reason contains this text (same as --dead-letter-reason).")
        var reason: String?
        @Option(help: "Only those in this state: waiting, replayed, discarded.")
        var state: String?
        @Option(help: "At most this many.")
        var limit: Int = 100
        @Flag(help: "Print JSON (as GET /v1/ops/dead-letters).")
        var json = false

        func validate() throws {
            if let state, DeadLetterRecord.State(rawValue: state) == nil {
                throw ValidationError("--state must be waiting, replayed or discarded")
            }
            guard (1...10_000).contains(limit) else { throw ValidationError("--limit must be from 1 to 10000") }
        }

        func run() async throws {
            var chosen = filters.filter
            chosen.state = state.flatMap(DeadLetterRecord.State.init(rawValue:))
            if let reason { chosen.reason = reason }
            let (filter, limit) = (chosen, limit)
            let letters = try await options.withDatabase(label: "relance.ops") { client, logger in
                try await DeadLetterStore(client: client, logger: logger).list(filter, limit: limit)
            }
            if json {
                print(DeadLetterView.json(["items": letters.map(DeadLetterView.init)]))
                return
            }
            if letters.isEmpty { print("no dead letter"); return }
            for letter in letters {
                let tenant = letter.tenantId.map { $0.uuidString.lowercased() } ?? "-"
                let job = letter.jobId.map { $0.uuidString.lowercased() } ?? "(not a job)"
                print("\(letter.id)  \(letter.collectedAt.formatted(.iso8601))  \(letter.state.rawValue)  \(letter.channel)  tenant \(tenant)  job \(job)  \(letter.reason)")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one dead letter: reason, headers, the job it carries, the job's outcomes.")

        @OptionGroup var options: ServiceOptions
        @Argument(help: "The dead letter's id.")
        var id: Int64
        @Flag(help: "Print JSON (as GET /v1/ops/dead-letters/{id}).")
        var json = false

        func run() async throws {
            let id = id
            let found = try await options.withDatabase(label: "relance.ops") { client, logger -> (DeadLetterRecord, DeadLetterDetailView, [RecordedOutcome], [UUID: String])? in
                let store = DeadLetterStore(client: client, logger: logger)
                guard let letter = try await store.get(id) else { return nil }
                var outcomes: [RecordedOutcome] = []
                if let jobId = letter.jobId { outcomes = try await store.outcomes(ofJob: jobId) }
                let numbers = try await store.invoiceNumbers(letter.job?.steps.map(\.invoiceId) ?? [])
                return (letter, try await DeadLetterDetailView.load(letter, from: store), outcomes, numbers)
            }
            guard let found else { throw CommandFailure("no dead letter \(id)") }
            let (letter, detail, outcomes, numbers) = found
            if json { print(DeadLetterView.json(detail)); return }
            print("dead letter \(letter.id) — \(letter.state.rawValue)")
            print("  channel:   \(letter.channel)")
            print("  reason:    \(letter.reason)")
            print("  dead-lettered: \(letter.firstDeadLetteredAt?.formatted(.iso8601) ?? "unknown")  (count \(letter.deathCount))")
            print("  collected: \(letter.collectedAt.formatted(.iso8601))")
            if letter.state != .waiting {
                print("  \(letter.state.rawValue) by \(letter.stateChangedBy ?? "?") at \(letter.stateChangedAt?.formatted(.iso8601) ?? "?")\(letter.stateReason.map { ": \($0)" } ?? "")")
            }
            print("  headers:   \(letter.headers)")
            if let job = letter.job {
                print("job \(job.jobId.uuidString.lowercased())")
                print("  tenant:  \(job.tenantId.uuidString.lowercased())")
                print("  debtor:  \(job.debtorId.uuidString.lowercased())")
                print("  channel: \(job.channel.rawValue)   created \(job.createdAt.formatted(.iso8601))")
                for step in job.steps {
                    let number = numbers[step.invoiceId].map { "invoice \($0)" } ?? "invoice \(step.invoiceId.uuidString.lowercased())"
                    print("  step \(step.position) of \(number): \(step.templateKey)")
                }
            } else {
                print("body (not a job):")
                print(letter.bodyText ?? "base64:" + Data(letter.body).base64EncodedString())
            }
            if outcomes.isEmpty { print("outcome: none recorded") }
            for outcome in outcomes {
                let aside = outcome.movedAt.map { " (moved aside by a replay at \($0.formatted(.iso8601)))" } ?? ""
                print("outcome: \(outcome.outcome) after \(outcome.attempts) attempt(s) at \(outcome.completedAt.formatted(.iso8601))\(aside) \(outcome.detail)")
            }
        }
    }

    struct Replay: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "replay",
            abstract: "Put a dead letter's job back in the pipeline under its own id (one by id, or every waiting one a filter names)."
        )

        @OptionGroup var options: ServiceOptions
        @Argument(help: "The dead letter's id (or use the filters).")
        var id: Int64?
        @OptionGroup var filters: Filters
        @Option(help: "Why (kept in the audit log).")
        var reason: String?

        func validate() throws {
            guard (id == nil) != filters.isEmpty else {
                throw ValidationError("give a dead letter's id, or at least one filter (--channel, --tenant, --dead-letter-reason, --since), not both")
            }
        }

        func run() async throws {
            let (id, filter, reason, actor) = (id, filters.filter, reason, OpsCommand.commandLineActor)
            let result = try await options.withDatabase(label: "relance.ops") { client, logger -> DeadLetterStore.BulkResult in
                let store = DeadLetterStore(client: client, logger: logger)
                guard let id else { return try await store.replay(matching: filter, actor: actor, reason: reason) }
                var result = DeadLetterStore.BulkResult()
                try await result.attempt(id) { try await store.replay(id, actor: actor, reason: reason) }
                return result
            }
            try OpsDeadLettersCommand.report(result, verb: "replayed", single: id != nil)
        }
    }

    struct Discard: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "discard",
            abstract: "Mark a dead letter (or every waiting one a filter names) discarded, with a reason."
        )

        @OptionGroup var options: ServiceOptions
        @Argument(help: "The dead letter's id (or use the filters).")
        var id: Int64?
        @OptionGroup var filters: Filters
        @Option(help: "Why (required; kept with the dead letter and in the audit log).")
        var reason: String

        func validate() throws {
            guard (id == nil) != filters.isEmpty else {
                throw ValidationError("give a dead letter's id, or at least one filter (--channel, --tenant, --dead-letter-reason, --since), not both")
            }
            guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw ValidationError("--reason must say why")
            }
        }

        func run() async throws {
            let (id, filter, reason, actor) = (id, filters.filter, reason, OpsCommand.commandLineActor)
            let result = try await options.withDatabase(label: "relance.ops") { client, logger -> DeadLetterStore.BulkResult in
                let store = DeadLetterStore(client: client, logger: logger)
                guard let id else { return try await store.discard(matching: filter, actor: actor, reason: reason) }
                var result = DeadLetterStore.BulkResult()
                try await result.attempt(id) { try await store.discard(id, actor: actor, reason: reason) }
                return result
            }
            try OpsDeadLettersCommand.report(result, verb: "discarded", single: id != nil)
        }
    }

    /// Prints what was done and refused; a single refused id fails the command.
    static func report(_ result: DeadLetterStore.BulkResult, verb: String, single: Bool) throws {
        if single, let refusal = result.refused.first { throw CommandFailure(refusal.message) }
        for refusal in result.refused { print("refused: \(refusal.message)") }
        print("\(verb) \(result.done.count) dead letter(s)\(result.done.isEmpty ? "" : ": " + result.done.map(String.init).joined(separator: ", "))")
    }
}
