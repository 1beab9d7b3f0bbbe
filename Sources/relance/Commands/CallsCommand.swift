import ArgumentParser
import Foundation
import Logging
import PostgresNIO
import RelanceCore
import RelancePipeline
import RelanceRuntime
import RelanceStore

/// `relance calls`: the agents' commands.
struct CallsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calls",
        abstract: "Call tasks: take the next call to make, record how it went.",
        discussion: """
            A call step of the ladder becomes a task (outcome 'task_created'). An agent takes the \
            most urgent task whose debtor may be called now (`calls next`: within the debtor's call \
            hours, no weekend or public holiday) and holds it for 30 minutes; after the call, \
            `calls record` says how it went. A promise, a dispute, a payment plan or a payment \
            changes the invoices as the API does; no answer calls again later (the task closes \
            after 3 tries and the ladder goes on); a wrong number marks the phone unusable and the \
            ladder goes on; a callback sets the next call's time.
            """,
        subcommands: [Next.self, Record.self]
    )

    struct Next: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "next",
            abstract: "Take the next call task of a tenant and print it: debtor, phone, invoices, amounts with penalties, talking points, suggested plan."
        )

        @OptionGroup var options: ServiceOptions
        @Option(help: "The tenant whose calls to make (its id).", transform: { try CallsCommand.uuid($0, option: "--tenant") })
        var tenant: UUID
        @Option(help: "Who takes the task (the agent's name).")
        var agent: String
        @Flag(help: "Print the task as JSON (null when there is none).")
        var json = false
        @Option(help: .hidden, transform: { try CallsCommand.moment($0, option: "--now") })
        var now: Date?

        func validate() throws {
            guard !agent.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--agent: an agent needs a name") }
        }

        func run() async throws {
            let task = try await CallsCommand.withStore(options) { store in
                try await store.next(tenant: tenant, agent: agent, now: now ?? Date())
            }
            if json {
                print(try CallsCommand.json(task.map(TaskJSON.init)))
                return
            }
            guard let task else {
                print("calls: no call to make now for tenant \(tenant.uuidString.lowercased())")
                return
            }
            print(CallsCommand.describe(task), terminator: "")
        }
    }

    struct Record: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record",
            abstract: "Record how the call of a task went.",
            discussion: """
                One --result, with the options it needs:
                  promise_to_pay --date D --amount X   the debtor promised to pay X by D
                  dispute --reason TEXT                the debtor contests the debt
                  payment_plan --installments N --first-due D   monthly installments of the outstanding amount
                  paid --amount X --date D             the debtor paid X on D (oldest invoice first)
                  no_answer                            nobody answered: called again later
                  wrong_number                         the number is not the debtor's
                  callback --at 2026-03-02T15:00+01:00 the debtor asked to be called back then
                Dates are YYYY-MM-DD; amounts are decimals (1234.56) in --currency (default EUR).
                """
        )

        @OptionGroup var options: ServiceOptions
        @Argument(help: "The task's id (as `calls next` prints it).", transform: { try CallsCommand.uuid($0, option: "TASK") })
        var task: UUID
        @Option(help: "Who made the call (the agent holding the task).")
        var agent: String
        @Option(help: "How the call went: \(CallResult.Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
        var result: String
        @Option(help: "promise_to_pay: the day promised; paid: the payment's value date (YYYY-MM-DD).")
        var date: String?
        @Option(help: "promise_to_pay, paid: the amount, e.g. 1234.56.")
        var amount: String?
        @Option(help: "The currency of --amount (ISO 4217).")
        var currency = "EUR"
        @Option(help: "dispute: why the debtor contests.")
        var reason: String?
        @Option(help: "payment_plan: the number of monthly installments.")
        var installments: Int?
        @Option(help: "payment_plan: the first installment's day (YYYY-MM-DD).")
        var firstDue: String?
        @Option(help: "callback: when to call back, ISO 8601 with its offset (2026-03-02T15:00+01:00).")
        var at: String?
        @Flag(help: "Print what was recorded as JSON.")
        var json = false
        @Option(help: .hidden, transform: { try CallsCommand.moment($0, option: "--now") })
        var now: Date?

        func validate() throws {
            guard !agent.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--agent: an agent needs a name") }
            _ = try callResult()
        }

        /// The result the options describe; a missing, unused or malformed option is a usage error.
        func callResult() throws -> CallResult {
            guard let kind = CallResult.Kind(rawValue: result) else {
                throw ValidationError("--result: '\(result)' is not one of \(CallResult.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let given: [(name: String, set: Bool)] = [
                ("--date", date != nil), ("--amount", amount != nil), ("--reason", reason != nil),
                ("--installments", installments != nil), ("--first-due", firstDue != nil), ("--at", at != nil),
            ]
            let needed: Set<String> = switch kind {
            case .promiseToPay, .paid: ["--date", "--amount"]
            case .dispute: ["--reason"]
            case .paymentPlan: ["--installments", "--first-due"]
            case .callback: ["--at"]
            case .noAnswer, .wrongNumber: []
            }
            for option in given where option.set && !needed.contains(option.name) {
                throw ValidationError("\(option.name) is not used with --result \(kind.rawValue)")
            }
            for name in needed.sorted() where !given.contains(where: { $0.name == name && $0.set }) {
                throw ValidationError("--result \(kind.rawValue) needs \(name)")
            }
            func day(_ text: String?, _ option: String) throws -> CalendarDate {
                do { return try CalendarDate(iso: text ?? "") } catch { throw ValidationError("\(option): \(error)") }
            }
            func money() throws -> Money {
                do {
                    return try Money(decimal: amount ?? "", currency: try Currency(code: currency))
                } catch {
                    throw ValidationError("--amount: \(error)")
                }
            }
            let parsed: CallResult
            switch kind {
            case .promiseToPay: parsed = .promiseToPay(date: try day(date, "--date"), amount: try money())
            case .paid: parsed = .paid(amount: try money(), date: try day(date, "--date"))
            case .dispute: parsed = .dispute(reason: reason ?? "")
            case .paymentPlan: parsed = .paymentPlan(installments: installments ?? 0, firstDueDate: try day(firstDue, "--first-due"))
            case .callback: parsed = .callback(at: try CallsCommand.moment(at ?? "", option: "--at"))
            case .noAnswer: parsed = .noAnswer
            case .wrongNumber: parsed = .wrongNumber
            }
            // The rules that need no clock (amounts, counts, a reason); dates are checked
            // against the debtor's day once the task is read.
            switch parsed {
            case .promiseToPay(_, let money), .paid(let money, _):
                guard money.isPositive else { throw ValidationError("--amount: must be positive, not \(money.decimalString)") }
            case .dispute(let text):
                guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw ValidationError("--reason: a dispute needs a reason") }
            case .paymentPlan(let count, _):
                guard (2...CallResult.maximumInstallments).contains(count) else {
                    throw ValidationError("--installments: a payment plan needs 2 to \(CallResult.maximumInstallments) installments, not \(count)")
                }
            default: break
            }
            return parsed
        }

        func run() async throws {
            let callResult = try callResult()
            let recording: CallRecording
            do {
                recording = try await CallsCommand.withStore(options) { store in
                    try await store.record(task: task, result: callResult, agent: agent, now: now ?? Date())
                }
            } catch let error as CallResultError {
                throw ValidationError("--result \(result): \(error.message)")
            }
            if json {
                print(try CallsCommand.json(RecordingJSON(recording)))
                return
            }
            var text = "calls: task \(task.uuidString.lowercased()): \(recording.result.kind.rawValue) recorded"
            for change in recording.transitions {
                text += "; invoice \(change.invoice.number) \(change.from.rawValue) → \(change.to.rawValue)"
            }
            switch recording.status {
            case .open:
                text += "; call again from \(recording.rescheduledTo.map(\.earliest.description) ?? "later") (call \(recording.attempts) made)"
            default:
                text += "; task \(recording.status.rawValue)"
            }
            if recording.ladderMovedOn { text += "; the ladder goes on with the next step" }
            print(text)
        }
    }

    // MARK: - Output

    static func describe(_ task: CallTask) -> String {
        let points = task.talkingPoints
        var text = "Call task \(task.id.uuidString.lowercased())  priority \(task.priority)"
        text += task.attempts > 0 ? ", \(task.attempts) call(s) made before\n" : "\n"
        text += "Debtor:    \(task.debtorName) (\(points.debtorKind.rawValue))"
        if let contact = points.contactName { text += ", ask for \(contact)" }
        text += "\nPhone:     \(task.phone ?? points.phone)\n"
        text += "Creditor:  \(points.creditorName)\n"
        text += "Window:    \(task.window.earliest.iso8601) → \(task.window.latest.iso8601) (\(task.window.earliest.timeZone.identifier))\n"
        text += "Invoices:\n"
        for invoice in points.invoices {
            text += "  \(invoice.number)  due \(invoice.dueDate)  \(invoice.outstanding) outstanding of \(invoice.amount), \(invoice.daysLate) days late\n"
        }
        text += "Amounts:   \(points.outstanding) outstanding + \(points.penalties) penalties "
        text += "(interest \(points.interest), fixed indemnity \(points.fixedIndemnity)) = \(points.due) due\n"
        if let rate = points.rateDescription { text += "Rate:      \(rate)\n" }
        if points.history.isEmpty {
            text += "History:   none (first contact)\n"
        } else {
            text += "History:\n"
            for contact in points.history { text += "  \(contact.date)  \(contact.channel.rawValue)  \(contact.summary)\n" }
        }
        if let next = points.nextStep { text += "Next step: \(next.channel.rawValue) on \(next.date)\n" }
        text += "Suggest:   \(points.solution.summary)\n"
        text += "Talking points:\n"
        for point in points.points { text += "  - \(point)\n" }
        text += "Record with: relance calls record \(task.id.uuidString.lowercased()) --agent \(task.agent ?? "NAME") --result "
        text += CallResult.Kind.allCases.map(\.rawValue).joined(separator: "|") + " …\n"
        return text
    }

    struct TaskJSON: Encodable {
        var id: String
        var tenantId: String
        var debtorId: String
        var debtorName: String
        var phone: String?
        var priority: Int
        var earliest: String
        var latest: String
        var timeZone: String
        var agent: String?
        var attempts: Int
        var invoiceIds: [String]
        var talkingPoints: CallTalkingPoints

        init(_ task: CallTask) {
            id = task.id.uuidString.lowercased()
            tenantId = task.tenantId.uuidString.lowercased()
            debtorId = task.debtorId.uuidString.lowercased()
            debtorName = task.debtorName
            phone = task.phone
            priority = task.priority
            earliest = task.window.earliest.iso8601
            latest = task.window.latest.iso8601
            timeZone = task.window.earliest.timeZone.identifier
            agent = task.agent
            attempts = task.attempts
            invoiceIds = task.invoiceIds.map { $0.uuidString.lowercased() }
            talkingPoints = task.talkingPoints
        }
    }

    struct RecordingJSON: Encodable {
        struct Change: Encodable {
            var invoice: String
            var from: String
            var to: String
        }
        var taskId: String
        var result: String
        var detail: [String: String]
        var status: String
        var attempts: Int
        var nextCall: String?
        var invoices: [Change]
        var ladderMovedOn: Bool

        init(_ recording: CallRecording) {
            taskId = recording.taskId.uuidString.lowercased()
            result = recording.result.kind.rawValue
            detail = recording.result.detail
            status = recording.status.rawValue
            attempts = recording.attempts
            nextCall = recording.rescheduledTo?.earliest.iso8601
            invoices = recording.transitions.map { Change(invoice: $0.invoice.number, from: $0.from.rawValue, to: $0.to.rawValue) }
            ladderMovedOn = recording.ladderMovedOn
        }
    }

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    // MARK: - Parsing and the store

    static func uuid(_ text: String, option: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else { throw ValidationError("\(option): '\(text)' is not an id (a UUID)") }
        return id
    }

    /// An ISO 8601 moment with its offset, seconds optional: `2026-03-02T15:00+01:00`, `…:30Z`.
    static func moment(_ text: String, option: String) throws -> Date {
        // The formatter wants seconds: `15:00+01:00` is read as `15:00:00+01:00`.
        var full = text
        if let t = text.firstIndex(of: "T") {
            let time = text[text.index(after: t)...]
            if time.count > 5, let sign = time.dropFirst(5).first, "+-Z".contains(sign) {
                full.insert(contentsOf: ":00", at: full.index(t, offsetBy: 6))
            }
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard let date = formatter.date(from: full) else {
            throw ValidationError("\(option): '\(text)' is not a moment like 2026-03-02T15:00+01:00 (ISO 8601 with its offset)")
        }
        return date
    }

    static func withStore<Result: Sendable>(
        _ options: ServiceOptions, _ body: @escaping @Sendable (CallTaskStore) async throws -> Result
    ) async throws -> Result {
        let configuration = options.configuration()
        let logger = options.logger(label: "relance.calls")
        let url: DatabaseURL
        do {
            url = try DatabaseURL(configuration.databaseURL)
        } catch {
            throw CommandFailure(error.description)
        }
        let reference: ReferenceData
        do {
            reference = try ResourceLocator().referenceData(schemasOverride: configuration.schemasDirectory)
        } catch {
            throw CommandFailure("\(error)")
        }
        do {
            return try await PostgresClient.withRunningClient(url, logger: logger) { client in
                try await body(CallTaskStore(client: client, rules: reference.complianceRules, logger: logger))
            }
        } catch let error as CallResultError {
            throw error
        } catch {
            throw CommandFailure(StoreError.wrapping(error, url: url).description)
        }
    }
}
