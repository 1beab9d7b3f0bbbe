/// A dunning policy that cannot be used, with the step at fault when there is one.
///
/// Raised by `DunningPolicy.init` and when decoding a policy's JSON, so a tenant editing a
/// policy learns exactly what to fix.
public struct DunningPolicyError: Error, Sendable, Hashable, CustomStringConvertible {
    public typealias Code = ErrorCode<DunningPolicyError>

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

extension ErrorCode where Domain == DunningPolicyError {
    public static var emptyName: Self { Self(name: "empty_name") }
    public static var invalidVersion: Self { Self(name: "invalid_version") }
    public static var noSteps: Self { Self(name: "no_steps") }
    public static var tooManySteps: Self { Self(name: "too_many_steps") }
    public static var offsetsNotIncreasing: Self { Self(name: "offsets_not_increasing") }
    public static var offsetOutOfRange: Self { Self(name: "offset_out_of_range") }
    public static var emptyTemplateKey: Self { Self(name: "empty_template_key") }
    public static var invalidTemplateKey: Self { Self(name: "invalid_template_key") }
    public static var unknownChannel: Self { Self(name: "unknown_channel") }
    public static var unknownTone: Self { Self(name: "unknown_tone") }
    public static var unknownDebtorKind: Self { Self(name: "unknown_debtor_kind") }
    public static var emptyDebtorKinds: Self { Self(name: "empty_debtor_kinds") }
    public static var negativeMinimum: Self { Self(name: "negative_minimum") }
    /// A registered letter or legal step on or before the due date: nothing is owed yet.
    public static var formalStepBeforeDue: Self { Self(name: "formal_step_before_due") }
    /// A legal step some debtors would reach without a registered formal notice first.
    public static var legalWithoutFormalNotice: Self { Self(name: "legal_without_formal_notice") }
    public static var malformedJSON: Self { Self(name: "malformed_json") }
    /// A policy id named by an invoice, debtor, creditor or tenant that is not known.
    public static var policyNotFound: Self { Self(name: "policy_not_found") }
}
