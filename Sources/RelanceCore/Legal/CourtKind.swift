/// The courts that issue a payment order (injonction de payer, CPC art. 1406).
public enum CourtKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Civil debts, a professional against a consumer included.
    case tribunalJudiciaire = "tribunal_judiciaire"
    /// Commercial debts between professionals.
    case tribunalDeCommerce = "tribunal_de_commerce"
    /// One of the 12 commercial courts that sit as a tribunal des activités économiques from
    /// 1 Jan 2025 to 31 Dec 2028, keeping the commercial court's competences.
    case tribunalDesActivitesEconomiques = "tribunal_des_activites_economiques"

    /// `Tribunal judiciaire`, as a court is named in French.
    public var title: String {
        switch self {
        case .tribunalJudiciaire: "Tribunal judiciaire"
        case .tribunalDeCommerce: "Tribunal de commerce"
        case .tribunalDesActivitesEconomiques: "Tribunal des activités économiques"
        }
    }

    /// Whether the court has the commercial court's competence (and its Cerfa form).
    public var isCommercial: Bool { self != .tribunalJudiciaire }
}
