import RelanceCore
import Testing

@Suite("Default French ladder")
struct DefaultFrenchLadderTests {
    private let policy = DunningPolicy.defaultFrench

    @Test("seven steps from a courteous email to a court payment order")
    func shape() {
        #expect(policy.steps.map(\.offsetDays) == [-3, 3, 10, 15, 25, 35, 50])
        #expect(policy.steps.map(\.channel) == [.email, .email, .email, .call, .letter, .registeredLetter, .legal])
        #expect(policy.steps.map(\.templateKey) == [
            "reminder.courteous", "reminder.courteous", "reminder.firm", "call.first", "letter.recap", "notice.formal", "legal.payment_order",
        ])
        #expect(policy.steps.map(\.tone) == [.courteous, .courteous, .firm, .neutral, .firm, .firm, .firm])
    }

    @Test("pressure never goes down: tones and channels escalate in order")
    func escalates() {
        func weight(_ channel: Channel) -> Int {
            switch channel {
            case .email: 0
            case .call: 1
            case .letter: 2
            case .registeredLetter: 3
            case .legal: 4
            }
        }
        let postDue = policy.steps.filter { $0.offsetDays > 0 }
        #expect(zip(postDue, postDue.dropFirst()).allSatisfy { weight($0.channel) <= weight($1.channel) })
        let written = policy.steps.filter { $0.channel != .call }
        #expect(zip(written, written.dropFirst()).allSatisfy { $0.tone <= $1.tone })
    }

    @Test("only the legal step has conditions: business debtors owing at least 150 €")
    func legalConditions() throws {
        #expect(policy.steps.dropLast().allSatisfy { $0.conditions.isEmpty })
        let legal = try #require(policy.steps.last)
        #expect(legal.conditions.debtorKinds == [.business])
        #expect(legal.conditions.minimumOutstanding == Money(minorUnits: 150_00, currency: .eur))
    }

    @Test("its template keys are the standard ones, and it has a stable id")
    func keysAndId() {
        #expect(Set(policy.steps.map(\.templateKey)) == Set(StandardStepKey.all))
        #expect(policy.id == DunningPolicy.defaultFrenchId)
        #expect(policy.id.description == "5e1a4ce0-0000-4000-8000-00000000f001")
        #expect(policy.version == 1)
    }

    @Test("it passes its own validation")
    func valid() throws {
        let rebuilt = try DunningPolicy(id: policy.id, name: policy.name, version: policy.version, steps: policy.steps)
        #expect(rebuilt == policy)
    }
}
