import Foundation
import RelanceCore

/// The PDF request of a court dossier, in French, laid out from its manifest: the court and the
/// rule that chose it, the Cerfa form whose fields it fills, the parties, the claim broken down
/// per invoice, the numbered list of supporting documents (bordereau de pièces), the contact
/// history, and the points the reviewer must check before filing.
struct DossierDocument {
    let manifest: DossierManifest
    let format = MessageFormatter(language: .fr)

    /// The footer of every page: `Injonction de payer – <creditor> c/ <debtor> – Réf. : …`.
    var footer: String {
        "Injonction de payer – \(manifest.creditor.name) c/ \(manifest.debtor.name) – Réf. : \(manifest.reference)"
    }

    var blocks: [DocumentBlock] {
        var blocks: [DocumentBlock] = [
            .title("REQUÊTE EN INJONCTION DE PAYER"),
            .note("Articles 1405 à 1425 du code de procédure civile – \(manifest.form.title), Cerfa n° \(manifest.form.cerfa) – "
                + "Réf. : \(manifest.reference) – établie le \(format.date(manifest.preparedOn))"),
        ]

        blocks.append(.heading("Juridiction"))
        let court = manifest.court
        blocks.append(.paragraph(court.confirmed
            ? "À Madame, Monsieur le Président du \(court.name)"
            : "JURIDICTION À CONFIRMER – \(court.name)"))
        blocks.append(.note("Règle : \(court.rule). Lieu du débiteur : \(court.debtorPlace.isEmpty ? "inconnu" : court.debtorPlace)."))
        if let toConfirm = court.toConfirm { blocks.append(.note(toConfirm)) }

        blocks.append(.heading("Créancier (demandeur)"))
        blocks.append(.paragraph(party(manifest.creditor)))
        if let representative = manifest.representative {
            blocks.append(.paragraph("Représenté par : " + party(representative)))
            blocks.append(.note("Un mandataire qui n'est pas avocat doit justifier d'un pouvoir spécial du créancier."))
        }
        blocks.append(.heading("Débiteur (défendeur)"))
        blocks.append(.paragraph(party(manifest.debtor)))
        blocks.append(.note(manifest.debtor.kind == DebtorKind.consumer.rawValue
            ? "Qualité : consommateur (personne physique n'agissant pas pour ses besoins professionnels)."
            : "Qualité : professionnel."))

        let claim = manifest.claim
        blocks.append(.heading("Objet et fondement de la créance"))
        blocks.append(.paragraph(
            "Paiement \(claim.lines.count > 1 ? "de \(claim.lines.count) factures restées impayées" : "d'une facture restée impayée") "
            + "à l'échéance : créance contractuelle d'un montant déterminé (CPC art. 1405)."))
        for basis in claim.legalBasis { blocks.append(.paragraph("- " + basis)) }
        if let rate = claim.rateDescription { blocks.append(.note("Taux des intérêts : \(rate).")) }

        blocks.append(.heading("Décompte de la créance au \(format.date(claim.claimDate))"))
        blocks.append(.table(LetterTable(
            columns: [
                LetterTable.Column("Facture", weight: 1.4),
                LetterTable.Column("Émise le", weight: 1),
                LetterTable.Column("Échue le", weight: 1),
                LetterTable.Column("Principal", alignment: .trailing, weight: 1.25),
                LetterTable.Column("Intérêts", alignment: .trailing, weight: 1.1),
                LetterTable.Column("Indemnité", alignment: .trailing, weight: 1),
                LetterTable.Column("Total", alignment: .trailing, weight: 1.25),
            ],
            rows: claim.lines.map { line in
                [line.invoiceNumber, short(line.issueDate), short(line.dueDate), line.principal.text,
                 line.interest.text + (line.rateNotPublished ? " *" : ""), line.fixedIndemnity.text, line.total.text]
            },
            totalRow: ["Total", "", "", claim.principal.text, claim.interest.text, claim.fixedIndemnity.text, claim.total.text]
        )))
        if claim.lines.contains(where: \.rateNotPublished) {
            blocks.append(.note("* Taux d'un semestre non encore publié : aucun intérêt n'est réclamé pour cette facture."))
        }
        blocks.append(.paragraph(
            "Somme réclamée : \(claim.total.text), soit \(claim.principal.text) en principal, \(claim.interest.text) d'intérêts "
            + "arrêtés au \(format.date(claim.claimDate)) et \(claim.fixedIndemnity.text) d'indemnité forfaitaire pour frais de "
            + "recouvrement, outre les intérêts postérieurs jusqu'au paiement et les dépens."))

        blocks.append(.heading("Bordereau des pièces communiquées"))
        for exhibit in manifest.exhibits {
            blocks.append(.paragraph("- Pièce n° \(exhibit.number) : \(exhibit.description)"))
        }
        blocks.append(.note("À joindre par le créancier s'il les détient : bon de commande ou devis signé, contrat ou conditions "
            + "générales de vente, preuve de livraison ou d'exécution, avis de réception de la mise en demeure."))

        blocks.append(.heading("Historique des contacts"))
        if manifest.contacts.isEmpty {
            blocks.append(.paragraph("Aucun contact enregistré avec le débiteur."))
        } else {
            blocks.append(.table(LetterTable(
                columns: [
                    LetterTable.Column("Date", weight: 1),
                    LetterTable.Column("Canal", weight: 2.5),
                    LetterTable.Column("Résultat", weight: 1.5),
                    LetterTable.Column("Référence", weight: 1.5),
                ],
                rows: manifest.contacts.map { contact in
                    [short(contact.day), channelName(contact.channel), Self.outcomeName(contact.outcome), contact.reference]
                }
            )))
        }

        blocks.append(.heading("Points à vérifier avant le dépôt"))
        for warning in manifest.warnings {
            blocks.append(.paragraph("- " + warning.message))
        }
        return blocks
    }

    private func party(_ party: DossierManifest.Party) -> String {
        var lines = [party.name] + party.address
        if party.kind == DebtorKind.business.rawValue {
            lines.append("SIREN : " + (party.siren ?? "non renseigné"))
        }
        if let vat = party.vatNumber { lines.append("TVA intracommunautaire : \(vat)") }
        return lines.joined(separator: "\n")
    }

    private func short(_ date: CalendarDate) -> String {
        String(format: "%02d/%02d/%04d", date.day, date.month, date.year)
    }

    /// `Courriel`, `Lettre recommandée avec accusé de réception`: the letters' wording.
    private func channelName(_ raw: String) -> String {
        guard let channel = Channel(rawValue: raw) else { return raw }
        let name = format.channel(channel)
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    static func outcomeName(_ raw: String) -> String {
        switch OutcomeKind(rawValue: raw) {
        case .sent: "envoyé"
        case .taskCreated: "appel à passer (tâche créée)"
        case .prepared: "préparé"
        case .recorded: "enregistré (sans contact)"
        case .skippedPaid: "non envoyé : payé"
        case .skippedDisputed: "non envoyé : contesté"
        case .skippedPromise: "non envoyé : promesse de paiement"
        case .skippedPlan: "non envoyé : échéancier"
        case .skippedPaused: "non envoyé : en pause"
        case .skippedWrittenOff: "non envoyé : passé en perte"
        case .failed, .failedPermanent, .deadLettered: "échec"
        case nil: raw
        }
    }
}
