import RelanceCore

/// The few words the PDF layout adds to what the templates rendered: the invoice table's
/// column heads, its total row, the fallback summary's labels and the short dates of the
/// table, in the letter's language.
struct LetterWording: Sendable {
    let language: Language

    var invoiceColumns: [String] {
        switch language {
        case .fr: ["Facture", "Émise le", "Échéance", "Montant", "Payé", "Reste dû", "Retard"]
        case .en: ["Invoice", "Issued", "Due", "Amount", "Paid", "Outstanding", "Late"]
        }
    }

    var total: String { "Total" }

    var summaryHeader: [String] {
        switch language {
        case .fr: ["Décompte", "Montant"]
        case .en: ["Statement", "Amount"]
        }
    }

    var principal: String {
        switch language {
        case .fr: "Principal restant dû"
        case .en: "Principal outstanding"
        }
    }

    func interest(_ debtorKind: DebtorKind) -> String {
        switch (language, debtorKind) {
        case (.fr, .business): "Pénalités de retard"
        case (.fr, .consumer): "Intérêts de retard"
        case (.en, .business): "Late-payment penalties"
        case (.en, .consumer): "Late-payment interest"
        }
    }

    var fixedIndemnity: String {
        switch language {
        case .fr: "Indemnité forfaitaire pour frais de recouvrement"
        case .en: "Fixed recovery indemnity"
        }
    }

    var totalDue: String {
        switch language {
        case .fr: "Total dû"
        case .en: "Total due"
        }
    }

    /// `Montant à régler au plus tard le 27 février 2026 : 3 074,95 €` (fr) or `Amount to pay by
    /// 27 February 2026: €3,074.95` (en).
    func payBy(_ date: String, amount: String) -> String {
        switch language {
        case .fr: "Montant à régler au plus tard le \(date) : \(amount)"
        case .en: "Amount to pay by \(date): \(amount)"
        }
    }

    /// `29/11/2026` in both languages: day first, as French and British readers write it.
    func shortDate(_ date: CalendarDate) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(date.day))/\(two(date.month))/\(date.year)"
    }

    /// The days-late cell: `25 j` (fr) or `25 d` (en), empty when not late.
    func daysLate(_ days: Int) -> String {
        guard days > 0 else { return "" }
        return language == .fr ? "\(days)\(MessageFormatter.noBreakSpace)j" : "\(days)\(MessageFormatter.noBreakSpace)d"
    }

    /// `Lyon, le 29 novembre 2026` from the template's `Le 29 novembre 2026` (fr), or
    /// `Lyon, 29 November 2026` (en).
    func placeAndDate(place: String?, date: String) -> String {
        guard let place, !place.isEmpty else { return date }
        var date = date
        if language == .fr, date.hasPrefix("Le ") {
            date = "le " + date.dropFirst(3)
        }
        return "\(place), \(date)"
    }
}
