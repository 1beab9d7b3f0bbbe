import ArgumentParser
import Foundation
import RelanceCore
import RelanceRuntime
import RelanceStore

/// `relance ops pause SCOPE TARGET --reason TEXT`: holds back a channel, a tenant or a creditor.
struct OpsPauseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pause",
        abstract: "Pause a channel, a tenant or a creditor: its due steps are not claimed and its published jobs are held.",
        discussion: """
            Examples: relance ops pause channel email --reason "SMTP relay blacklisted"; \
            relance ops pause tenant ID --reason …; relance ops pause creditor ID --reason …. \
            Nothing is skipped or lost: the work waits, late, until `relance ops resume`. \
            This is the operators' lever, not the pause of an invoice or a debtor.
            """
    )

    @OptionGroup var options: ServiceOptions
    @Argument(help: "channel, tenant or creditor.")
    var scope: String
    @Argument(help: "The channel (email, letter, registered_letter, call, legal) or the tenant's or creditor's id.")
    var target: String
    @Option(help: "Why: kept with the pause and in the audit log (required).")
    var reason: String

    func validate() throws {
        _ = try OpsPauseCommand.target(scope, target)
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 1000 else { throw ValidationError("--reason must be 1 to 1000 characters") }
    }

    /// The pause target named on the command line, or a `ValidationError` saying what is wrong.
    static func target(_ scope: String, _ target: String) throws -> PauseTarget {
        guard let scope = PauseScope(rawValue: scope) else {
            throw ValidationError("'\(scope)' is not a scope: channel, tenant or creditor")
        }
        do {
            return try PauseTarget(scope: scope, target: target)
        } catch let error as StoreError {
            throw ValidationError(error.message)
        }
    }

    func run() async throws {
        let (target, reason) = (try Self.target(scope, self.target), reason)
        let change = try await options.withDatabase(label: "relance.ops") { client, logger in
            try await OperatorPauses(client: client, logger: logger).pause(target, reason: reason, actor: OpsCommand.commandLineActor)
        }
        print(Self.describe(change))
    }

    /// One line saying what a pause or a resume did.
    static func describe(_ change: PauseChange) -> String {
        switch change {
        case .paused(let pause):
            return "paused \(pause.target): \(pause.reason)"
        case .alreadyPaused(let pause):
            return "\(pause.target) is already paused (since \(pause.pausedAt.formatted(.iso8601)) by \(pause.pausedBy): \(pause.reason)); nothing changed"
        case .resumed(let pause):
            return "resumed \(pause.target) (paused since \(pause.pausedAt.formatted(.iso8601)) by \(pause.pausedBy))"
        case .notPaused(let target):
            return "\(target) is not paused; nothing changed"
        }
    }
}

/// `relance ops resume SCOPE TARGET [--reason TEXT]`: lets held work go on.
struct OpsResumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Resume a paused channel, tenant or creditor: its due steps are claimed again and its held jobs acted on."
    )

    @OptionGroup var options: ServiceOptions
    @Argument(help: "channel, tenant or creditor.")
    var scope: String
    @Argument(help: "The channel or the tenant's or creditor's id, as paused.")
    var target: String
    @Option(help: "Why, for the audit log (optional).")
    var reason: String?

    func validate() throws {
        _ = try OpsPauseCommand.target(scope, target)
    }

    func run() async throws {
        let (target, reason) = (try OpsPauseCommand.target(scope, self.target), reason)
        let change = try await options.withDatabase(label: "relance.ops") { client, logger in
            try await OperatorPauses(client: client, logger: logger).resume(target, reason: reason, actor: OpsCommand.commandLineActor)
        }
        print(OpsPauseCommand.describe(change))
    }
}

/// `relance ops paused [--json]`: what is paused, oldest first.
struct OpsPausedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paused",
        abstract: "List the channels, tenants and creditors operators have paused."
    )

    @OptionGroup var options: ServiceOptions
    @Flag(help: "Print JSON lines.")
    var json = false

    func run() async throws {
        let pauses = try await options.withDatabase(label: "relance.ops") { client, logger in
            try await OperatorPauses(client: client, logger: logger).list()
        }
        if json {
            for pause in pauses {
                let tenant = pause.tenantId.map { "\"\($0)\"" } ?? "null"
                print(#"{"scope":"\#(pause.target.scope)","target":\#(jsonString(pause.target.target)),"tenant_id":\#(tenant),"reason":\#(jsonString(pause.reason)),"paused_by":\#(jsonString(pause.pausedBy)),"paused_at":"\#(pause.pausedAt.formatted(.iso8601))"}"#)
            }
            return
        }
        if pauses.isEmpty { print("nothing is paused"); return }
        for pause in pauses {
            print("\(pause.target)  since \(pause.pausedAt.formatted(.iso8601))  by \(pause.pausedBy)  \"\(pause.reason)\"")
        }
    }
}
