/// A dunning policy that cannot be used, with the step at fault when there is one.
///
/// Raised by `DunningPolicy.init` and when decoding a policy's JSON, so a tenant editing a
/// policy learns exactly what to fix.
public struct DunningPolicyError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate let name: String
        public static let emptyName = Code(name: "empty_name")
        public static let invalidVersion = Code(name: "invalid_version")
        public static let noSteps = Code(name: "no_steps")
        public static let tooManySteps = Code(name: "too_many_steps")
        public static let offsetsNotIncreasing = Code(name: "offsets_not_increasing")
        public static let offsetOutOfRange = Code(name: "offset_out_of_range")
        public static let emptyTemplateKey = Code(name: "empty_template_key")
        public static let invalidTemplateKey = Code(name: "invalid_template_key")
        public static let unknownChannel = Code(name: "unknown_channel")
        public static let unknownTone = Code(name: "unknown_tone")
        public static let unknownDebtorKind = Code(name: "unknown_debtor_kind")
        public static let emptyDebtorKinds = Code(name: "empty_debtor_kinds")
        public static let negativeMinimum = Code(name: "negative_minimum")
        /// A registered letter or legal step on or before the due date: nothing is owed yet.
        public static let formalStepBeforeDue = Code(name: "formal_step_before_due")
        /// A legal step some debtors would reach without a registered formal notice first.
        public static let legalWithoutFormalNotice = Code(name: "legal_without_formal_notice")
        public static let malformedJSON = Code(name: "malformed_json")
        /// A policy id named by an invoice, debtor, creditor or tenant that is not known.
        public static let policyNotFound = Code(name: "policy_not_found")
        public var description: String { name }
    }

    public let code: Code
    /// The 0-based index of the step at fault, when the error is about one step.
    public let stepIndex: Int?
    public let message: String

    public init(_ code: Code, step stepIndex: Int? = nil, _ message: String) {
        self.code = code
        self.stepIndex = stepIndex
        self.message = message
    }

    public var description: String {
        stepIndex.map { "step \($0 + 1): \(message)" } ?? message
    }
}
