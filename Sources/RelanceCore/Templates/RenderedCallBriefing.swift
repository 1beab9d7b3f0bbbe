/// A rendered call task: the briefing and script an agent reads before and during the call.
public struct RenderedCallBriefing: Sendable, Hashable {
    public let title: String
    /// Key facts, one per line.
    public let summary: [String]
    /// What to say, paragraph by paragraph.
    public let script: [String]
    /// The invoices.
    public let table: RenderedTable
    /// Actions already taken, if any.
    public let history: RenderedTable?
    /// What the agent must record after the call.
    public let outcomes: [String]

    public init(title: String, summary: [String], script: [String], table: RenderedTable, history: RenderedTable? = nil, outcomes: [String]) {
        self.title = title
        self.summary = summary
        self.script = script
        self.table = table
        self.history = history
        self.outcomes = outcomes
    }

    public var plainText: String {
        var blocks = [title, summary.joined(separator: "\n")] + script + [table.plainText]
        if let history { blocks.append(history.plainText) }
        if !outcomes.isEmpty { blocks.append(outcomes.joined(separator: "\n")) }
        return blocks.joined(separator: "\n\n")
    }
}
