/// Chooses the court of a payment-order request (injonction de payer), a pure decision:
///
/// - **Kind** (CPC 1406, reference §5): a debt between professionals goes to the commercial
///   court; a consumer debtor, or a creditor that is not a trader, to the tribunal judiciaire.
///   Consumer credit and residential rent (juge des contentieux de la protection) are not debts
///   Relance collects.
/// - **Place** (CPC 1406, mandatory): where the debtor lives or has its registered office.
/// - **Tribunal des activités économiques**: from 1 Jan 2025 to 31 Dec 2028 the commercial
///   courts of 12 cities sit as TAE, with the same competences.
/// - A place the table of seats does not know, a debtor abroad or without an address: the
///   kind is still chosen, the court is "to confirm" with its rule and place.
public struct CourtFinder: Sendable {
    public let seats: [CourtSeat]

    /// The commercial courts sitting as tribunaux des activités économiques, and when.
    public static let economicActivityCourts: Set<String> = [
        "Avignon", "Auxerre", "Le Havre", "Le Mans", "Limoges", "Lyon", "Marseille", "Nancy", "Nanterre", "Paris",
        "Saint-Brieuc", "Versailles",
    ]
    public static let economicActivityCourtsFrom = CalendarDate(year: 2025, month: 1, day: 1)!
    public static let economicActivityCourtsUntil = CalendarDate(year: 2028, month: 12, day: 31)!

    public init(seats: [CourtSeat] = CourtSeat.known) {
        self.seats = seats
    }

    /// The court for a claim against a debtor of `debtorKind` at `address`, filed on `date`.
    public func court(
        debtorKind: DebtorKind, creditorIsTrader: Bool = true, address: PostalAddress?, filedOn date: CalendarDate
    ) -> CompetentCourt {
        let commercial = debtorKind == .business && creditorIsTrader
        let reason: String = if commercial {
            "créance commerciale entre professionnels : président du tribunal de commerce du siège du débiteur (CPC art. 1406)"
        } else if debtorKind == .consumer {
            "débiteur consommateur : tribunal judiciaire du domicile du débiteur (CPC art. 1406)"
        } else {
            "créancier non commerçant : tribunal judiciaire du siège du débiteur (CPC art. 1406)"
        }
        let genericKind: CourtKind = commercial ? .tribunalDeCommerce : .tribunalJudiciaire
        func unconfirmed(_ rule: String, place: String) -> CompetentCourt {
            CompetentCourt(
                kind: genericKind, name: "\(genericKind.title) — juridiction à confirmer", seat: nil, confirmed: false,
                rule: rule, debtorPlace: place
            )
        }

        guard let address else {
            return unconfirmed(reason + " ; adresse du débiteur inconnue", place: "")
        }
        let postalCode = String(address.postalCode.trimmedWhitespace)
        let place = [postalCode, String(address.city.trimmedWhitespace)].filter { !$0.isEmpty }.joined(separator: " ")
        guard address.countryCode.uppercased() == "FR" else {
            return unconfirmed(reason + " ; débiteur établi hors de France (\(address.countryCode.uppercased()))", place: place)
        }
        guard let seat = seats.first(where: { $0.matches(postalCode: postalCode) }) else {
            return unconfirmed(reason + " ; ressort non connu de Relance", place: place)
        }
        guard commercial else {
            return CompetentCourt(
                kind: .tribunalJudiciaire, name: "Tribunal judiciaire de \(seat.judicialSeat)", seat: seat.judicialSeat,
                confirmed: true, rule: reason, debtorPlace: place
            )
        }
        let economic = Self.economicActivityCourts.contains(seat.commercialSeat)
            && date >= Self.economicActivityCourtsFrom && date <= Self.economicActivityCourtsUntil
        guard economic else {
            return CompetentCourt(
                kind: .tribunalDeCommerce, name: "Tribunal de commerce de \(seat.commercialSeat)", seat: seat.commercialSeat,
                confirmed: true, rule: reason, debtorPlace: place
            )
        }
        return CompetentCourt(
            kind: .tribunalDesActivitesEconomiques, name: "Tribunal des activités économiques de \(seat.commercialSeat)",
            seat: seat.commercialSeat, confirmed: true,
            rule: reason + " ; le tribunal de commerce de \(seat.commercialSeat) siège en tribunal des activités économiques du 1er janvier 2025 au 31 décembre 2028",
            debtorPlace: place
        )
    }
}
