/// Where a debtor pays by transfer: the account holder, the IBAN and the BIC, checked when the
/// account is recorded so that a letter never prints a number that cannot receive money.
///
/// The IBAN is checked as ISO 13616 says: two letters of a country, two check digits, the
/// national number; the length is the country's (for the countries listed in
/// ``BankAccount/ibanLengths``; 15 to 34 characters elsewhere) and the whole, rearranged,
/// leaves 1 modulo 97. The BIC (ISO 9362) has 8 or 11 characters: bank, country, location
/// and optionally branch.
public struct BankAccount: Sendable, Hashable, Codable {
    public let holder: String
    /// The IBAN without spaces, upper case (`FR7630006000011234567890189`).
    public let iban: String
    /// The BIC, upper case (`BNPAFRPP` or `BNPAFRPPXXX`), when given.
    public let bic: String?

    public init(holder: String, iban: String, bic: String? = nil) throws(ModelValidationError) {
        let holder = String(holder.trimmedWhitespace)
        guard !holder.isEmpty else { throw ModelValidationError(.emptyName, "a bank account needs its holder's name") }
        self.holder = holder
        self.iban = try Self.checkedIBAN(iban)
        self.bic = try bic.map(Self.checkedBIC).flatMap { $0.isEmpty ? nil : $0 }
        if let bic = self.bic, bic.utf8.count >= 6, Self.country(ofBIC: bic) != String(self.iban.prefix(2)),
           !Self.sepaShared(String(self.iban.prefix(2)), Self.country(ofBIC: bic)) {
            throw ModelValidationError(.invalidBIC, "BIC \(bic) is of country \(Self.country(ofBIC: bic)), the IBAN of \(self.iban.prefix(2))")
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            holder: try container.decode(String.self, forKey: .holder),
            iban: try container.decode(String.self, forKey: .iban),
            bic: try container.decodeIfPresent(String.self, forKey: .bic)
        )
    }

    /// The IBAN as printed: groups of four (`FR76 3000 6000 0112 3456 7890 189`).
    public var formattedIBAN: String {
        var groups: [String] = []
        var rest = Substring(iban)
        while !rest.isEmpty {
            groups.append(String(rest.prefix(4)))
            rest = rest.dropFirst(4)
        }
        return groups.joined(separator: " ")
    }

    /// IBAN lengths of the countries Relance's users mostly deal with (SWIFT's IBAN registry).
    public static let ibanLengths: [String: Int] = [
        "AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18,
        "EE": 20, "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GR": 27, "HR": 21, "HU": 28, "IE": 22,
        "IS": 26, "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MT": 31, "NL": 18,
        "NO": 15, "PL": 28, "PT": 25, "RO": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27,
    ]

    static func checkedIBAN(_ text: String) throws(ModelValidationError) -> String {
        let compact = String(text.unicodeScalars.filter { $0 != " " && $0 != "-" }).uppercased()
        let bytes = Array(compact.utf8)
        func fail(_ why: String) -> ModelValidationError { ModelValidationError(.invalidIBAN, "IBAN \(text): \(why)") }
        guard (15...34).contains(bytes.count) else { throw fail("\(bytes.count) characters, an IBAN has 15 to 34") }
        guard bytes.allSatisfy({ Self.isUpperLetter($0) || Self.isDigit($0) }) else {
            throw fail("only letters and digits may appear")
        }
        guard Self.isUpperLetter(bytes[0]), Self.isUpperLetter(bytes[1]), Self.isDigit(bytes[2]), Self.isDigit(bytes[3]) else {
            throw fail("it starts with a country code and two check digits (FR76…)")
        }
        let country = String(compact.prefix(2))
        if let length = ibanLengths[country], length != bytes.count {
            throw fail("an IBAN of \(country) has \(length) characters, not \(bytes.count)")
        }
        // Country and check digits move to the end; letters count as 10 to 35; mod 97 = 1.
        var remainder = 0
        for byte in bytes[4...] + bytes[..<4] {
            if Self.isDigit(byte) {
                remainder = (remainder * 10 + Int(byte - 48)) % 97
            } else {
                remainder = (remainder * 100 + Int(byte - 65) + 10) % 97
            }
        }
        guard remainder == 1 else { throw fail("its check digits do not match (a digit mistyped?)") }
        return compact
    }

    static func checkedBIC(_ text: String) throws(ModelValidationError) -> String {
        let compact = text.trimmedWhitespace.uppercased()
        if compact.isEmpty { return compact }
        let bytes = Array(compact.utf8)
        guard bytes.count == 8 || bytes.count == 11,
              bytes[0..<6].allSatisfy(Self.isUpperLetter),
              bytes[6...].allSatisfy({ Self.isUpperLetter($0) || Self.isDigit($0) })
        else {
            throw ModelValidationError(.invalidBIC, "BIC \(text): 8 or 11 characters, bank and country in letters (BNPAFRPP)")
        }
        return compact
    }

    static func country(ofBIC bic: String) -> String { String(bic.dropFirst(4).prefix(2)) }

    /// French overseas and Monaco accounts are served by banks with French BICs, and the reverse.
    static func sepaShared(_ ibanCountry: String, _ bicCountry: String) -> Bool {
        let french: Set<String> = ["FR", "MC", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF", "NC", "PF", "WF"]
        return french.contains(ibanCountry) && french.contains(bicCountry)
    }

    private static func isUpperLetter(_ byte: UInt8) -> Bool { (65...90).contains(byte) }
    private static func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }
}

/// Who an email sent on a creditor's behalf says it comes from: the name shown in `From` and the
/// address replies go to. The `From` address itself stays the relay's (the installation's or the
/// tenant's), so that the message passes the relay's SPF and DKIM checks.
public struct SenderSettings: Sendable, Hashable, Codable {
    /// The display name of `From` (e.g. `Service recouvrement – Atelier Durand`); nil: the
    /// creditor's name.
    public var name: String?
    /// Where replies go (`Reply-To`); nil: no Reply-To.
    public var replyTo: String?

    public init(name: String? = nil, replyTo: String? = nil) {
        self.name = name.map { String($0.trimmedWhitespace) }.flatMap { $0.isEmpty ? nil : $0 }
        self.replyTo = replyTo.map { String($0.trimmedWhitespace) }.flatMap { $0.isEmpty ? nil : $0 }
    }
}
