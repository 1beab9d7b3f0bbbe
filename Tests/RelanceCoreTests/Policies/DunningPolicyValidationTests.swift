import RelanceCore
import Testing

@Suite("Dunning policy validation")
struct DunningPolicyValidationTests {
    private static func email(_ offset: Int, _ key: String = "reminder.courteous") -> DunningStep {
        DunningStep(offsetDays: offset, channel: .email, templateKey: key)
    }

    /// The error `steps` (with name and version) are refused with.
    private static func error(name: String = "Test", version: Int = 1, _ steps: [DunningStep]) -> DunningPolicyError? {
        do {
            _ = try DunningPolicy(name: name, version: version, steps: steps)
            return nil
        } catch {
            return error
        }
    }

    @Test("a well-formed ladder is accepted as given")
    func valid() throws {
        let policy = try DunningPolicy(name: "Short", version: 2, steps: [Self.email(-2), Self.email(5, "reminder.firm")])
        #expect(policy.steps.map(\.offsetDays) == [-2, 5])
        #expect(policy.version == 2)
    }

    @Test("a policy without steps is refused")
    func empty() {
        #expect(Self.error([])?.code == .noSteps)
    }

    @Test("name and version are required")
    func nameAndVersion() {
        #expect(Self.error(name: "  ", [Self.email(1)])?.code == .emptyName)
        #expect(Self.error(version: 0, [Self.email(1)])?.code == .invalidVersion)
    }

    @Test("offsets must be strictly increasing", arguments: [[3, 3], [10, 3], [-3, 5, 5], [1, 2, 0]])
    func offsetsNotIncreasing(offsets: [Int]) {
        let error = Self.error(offsets.map { Self.email($0) })
        #expect(error?.code == .offsetsNotIncreasing)
        #expect(error?.stepIndex == offsets.indices.first { $0 > 0 && offsets[$0] <= offsets[$0 - 1] })
        #expect(error?.description.hasPrefix("step ") == true)
    }

    @Test("offsets stay within a year before and five years after the due date")
    func offsetRange() {
        #expect(Self.error([Self.email(-366)])?.code == .offsetOutOfRange)
        #expect(Self.error([Self.email(1826)])?.code == .offsetOutOfRange)
        #expect(Self.error([Self.email(-365), Self.email(1825)]) == nil)
    }

    @Test("template keys are non-empty and plain", arguments: [("", "empty_template_key"), ("Reminder", "invalid_template_key"), ("reminder courteous", "invalid_template_key"), ("relance.é", "invalid_template_key")])
    func templateKeys(key: String, code: String) {
        let error = Self.error([Self.email(1, key)])
        #expect(error?.code.description == code)
        #expect(error?.stepIndex == 0)
    }

    @Test("an empty debtor-kind condition would never apply and is refused")
    func emptyKinds() {
        let step = DunningStep(offsetDays: 5, channel: .email, templateKey: "x", conditions: StepConditions(debtorKinds: []))
        #expect(Self.error([step])?.code == .emptyDebtorKinds)
    }

    @Test("a negative minimum outstanding is refused")
    func negativeMinimum() {
        let step = DunningStep(offsetDays: 5, channel: .email, templateKey: "x", conditions: StepConditions(minimumOutstanding: Money(minorUnits: -1, currency: .eur)))
        #expect(Self.error([step])?.code == .negativeMinimum)
    }

    @Test("registered letters and legal steps must come after the due date", arguments: [Channel.registeredLetter, .legal])
    func formalBeforeDue(channel: Channel) {
        let error = Self.error([DunningStep(offsetDays: 0, channel: channel, templateKey: "notice.formal")])
        #expect(error?.code == .formalStepBeforeDue)
    }

    @Test("a legal step needs a formal notice first")
    func legalWithoutNotice() {
        let legal = DunningStep(offsetDays: 40, channel: .legal, templateKey: "legal.payment_order")
        #expect(Self.error([Self.email(5), legal])?.code == .legalWithoutFormalNotice)
        let letter = DunningStep(offsetDays: 20, channel: .letter, templateKey: "letter.recap")
        #expect(Self.error([letter, legal])?.code == .legalWithoutFormalNotice)
        let notice = DunningStep(offsetDays: 30, channel: .registeredLetter, templateKey: "notice.formal")
        #expect(Self.error([notice, legal]) == nil)
        // A notice after the legal step does not count.
        let lateNotice = DunningStep(offsetDays: 45, channel: .registeredLetter, templateKey: "notice.formal")
        #expect(Self.error([legal, lateNotice])?.code == .legalWithoutFormalNotice)
    }

    @Test("the formal notice must reach every debtor the legal step reaches")
    func noticeCoversLegal() {
        let businessNotice = DunningStep(offsetDays: 30, channel: .registeredLetter, templateKey: "notice.formal", conditions: StepConditions(debtorKinds: [.business]))
        let anyLegal = DunningStep(offsetDays: 40, channel: .legal, templateKey: "legal.payment_order")
        let businessLegal = DunningStep(offsetDays: 40, channel: .legal, templateKey: "legal.payment_order", conditions: StepConditions(debtorKinds: [.business]))
        #expect(Self.error([businessNotice, anyLegal])?.code == .legalWithoutFormalNotice)
        #expect(Self.error([businessNotice, businessLegal]) == nil)

        let bigNotice = DunningStep(offsetDays: 30, channel: .registeredLetter, templateKey: "notice.formal", conditions: StepConditions(minimumOutstanding: Money(minorUnits: 500_00, currency: .eur)))
        let smallLegal = DunningStep(offsetDays: 40, channel: .legal, templateKey: "legal.payment_order", conditions: StepConditions(minimumOutstanding: Money(minorUnits: 100_00, currency: .eur)))
        let bigLegal = DunningStep(offsetDays: 40, channel: .legal, templateKey: "legal.payment_order", conditions: StepConditions(minimumOutstanding: Money(minorUnits: 1000_00, currency: .eur)))
        #expect(Self.error([bigNotice, smallLegal])?.code == .legalWithoutFormalNotice)
        #expect(Self.error([bigNotice, bigLegal]) == nil)
    }

    @Test("at most thirty steps")
    func tooMany() {
        #expect(Self.error((1...31).map { Self.email($0) })?.code == .tooManySteps)
        #expect(Self.error((1...30).map { Self.email($0) }) == nil)
    }

    @Test("step conditions say why they do not apply")
    func conditionReasons() throws {
        let conditions = StepConditions(minimumOutstanding: Money(minorUnits: 150_00, currency: .eur), debtorKinds: [.business])
        #expect(conditions.unmetReason(debtorKind: .business, outstanding: Money(minorUnits: 150_00, currency: .eur)) == nil)
        #expect(conditions.unmetReason(debtorKind: .consumer, outstanding: Money(minorUnits: 900_00, currency: .eur)) == "only for business debtors; this debtor is a consumer")
        #expect(conditions.unmetReason(debtorKind: .business, outstanding: Money(minorUnits: 149_99, currency: .eur)) == "only from 150.00 EUR outstanding; 149.99 EUR is outstanding")
        #expect(conditions.unmetReason(debtorKind: .business, outstanding: Money(minorUnits: 900_00, currency: .gbp)) == "the minimum is set in EUR, the invoice is in GBP")
    }
}
