import Foundation

/// A dunning ladder: the ordered steps a tenant applies to unpaid invoices. Versioned — an
/// edit makes a new `version` of the same `id` — and stored as JSON (JSONB), which is
/// validated on decoding exactly as by `init`.
///
/// JSON form: `{"id": "…uuid…", "name": "Standard", "version": 3, "steps": [ … ]}` with
/// steps as described on `DunningStep`.
///
/// Rules a policy must satisfy (each broken one is a `DunningPolicyError`):
/// - a non-blank name, a version ≥ 1, between 1 and `maximumSteps` steps;
/// - offsets strictly increasing (one step per day, in ladder order) and within
///   `offsetRange` days of the due date;
/// - template keys non-empty, made of `a-z 0-9 . _ -`;
/// - a `debtorKinds` condition is not empty (it would never apply), a minimum is not negative;
/// - registered letters and legal steps come after the due date (nothing is owed before);
/// - every debtor a legal step reaches has first been sent a registered formal notice: an
///   earlier `registered_letter` step whose conditions let through at least the same debtors.
public struct DunningPolicy: Sendable, Hashable, Codable, Identifiable {
    public let id: DunningPolicyID
    public let name: String
    public let version: Int
    public let steps: [DunningStep]

    /// The most steps a ladder may have.
    public static let maximumSteps = 30
    /// How far from the due date a step may be: a year before, five years after (the
    /// limitation period for commercial debts in France).
    public static let offsetRange = -365...1825

    /// Creates a policy; throws the first rule it breaks.
    public init(id: DunningPolicyID = DunningPolicyID(), name: String, version: Int = 1, steps: [DunningStep]) throws(DunningPolicyError) {
        try Self.validate(name: name, version: version, steps: steps)
        self.init(unchecked: id, name: name, version: version, steps: steps)
    }

    /// For ladders derived from a valid one by changes that keep it valid (personalisation).
    init(unchecked id: DunningPolicyID, name: String, version: Int, steps: [DunningStep]) {
        self.id = id
        self.name = name
        self.version = version
        self.steps = steps
    }

    /// The same policy with `steps` in place of its own, validated.
    public func replacingSteps(_ steps: [DunningStep]) throws(DunningPolicyError) -> DunningPolicy {
        try DunningPolicy(id: id, name: name, version: version, steps: steps)
    }

    private static func validate(name: String, version: Int, steps: [DunningStep]) throws(DunningPolicyError) {
        guard !name.trimmedWhitespace.isEmpty else {
            throw DunningPolicyError(.emptyName, "a policy needs a name")
        }
        guard version >= 1 else {
            throw DunningPolicyError(.invalidVersion, "version must be 1 or more, not \(version)")
        }
        guard !steps.isEmpty else {
            throw DunningPolicyError(.noSteps, "a policy needs at least one step")
        }
        guard steps.count <= maximumSteps else {
            throw DunningPolicyError(.tooManySteps, "a policy has at most \(maximumSteps) steps, not \(steps.count)")
        }
        for (index, step) in steps.enumerated() {
            try validate(step, at: index)
            if index > 0, step.offsetDays <= steps[index - 1].offsetDays {
                throw DunningPolicyError(
                    .offsetsNotIncreasing, step: index,
                    "its offset (\(step.offsetDays) days) must be later than the previous step's (\(steps[index - 1].offsetDays) days)"
                )
            }
        }
        for (index, step) in steps.enumerated() where step.channel == .legal {
            let noticed = steps[..<index].contains {
                $0.channel == .registeredLetter && step.conditions.isCovered(by: $0.conditions)
            }
            guard noticed else {
                throw DunningPolicyError(
                    .legalWithoutFormalNotice, step: index,
                    "a legal step needs an earlier registered_letter step (formal notice) reaching the same debtors"
                )
            }
        }
    }

    private static func validate(_ step: DunningStep, at index: Int) throws(DunningPolicyError) {
        guard offsetRange.contains(step.offsetDays) else {
            throw DunningPolicyError(
                .offsetOutOfRange, step: index,
                "offset \(step.offsetDays) days is outside \(offsetRange.lowerBound)…\(offsetRange.upperBound)"
            )
        }
        guard !step.templateKey.isEmpty else {
            throw DunningPolicyError(.emptyTemplateKey, step: index, "the template key is empty")
        }
        guard step.templateKey.unicodeScalars.allSatisfy(isTemplateKeyCharacter) else {
            throw DunningPolicyError(
                .invalidTemplateKey, step: index,
                "template key '\(step.templateKey)' may only contain a-z, 0-9, '.', '_' and '-'"
            )
        }
        if let kinds = step.conditions.debtorKinds, kinds.isEmpty {
            throw DunningPolicyError(.emptyDebtorKinds, step: index, "an empty list of debtor kinds would never apply; omit it to mean every kind")
        }
        if let minimum = step.conditions.minimumOutstanding, minimum.isNegative {
            throw DunningPolicyError(.negativeMinimum, step: index, "the minimum outstanding cannot be negative (\(minimum))")
        }
        if step.channel == .registeredLetter || step.channel == .legal, step.offsetDays <= 0 {
            throw DunningPolicyError(
                .formalStepBeforeDue, step: index,
                "a \(step.channel.rawValue) step must come after the due date (offset > 0), not at \(step.offsetDays)"
            )
        }
    }

    private static func isTemplateKeyCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "0"..."9", ".", "_", "-": true
        default: false
        }
    }

    private enum CodingKeys: String, CodingKey { case id, name, version, steps }

    /// Decodes and validates; a broken rule throws `DunningPolicyError`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            id: c.decode(DunningPolicyID.self, forKey: .id),
            name: c.decode(String.self, forKey: .name),
            version: c.decode(Int.self, forKey: .version),
            steps: c.decode([DunningStep].self, forKey: .steps)
        )
    }

    /// Parses a policy from its JSON form. Every failure is a `DunningPolicyError`:
    /// a broken rule with its own code, anything else as `malformed_json`.
    public static func fromJSON(_ data: Data) throws(DunningPolicyError) -> DunningPolicy {
        do {
            return try JSONDecoder().decode(DunningPolicy.self, from: data)
        } catch let error as DunningPolicyError {
            throw error
        } catch let error as DecodingError {
            throw DunningPolicyError(.malformedJSON, Self.explain(error))
        } catch {
            throw DunningPolicyError(.malformedJSON, "the policy is not valid JSON")
        }
    }

    /// The policy's JSON form, keys sorted so equal policies give equal bytes.
    public func jsonData() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Encoding plain values into JSON cannot fail.
        return (try? encoder.encode(self)) ?? Data()
    }

    private static func explain(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            let parts = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }
            return parts.isEmpty ? "the document" : String(parts.joined().drop(while: { $0 == "." }))
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])) is missing"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)) should be \(type)"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)) should be \(type), not null"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? "the policy is not valid JSON"
                : "\(path(context.codingPath)) is invalid: \(context.debugDescription)"
        @unknown default:
            return "the policy could not be read"
        }
    }
}
