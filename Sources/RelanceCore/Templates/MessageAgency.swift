/// The collection agency sending a message on the creditor's behalf.
public struct MessageAgency: Sendable, Hashable, Codable {
    public var party: LetterParty
    /// The agency's first letter to this debtor: nil when this message is that first letter;
    /// set for every later contact, which must repeat its reference and date (CPCE R124-4).
    public var firstLetter: LetterReference?

    public init(party: LetterParty, firstLetter: LetterReference? = nil) {
        self.party = party
        self.firstLetter = firstLetter
    }
}
