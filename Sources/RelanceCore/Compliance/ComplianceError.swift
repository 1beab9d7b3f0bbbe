/// A compliance rule set that cannot be read, or a question it cannot answer.
public struct ComplianceError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate let name: String
        /// The rule text is not valid JSON or breaks a rule of its format.
        public static let invalidRules = Code(name: "invalid_rules")
        /// The debtor's time zone is not a known IANA identifier.
        public static let unknownTimeZone = Code(name: "unknown_time_zone")
        /// The debtor's holiday region is not in the rule set.
        public static let unknownRegion = Code(name: "unknown_region")
        /// No allowed moment exists within the search horizon.
        public static let noAllowedMoment = Code(name: "no_allowed_moment")
        public var description: String { name }
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
