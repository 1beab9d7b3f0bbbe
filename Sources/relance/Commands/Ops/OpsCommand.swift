import ArgumentParser
import Foundation
import PostgresNIO
import RelanceAPI
import RelanceCore
import RelanceRuntime
import RelanceStore

/// `relance ops`: what operators watch and steer, for every tenant.
struct OpsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ops",
        abstract: "Operators' tools: keys, the audit log, queues, dead letters, pauses.",
        discussion: """
            These commands act across tenants through the owner's database connection \
            (RELANCE_DATABASE_URL). What they change is recorded in the audit log under \
            cli:<user>@<host>; over the API, under operator:<key name>.
            """,
        subcommands: [OpsKeyCommand.self, OpsAuditCommand.self, OpsQueuesCommand.self, OpsDeadLettersCommand.self,
                      OpsPauseCommand.self, OpsResumeCommand.self, OpsPausedCommand.self]
    )

    /// How the audit log names whoever runs a command: `cli:<user>@<host>`.
    static var commandLineActor: String {
        let environment = ProcessInfo.processInfo.environment
        // The person behind sudo, else the session's user, else the account the process runs as.
        let user = environment["SUDO_USER"] ?? environment["USER"] ?? environment["LOGNAME"] ?? ProcessInfo.processInfo.userName
        return "cli:\(user)@\(ProcessInfo.processInfo.hostName)"
    }
}

/// `relance ops key`: operators' API keys.
struct OpsKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Create, list and revoke operators' keys (rlo_…): they open /v1/ops and the /ops dashboard.",
        subcommands: [Create.self, List.self, Revoke.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create", abstract: "Make an operator key and print it, this once.")

        @OptionGroup var options: ServiceOptions
        @Option(help: "Who holds the key; the audit log names them by it.")
        var name: String

        func validate() throws {
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty, name.count <= 100 else {
                throw ValidationError("--name must be 1 to 100 characters")
            }
        }

        func run() async throws {
            let key = APIKeyMaker.make(prefix: APIKeyMaker.operatorPrefix)
            let name = name
            try await options.withDatabase(label: "relance.ops") { client, logger in
                try await client.withTransaction(logger: logger) { connection in
                    let record = try await OperatorKeyStore(session: connection, logger: logger)
                        .create(name: name, prefix: key.prefix, sha256: key.sha256)
                    try await OpsAuditLog(session: connection, logger: logger).record(OpsAuditEntry(
                        actor: OpsCommand.commandLineActor, action: "operator_key.create", target: "operator_key:\(record.prefix)",
                        detail: #"{"name":\#(jsonString(name))}"#
                    ))
                }
            }
            print("operator key for \(name) (shown this once; keep it now): \(key.key)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List operators' keys by prefix.")

        @OptionGroup var options: ServiceOptions

        func run() async throws {
            let keys = try await options.withDatabase(label: "relance.ops") { client, logger in
                try await OperatorKeyStore(session: client, logger: logger).keys()
            }
            if keys.isEmpty { print("no operator key yet: relance ops key create --name NAME") }
            for key in keys {
                let state = key.revokedAt.map { "revoked \($0.formatted(.iso8601))" } ?? "live"
                print("\(key.prefix)…  created \(key.createdAt.formatted(.iso8601))  \(state)  \(key.name)")
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke an operator key: requests with it get 401 from then on.")

        @OptionGroup var options: ServiceOptions
        @Argument(help: "The key's prefix (as `relance ops key list` shows it) or id.")
        var key: String

        func run() async throws {
            let prefix = key.hasSuffix("…") ? String(key.dropLast()) : key
            let revoked = try await options.withDatabase(label: "relance.ops") { client, logger in
                try await client.withTransaction(logger: logger) { connection -> OperatorKeyRecord? in
                    guard let record = try await OperatorKeyStore(session: connection, logger: logger).revoke(prefix) else { return nil }
                    try await OpsAuditLog(session: connection, logger: logger).record(OpsAuditEntry(
                        actor: OpsCommand.commandLineActor, action: "operator_key.revoke", target: "operator_key:\(record.prefix)",
                        detail: #"{"name":\#(jsonString(record.name))}"#
                    ))
                    return record
                }
            }
            guard let revoked else { throw CommandFailure("no operator key '\(key)'") }
            print("revoked \(revoked.prefix) (\(revoked.name))")
        }
    }
}

/// `relance ops audit`: who paused, resumed, replayed or discarded what, when and why.
struct OpsAuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Print the operators' audit log, latest first."
    )

    @OptionGroup var options: ServiceOptions
    @Option(help: "Only entries since this moment (RFC 3339, e.g. 2026-12-07T09:00:00Z) or this many hours ago (e.g. 24h).", transform: { try OpsAuditCommand.moment($0) })
    var since: Date?
    @Option(help: "Only this action (pause, resume, dead_letter.replay, …) or family (dead_letter).")
    var action: String?
    @Option(help: "Only entries about this tenant (its id).", transform: { try CallsCommand.uuid($0, option: "--tenant") })
    var tenant: UUID?
    @Option(help: "At most this many entries.")
    var limit: Int = 100
    @Flag(help: "Print JSON lines.")
    var json = false

    func validate() throws {
        guard (1...10_000).contains(limit) else { throw ValidationError("--limit must be from 1 to 10000") }
    }

    static func moment(_ text: String) throws -> Date {
        if text.hasSuffix("h"), let hours = Double(text.dropLast()), hours >= 0 {
            return Date().addingTimeInterval(-hours * 3600)
        }
        guard let date = try? Date(text, strategy: .iso8601) else {
            throw ValidationError("--since must be a moment such as 2026-12-07T09:00:00Z, or hours such as 24h, not '\(text)'")
        }
        return date
    }

    func run() async throws {
        let (since, action, tenant, limit) = (since, action, tenant.map(TenantID.init), limit)
        let entries = try await options.withDatabase(label: "relance.ops") { client, logger in
            try await OpsAuditLog(session: client, logger: logger).entries(since: since, action: action, tenant: tenant, limit: limit)
        }
        if json {
            for entry in entries {
                let tenantText = entry.tenantId.map { "\"\($0)\"" } ?? "null"
                print(#"{"id":\#(entry.id),"at":"\#(entry.at.formatted(.iso8601))","actor":\#(jsonString(entry.actor)),"action":\#(jsonString(entry.action)),"target":\#(jsonString(entry.target)),"tenant_id":\#(tenantText),"reason":\#(entry.reason.map(jsonString) ?? "null"),"detail":\#(entry.detail)}"#)
            }
            return
        }
        if entries.isEmpty { print("no audit entry"); return }
        for entry in entries {
            let reason = entry.reason.map { "  \"\($0)\"" } ?? ""
            print("\(entry.at.formatted(.iso8601))  \(entry.actor)  \(entry.action)  \(entry.target)\(reason)")
        }
    }
}
