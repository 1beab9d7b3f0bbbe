import Testing
import RelanceCore

@Suite("Compliance rule files")
struct ComplianceRulesTests {
    private let shipped = try! RepositoryFiles.complianceRules()

    @Test("The shipped French rules parse and say what the README says")
    func shippedRules() throws {
        let rules = try ComplianceRules.parse(json: shipped)
        #expect(rules.jurisdiction == "FR")
        let call = rules.window(for: .call, debtorKind: .business)
        #expect(call.hoursDescription == "09:00–12:00/14:00–19:00")
        #expect(call.days == [.monday, .tuesday, .wednesday, .thursday, .friday])
        #expect(call.excludesPublicHolidays)
        #expect(rules.window(for: .call, debtorKind: .consumer).hoursDescription == "10:00–13:00/14:00–20:00")
        let email = rules.window(for: .email, debtorKind: .consumer)
        #expect(email.hoursDescription == "08:00–20:00")
        #expect(email.days.count == 7)
        #expect(!email.excludesPublicHolidays)
        for channel in [Channel.letter, .registeredLetter, .legal] {
            let window = rules.window(for: channel, debtorKind: .business)
            #expect(window.isAllDay)
            #expect(!window.days.contains(.saturday) && !window.days.contains(.sunday))
            #expect(window.excludesPublicHolidays)
        }
        #expect(rules.budget.rollingDays == 7)
        #expect(rules.budget.maxContacts == 3)
        #expect(rules.budget.maxPerChannel == [.call: 2])
        #expect(rules.budget.countedChannels == [.email, .call, .letter, .registeredLetter])
        #expect(try rules.holidayCalendar(region: nil) == .metropolitanFrance)
        #expect(try rules.holidayCalendar(region: "alsace_moselle") == .alsaceMoselle)
    }

    @Test("The shipped rules reproduce CPCE L111-8 paragraphs 2 and 3 word for word")
    func costsArticleVerbatim() throws {
        // Text of L111-8 as in force since 19 March 2014 (loi 2014-344), as published by
        // Legifrance and reproduced at doctrine.fr (LEGIARTI000025025657) and cerclab.
        let paragraph2 = "Les frais de recouvrement entrepris sans titre exécutoire restent à la charge du créancier, sauf s'ils concernent un acte dont l'accomplissement est prescrit par la loi au créancier. Toute stipulation contraire est réputée non écrite, sauf disposition législative contraire."
        let paragraph3 = "Cependant, le créancier qui justifie du caractère nécessaire des démarches entreprises pour recouvrer sa créance peut demander au juge de l'exécution de laisser tout ou partie des frais ainsi exposés à la charge du débiteur de mauvaise foi."
        let rules = try ComplianceRules.parse(json: shipped)
        #expect(rules.collectionAgency.costsArticleParagraphs == [paragraph2, paragraph3])
        #expect(rules.collectionAgency.statement(in: .fr).contains("recouvrement amiable"))
        #expect(rules.collectionAgency.statement(in: .en).contains("amicable collection"))
    }

    @Test("An unknown holiday region is an error naming the known ones")
    func unknownRegion() throws {
        let rules = try ComplianceRules.parse(json: shipped)
        let error = #expect(throws: ComplianceError.self) { try rules.holidayCalendar(region: "corsica") }
        #expect(error?.code == .unknownRegion)
        #expect(error?.description.contains("alsace_moselle") == true)
    }

    @Test("Broken rule files are refused with a message that points at the fault", arguments: [
        ("\"hours\": [\"09:00-12:00\", \"14:00-19:00\"]", "\"hours\": [\"9:00-12:00\"]", "'9:00-12:00' is not a range"),
        ("\"hours\": [\"09:00-12:00\", \"14:00-19:00\"]", "\"hours\": [\"09:00-12:00\", \"11:00-19:00\"]", "overlap"),
        ("\"hours\": [\"09:00-12:00\", \"14:00-19:00\"]", "\"hours\": [\"12:00-09:00\"]", "'12:00-09:00' is not a range"),
        ("\"whit_monday\"", "\"pentecost_tuesday\"", "'pentecost_tuesday' is not a known holiday"),
        ("\"maxPerChannel\": { \"call\": 2 }", "\"maxPerChannel\": { \"fax\": 2 }", "'fax' is not a channel"),
        ("\"rollingDays\": 7", "\"rollingDays\": 0", "rollingDays >= 1"),
        ("\"days\": [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"],\n      \"hours\": [\"09:00-12:00\"", "\"days\": [\"monday\"],\n      \"hours\": [\"09:00-12:00\"", "'monday' is not one of"),
    ])
    func brokenRules(original: String, replacement: String, message: String) throws {
        #expect(shipped.contains(original), "fixture no longer matches the shipped file")
        let broken = shipped.replacingFirst(original, with: replacement)
        let error = #expect(throws: ComplianceError.self) { try ComplianceRules.parse(json: broken) }
        #expect(error?.code == .invalidRules)
        #expect(error?.description.contains(message) == true, "\(String(describing: error))")
    }

    @Test("Every channel needs a window")
    func missingChannel() throws {
        let start = try #require(shipped.firstRange(of: "\"legal\": {"))
        let end = try #require(shipped[start.upperBound...].firstRange(of: "}"))
        var broken = shipped
        broken.replaceSubrange(start.lowerBound..<end.upperBound, with: "\"unused\": 0")
        broken = broken.replacingFirst(",\n    \"unused\": 0", with: "")
        let error = #expect(throws: ComplianceError.self) { try ComplianceRules.parse(json: broken) }
        #expect(error?.description.contains("no entry for channel 'legal'") == true, "\(String(describing: error))")
    }

    @Test("Text that is not JSON is refused")
    func notJSON() {
        let error = #expect(throws: ComplianceError.self) { try ComplianceRules.parse(json: "{ \"jurisdiction\": ") }
        #expect(error?.code == .invalidRules)
        let missing = #expect(throws: ComplianceError.self) { try ComplianceRules.parse(json: "{}") }
        #expect(missing?.description.contains("missing field") == true)
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        var copy = self
        copy.replaceSubrange(range, with: replacement)
        return copy
    }
}
