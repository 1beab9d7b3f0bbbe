/// What is known about a debtor beyond its payment history, typically noted by an agent
/// during a call.
public struct DebtorSignals: Sendable, Hashable, Codable {
    /// The debtor said it is short of cash.
    public var statedCashFlowDifficulty: Bool

    public init(statedCashFlowDifficulty: Bool = false) {
        self.statedCashFlowDifficulty = statedCashFlowDifficulty
    }
}
