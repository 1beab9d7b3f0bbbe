import Foundation
import RelanceCore
import Testing

@Suite("Dunning policy JSON")
struct DunningPolicyJSONTests {
    private static let id = "0D9E2B4C-5A1F-4C39-9E0B-6F6D2E8A1B11"

    private static func json(steps: String, name: String = "Agence", version: Int = 4) -> Data {
        Data(#"{"id": "\#(id)", "name": "\#(name)", "version": \#(version), "steps": [\#(steps)]}"#.utf8)
    }

    private static func error(_ data: Data) -> DunningPolicyError? {
        do {
            _ = try DunningPolicy.fromJSON(data)
            return nil
        } catch {
            return error
        }
    }

    @Test("a tenant's JSON decodes with defaults for tone and conditions")
    func decodes() throws {
        let policy = try DunningPolicy.fromJSON(Self.json(steps: """
            {"offsetDays": -2, "channel": "email", "templateKey": "reminder.courteous", "tone": "courteous"},
            {"offsetDays": 20, "channel": "registered_letter", "templateKey": "notice.formal",
             "conditions": {"minimumOutstanding": {"minorUnits": 30000, "currency": "EUR"}, "debtorKinds": ["business"]}}
            """))
        #expect(policy.id.description == Self.id.lowercased())
        #expect(policy.name == "Agence")
        #expect(policy.version == 4)
        #expect(policy.steps[0].tone == .courteous)
        #expect(policy.steps[1].tone == .neutral)
        #expect(policy.steps[1].channel == .registeredLetter)
        #expect(policy.steps[1].conditions == StepConditions(minimumOutstanding: Money(minorUnits: 300_00, currency: .eur), debtorKinds: [.business]))
    }

    @Test("encoding and decoding give back the same policy, byte-stable")
    func roundTrip() throws {
        let data = DunningPolicy.defaultFrench.jsonData()
        let decoded = try DunningPolicy.fromJSON(data)
        #expect(decoded == DunningPolicy.defaultFrench)
        #expect(decoded.jsonData() == data)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""channel":"registered_letter""#))
        #expect(text.contains(#""debtorKinds":["business"]"#))
    }

    @Test("an unknown channel is a typed error naming the step")
    func unknownChannel() {
        let error = Self.error(Self.json(steps: """
            {"offsetDays": 3, "channel": "email", "templateKey": "a"},
            {"offsetDays": 9, "channel": "fax", "templateKey": "b"}
            """))
        #expect(error?.code == .unknownChannel)
        #expect(error?.stepIndex == 1)
        #expect(error?.description == "step 2: unknown channel 'fax'; expected one of email, call, letter, registered_letter, legal")
    }

    @Test("unknown tones and debtor kinds are typed errors")
    func unknownEnums() {
        #expect(Self.error(Self.json(steps: #"{"offsetDays": 3, "channel": "email", "templateKey": "a", "tone": "angry"}"#))?.code == .unknownTone)
        #expect(Self.error(Self.json(steps: #"{"offsetDays": 3, "channel": "email", "templateKey": "a", "conditions": {"debtorKinds": ["government"]}}"#))?.code == .unknownDebtorKind)
    }

    @Test("decoding applies every validation rule")
    func decodingValidates() {
        #expect(Self.error(Self.json(steps: ""))?.code == .noSteps)
        #expect(Self.error(Self.json(steps: #"{"offsetDays": 3, "channel": "email", "templateKey": ""}"#))?.code == .emptyTemplateKey)
        let unordered = Self.error(Self.json(steps: """
            {"offsetDays": 10, "channel": "email", "templateKey": "a"},
            {"offsetDays": 5, "channel": "email", "templateKey": "b"}
            """))
        #expect(unordered?.code == .offsetsNotIncreasing)
        #expect(unordered?.stepIndex == 1)
        #expect(Self.error(Self.json(steps: #"{"offsetDays": 3, "channel": "email", "templateKey": "a"}"#, version: 0))?.code == .invalidVersion)
        #expect(Self.error(Self.json(steps: #"{"offsetDays": 30, "channel": "legal", "templateKey": "a"}"#))?.code == .legalWithoutFormalNotice)
    }

    @Test("broken JSON and missing fields are malformed_json with a clear message")
    func malformed() {
        #expect(Self.error(Data("{not json".utf8))?.code == .malformedJSON)
        let missing = Self.error(Self.json(steps: #"{"channel": "email", "templateKey": "a"}"#))
        #expect(missing?.code == .malformedJSON)
        #expect(missing?.description == "steps[0].offsetDays is missing")
        let wrongType = Self.error(Self.json(steps: #"{"offsetDays": "three", "channel": "email", "templateKey": "a"}"#))
        #expect(wrongType?.description == "steps[0].offsetDays should be Int")
    }
}
