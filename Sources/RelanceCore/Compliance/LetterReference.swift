/// A letter's reference and the date it was sent: a collection agency repeats both in every
/// later contact with the debtor (CPCE R124-4, last paragraph).
public struct LetterReference: Sendable, Hashable, Codable {
    public let reference: String
    public let date: CalendarDate

    public init(reference: String, date: CalendarDate) {
        self.reference = reference
        self.date = date
    }
}
