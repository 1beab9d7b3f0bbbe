/// The court a payment-order request goes to, and the rule that chose it.
public struct CompetentCourt: Sendable, Hashable {
    public var kind: CourtKind
    /// `Tribunal des activités économiques de Paris`; when the seat is not known,
    /// `Tribunal de commerce — juridiction à confirmer`.
    public var name: String
    /// The city where the court sits, when the table of seats knows it.
    public var seat: String?
    /// False when the court could not be named from the table: the reviewer must find it.
    public var confirmed: Bool
    /// Why this kind of court, and where: `Créance commerciale entre professionnels : …`.
    public var rule: String
    /// The debtor's place the choice was made from, `75019 Paris`.
    public var debtorPlace: String

    public init(kind: CourtKind, name: String, seat: String?, confirmed: Bool, rule: String, debtorPlace: String) {
        self.kind = kind
        self.name = name
        self.seat = seat
        self.confirmed = confirmed
        self.rule = rule
        self.debtorPlace = debtorPlace
    }

    /// What the reviewer reads when the court is not confirmed: `court to confirm: <rule>, <place>`.
    public var toConfirm: String? {
        confirmed ? nil : "court to confirm: \(rule), \(debtorPlace.isEmpty ? "adresse inconnue" : debtorPlace)"
    }
}
