/// When a step applies. Every condition present must hold; an absent one always holds.
public struct StepConditions: Sendable, Hashable, Codable {
    /// The step runs only while at least this much is outstanding (in the invoice's currency).
    public var minimumOutstanding: Money?
    /// The step runs only for these kinds of debtor; nil means every kind.
    public var debtorKinds: Set<DebtorKind>?

    public init(minimumOutstanding: Money? = nil, debtorKinds: Set<DebtorKind>? = nil) {
        self.minimumOutstanding = minimumOutstanding
        self.debtorKinds = debtorKinds
    }

    /// No condition at all.
    public static let always = StepConditions()

    public var isEmpty: Bool { minimumOutstanding == nil && debtorKinds == nil }

    /// Why the step does not apply to a debtor of `kind` owing `outstanding`; nil when it does.
    public func unmetReason(debtorKind kind: DebtorKind, outstanding: Money) -> String? {
        if let kinds = debtorKinds, !kinds.contains(kind) {
            let names = kinds.map(\.rawValue).sorted().joined(separator: ", ")
            return "only for \(names) debtors; this debtor is a \(kind.rawValue)"
        }
        if let minimum = minimumOutstanding {
            guard minimum.currency == outstanding.currency else {
                return "the minimum is set in \(minimum.currency), the invoice is in \(outstanding.currency)"
            }
            if outstanding.minorUnits < minimum.minorUnits {
                return "only from \(minimum) outstanding; \(outstanding) is outstanding"
            }
        }
        return nil
    }

    /// Whether every debtor these conditions let through is also let through by `other`.
    func isCovered(by other: StepConditions) -> Bool {
        if let otherKinds = other.debtorKinds {
            guard let kinds = debtorKinds, kinds.isSubset(of: otherKinds) else { return false }
        }
        if let otherMinimum = other.minimumOutstanding, otherMinimum.isPositive {
            guard let minimum = minimumOutstanding, minimum.currency == otherMinimum.currency,
                  minimum.minorUnits >= otherMinimum.minorUnits
            else { return false }
        }
        return true
    }

    private enum CodingKeys: String, CodingKey { case minimumOutstanding, debtorKinds }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        minimumOutstanding = try c.decodeIfPresent(Money.self, forKey: .minimumOutstanding)
        if let names = try c.decodeIfPresent([String].self, forKey: .debtorKinds) {
            var kinds = Set<DebtorKind>()
            for name in names {
                guard let kind = DebtorKind(rawValue: name) else {
                    throw DunningPolicyError(
                        .unknownDebtorKind, step: Self.stepIndex(in: decoder.codingPath),
                        "unknown debtor kind '\(name)'; expected one of \(DebtorKind.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                }
                kinds.insert(kind)
            }
            debtorKinds = kinds
        } else {
            debtorKinds = nil
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(minimumOutstanding, forKey: .minimumOutstanding)
        // Sorted, so the stored JSON is stable.
        try c.encodeIfPresent(debtorKinds.map { $0.map(\.rawValue).sorted() }, forKey: .debtorKinds)
    }

    /// The index of the step being decoded: the last integer key of the coding path.
    static func stepIndex(in path: [any CodingKey]) -> Int? {
        path.last(where: { $0.intValue != nil })?.intValue
    }
}
