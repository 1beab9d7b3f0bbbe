/// Where the courts competent for a set of French postal codes sit: the tribunal judiciaire
/// and the tribunal de commerce of the debtor's place.
///
/// A small table, covering the places Relance's data uses (the demo's, the fixtures'); a
/// place it does not know gets a court "to confirm", never a guess.
public struct CourtSeat: Sendable, Hashable {
    /// The place, as the dossier names it.
    public var city: String
    /// Postal codes of the place: a code matches an entry equal to it, or an entry ending in
    /// `*` that it starts with (`75*`: every Paris code).
    public var postalCodes: [String]
    /// The city where the tribunal judiciaire sits.
    public var judicialSeat: String
    /// The city where the tribunal de commerce sits.
    public var commercialSeat: String

    public init(city: String, postalCodes: [String], judicialSeat: String, commercialSeat: String) {
        self.city = city
        self.postalCodes = postalCodes
        self.judicialSeat = judicialSeat
        self.commercialSeat = commercialSeat
    }

    public func matches(postalCode: String) -> Bool {
        postalCodes.contains { pattern in
            pattern.hasSuffix("*") ? postalCode.hasPrefix(pattern.dropLast()) : postalCode == pattern
        }
    }

    /// The seats Relance knows: Paris, Lyon, Marseille, Nantes (the cities themselves, not
    /// their whole districts).
    public static let known: [CourtSeat] = [
        CourtSeat(city: "Paris", postalCodes: ["75*"], judicialSeat: "Paris", commercialSeat: "Paris"),
        CourtSeat(city: "Lyon", postalCodes: (1...9).map { "6900\($0)" }, judicialSeat: "Lyon", commercialSeat: "Lyon"),
        CourtSeat(
            city: "Marseille",
            postalCodes: (1...16).map { $0 < 10 ? "1300\($0)" : "130\($0)" },
            judicialSeat: "Marseille", commercialSeat: "Marseille"
        ),
        CourtSeat(city: "Nantes", postalCodes: ["44000", "44100", "44200", "44300"], judicialSeat: "Nantes", commercialSeat: "Nantes"),
    ]
}
