/// What the reviewer of a payment-order dossier must see before filing it: a stable code for
/// programs and a sentence in French for the person.
public struct DossierWarning: Sendable, Hashable {
    public enum Code: String, Sendable, Hashable, Codable, CaseIterable {
        /// When the oldest claim becomes time-barred (always given).
        case prescription
        /// The oldest claim is time-barred already.
        case prescribed
        /// The order must be served within 6 months of its date (always given).
        case serviceDeadline = "service_deadline"
        case consumerDebtor = "consumer_debtor"
        case missingCreditorSiren = "missing_creditor_siren"
        case missingDebtorSiren = "missing_debtor_siren"
        /// No posted registered formal notice is on record.
        case noFormalNotice = "no_formal_notice"
        /// The table of seats could not name the court.
        case courtToConfirm = "court_to_confirm"
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The warnings of a dossier against a debtor of `debtorKind` for `claim`, filed before
    /// `court`: `formalNotice` is the posting day of the formal notice on record (nil: none),
    /// the SIRENs are those known.
    public static func assess(
        claim: LegalClaim,
        debtorKind: DebtorKind,
        court: CompetentCourt,
        formalNotice: CalendarDate?,
        creditorSiren: String?,
        debtorSiren: String?
    ) -> [DossierWarning] {
        var warnings: [DossierWarning] = []
        let format = MessageFormatter(language: .fr)
        if let oldest = claim.lines.min(by: { ($0.dueDate, $0.number) < ($1.dueDate, $1.number) }) {
            let limit = Prescription.date(dueDate: oldest.dueDate, kind: debtorKind)
            let period = "\(Prescription.years(for: debtorKind)) ans à compter de l'échéance, \(Prescription.article(for: debtorKind))"
            if limit < claim.filingDate {
                warnings.append(DossierWarning(.prescribed,
                    "Prescription : la créance de la facture \(oldest.number) (échue le \(format.date(oldest.dueDate))) est prescrite depuis le \(format.date(limit)) (\(period)) ; la retirer de la requête."))
            } else {
                warnings.append(DossierWarning(.prescription,
                    "Prescription : la créance la plus ancienne (facture \(oldest.number), échue le \(format.date(oldest.dueDate))) se prescrit le \(format.date(limit)) (\(period)). Le dépôt de la requête ne l'interrompt pas ; la signification de l'ordonnance l'interrompt."))
            }
        }
        warnings.append(DossierWarning(.serviceDeadline,
            "Une fois l'ordonnance rendue, la faire signifier par commissaire de justice dans les 6 mois de sa date, sinon elle est non avenue (CPC art. 1411) ; le débiteur a ensuite 1 mois pour former opposition (CPC art. 1416)."))
        if debtorKind == .consumer {
            warnings.append(DossierWarning(.consumerDebtor,
                "Débiteur consommateur : prescription de 2 ans, pas d'indemnité forfaitaire de 40 €, intérêts au taux légal à compter de la mise en demeure ; les frais de recouvrement engagés sans titre exécutoire restent à la charge du créancier (CPCE art. L111-8)."))
        }
        if creditorSiren == nil {
            warnings.append(DossierWarning(.missingCreditorSiren, "SIREN du créancier inconnu : le compléter avant le dépôt."))
        }
        if debtorSiren == nil, debtorKind == .business {
            warnings.append(DossierWarning(.missingDebtorSiren,
                "SIREN du débiteur inconnu : le relever (extrait Kbis, Infogreffe) avant le dépôt, il identifie la partie à la requête."))
        }
        if formalNotice == nil {
            warnings.append(DossierWarning(.noFormalNotice,
                "Aucune mise en demeure postée n'est enregistrée : recommandée avant la requête (preuve de la demande, et point de départ des intérêts au taux légal d'un consommateur)."))
        }
        if let toConfirm = court.toConfirm {
            warnings.append(DossierWarning(.courtToConfirm, "Juridiction à confirmer — \(toConfirm)."))
        }
        return warnings
    }
}
