import Foundation

extension MessageComposer {
    /// The fixed phrases a composed message carries, in its language.
    struct Wording {
        let language: Language

        var rateNotPublished: String {
            switch language {
            case .fr: "taux applicable pas encore publié : aucun intérêt n'est réclamé à ce jour"
            case .en: "the applicable rate is not yet published: no interest is claimed to date"
            }
        }

        func rateDescription(_ jurisdiction: Jurisdiction, contractRate: Bool) -> String {
            switch (jurisdiction, language) {
            case (.frB2B, .fr):
                contractRate
                    ? "taux contractuel, au moins égal à trois fois le taux de l'intérêt légal"
                    : "taux de refinancement de la BCE majoré de 10 points"
            case (.frB2B, .en):
                contractRate
                    ? "the contract rate, no less than three times the French legal interest rate"
                    : "the ECB main refinancing rate plus 10 percentage points"
            case (.frB2C, .fr): "taux de l'intérêt légal, à compter de la mise en demeure"
            case (.frB2C, .en): "the French legal interest rate, from the formal notice"
            case (.eu, .fr): "taux de refinancement de la BCE majoré de 8 points"
            case (.eu, .en): "the ECB main refinancing rate plus 8 percentage points"
            case (.deB2B, .fr): "taux de base allemand (Basiszinssatz) majoré de 9 points"
            case (.deB2B, .en): "the German base rate (Basiszinssatz) plus 9 percentage points"
            case (.deB2C, .fr): "taux de base allemand (Basiszinssatz) majoré de 5 points"
            case (.deB2C, .en): "the German base rate (Basiszinssatz) plus 5 percentage points"
            case (.uk, .fr): "taux de base de la Banque d'Angleterre majoré de 8 points"
            case (.uk, .en): "the Bank of England base rate plus 8 percentage points"
            }
        }

        /// What an earlier step did, for the history; names the invoices when `invoices` is not empty.
        func actionSummary(templateKey: String, channel: Channel, invoices: [String]) -> String {
            let french = language == .fr
            let base: String = switch templateKey {
            case StandardStepKey.courteousReminder: french ? "Rappel amical" : "Friendly reminder"
            case "reminder.neutral": french ? "Relance" : "Reminder"
            case StandardStepKey.firmReminder: french ? "Relance ferme" : "Firm reminder"
            case StandardStepKey.firstCall: french ? "Prise de contact téléphonique" : "Call about the amount due"
            case StandardStepKey.recapLetter: french ? "Courrier récapitulatif" : "Letter recalling the amounts due"
            case StandardStepKey.formalNotice: french ? "Mise en demeure de payer" : "Formal notice to pay"
            case StandardStepKey.paymentOrder: french ? "Dossier d'injonction de payer préparé" : "Payment order dossier prepared"
            default:
                switch channel {
                case .email: french ? "Relance" : "Reminder"
                case .call: french ? "Prise de contact téléphonique" : "Call about the amount due"
                case .letter: french ? "Courrier de relance" : "Reminder letter"
                case .registeredLetter: french ? "Mise en demeure de payer" : "Formal notice to pay"
                case .legal: french ? "Dossier d'injonction de payer préparé" : "Payment order dossier prepared"
                }
            }
            guard !invoices.isEmpty else { return base }
            let list = MessageFormatter(language: language).list(invoices)
            return switch language {
            case .fr: base + (invoices.count > 1 ? " (factures n° \(list))" : " (facture n° \(list))")
            case .en: base + (invoices.count > 1 ? " (invoices \(list))" : " (invoice \(list))")
            }
        }

        /// A transfer line and a cheque line to `payee`, quoting `reference`.
        func paymentMethods(payee: LetterParty, reference: String, viaAgency: Bool, account: BankAccount? = nil) -> [MessagePaymentMethod] {
            let address = payee.addressLines.joined(separator: ", ")
            switch language {
            case .fr:
                let where_ = viaAgency ? "coordonnées bancaires communiquées sur simple demande" : "coordonnées bancaires figurant sur la facture"
                let transfer = account.map { account in
                    "au bénéfice de \(account.holder), IBAN \(account.formattedIBAN)" + (account.bic.map { ", BIC \($0)" } ?? "")
                        + ", en indiquant la référence \(reference)"
                } ?? "au bénéfice de \(payee.name) (\(where_)), en indiquant la référence \(reference)"
                var methods = [MessagePaymentMethod(label: "Virement bancaire", details: transfer)]
                if !address.isEmpty {
                    methods.append(MessagePaymentMethod(label: "Chèque", details: "à l'ordre de \(payee.name), à envoyer à l'adresse : \(address)"))
                }
                return methods
            case .en:
                let where_ = viaAgency ? "bank details given on request" : "bank details as shown on the invoice"
                let transfer = account.map { account in
                    "to \(account.holder), IBAN \(account.formattedIBAN)" + (account.bic.map { ", BIC \($0)" } ?? "")
                        + ", quoting reference \(reference)"
                } ?? "to \(payee.name) (\(where_)), quoting reference \(reference)"
                var methods = [MessagePaymentMethod(label: "Bank transfer", details: transfer)]
                if !address.isEmpty {
                    methods.append(MessagePaymentMethod(label: "Cheque", details: "payable to \(payee.name), to be sent to: \(address)"))
                }
                return methods
            }
        }
    }
}
