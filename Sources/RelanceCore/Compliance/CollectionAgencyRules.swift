/// The wording a collection agency's letters must carry (CPCE R124-4): the statement that the
/// sender collects debts amicably, and the reproduction of CPCE L111-8 paragraphs 2 and 3.
public struct CollectionAgencyRules: Sendable, Hashable {
    /// One sentence per language saying that the sender carries out amicable debt collection.
    public let activityStatement: [Language: String]
    /// How the reproduced article is introduced (`Article L. 111-8 …, alinéas 2 et 3`).
    public let costsArticleCitation: String
    /// The paragraphs to reproduce, verbatim, in French (the law's language).
    public let costsArticleParagraphs: [String]

    public init(activityStatement: [Language: String], costsArticleCitation: String, costsArticleParagraphs: [String]) throws(ComplianceError) {
        for language in Language.allCases where (activityStatement[language] ?? "").trimmedWhitespace.isEmpty {
            throw ComplianceError(.invalidRules, "collectionAgencyLetters.activityStatement has no '\(language.rawValue)' text")
        }
        guard !costsArticleParagraphs.isEmpty, costsArticleParagraphs.allSatisfy({ !$0.trimmedWhitespace.isEmpty }) else {
            throw ComplianceError(.invalidRules, "collectionAgencyLetters.costsArticle.paragraphs must list the paragraphs to reproduce")
        }
        self.activityStatement = activityStatement
        self.costsArticleCitation = costsArticleCitation
        self.costsArticleParagraphs = costsArticleParagraphs
    }

    /// The activity statement in `language`.
    public func statement(in language: Language) -> String { activityStatement[language] ?? "" }
}
