extension LegalIdentifiers {
    /// The French SIREN (9 digits) in the registration number: the number itself, or the first
    /// 9 digits of a SIRET (14 digits); spaces are ignored. Nil for any other number.
    public var siren: String? {
        guard let number = registrationNumber else { return nil }
        let digits = number.filter { !$0.isWhitespace }
        guard digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        switch digits.count {
        case 9: return digits
        case 14: return String(digits.prefix(9))
        default: return nil
        }
    }
}
