/// The Cerfa form of a payment-order request (reference §5): 12948*06 before the tribunal
/// judiciaire, 12946*02 before the tribunal de commerce. A tribunal des activités économiques
/// keeps the commercial court's competences, so it takes the commercial form. (16040*01, the
/// juge des contentieux de la protection's, is for consumer credit and rent, which Relance does
/// not collect.) The form is optional: the request may be written on plain paper, and the
/// dossier's PDF carries every field the form asks for.
public struct PaymentOrderForm: Sendable, Hashable {
    /// `12948*06`.
    public let number: String
    public let title: String

    public static let tribunalJudiciaire = PaymentOrderForm(
        number: "12948*06", title: "Requête en injonction de payer (tribunal judiciaire)"
    )
    public static let tribunalDeCommerce = PaymentOrderForm(
        number: "12946*02", title: "Requête en injonction de payer (tribunal de commerce)"
    )

    /// The form the court of `kind` takes.
    public init(for kind: CourtKind) {
        self = kind.isCommercial ? .tribunalDeCommerce : .tribunalJudiciaire
    }

    private init(number: String, title: String) {
        self.number = number
        self.title = title
    }

    /// `Cerfa n° 12948*06`.
    public var reference: String { "Cerfa n° \(number)" }
}
