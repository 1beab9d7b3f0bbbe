/// Formats amounts, dates, rates and labels the way a reader of `language` expects, with
/// integer arithmetic only.
///
/// French uses a no-break space (U+00A0) to group thousands and before the currency sign or
/// `%`, so `3 000,00 €` never breaks across lines; English writes `€3,000.00`.
public struct MessageFormatter: Sendable, Hashable {
    public let language: Language

    /// U+00A0, the no-break space French typography puts in numbers and before units.
    public static let noBreakSpace = "\u{00A0}"

    public init(language: Language) {
        self.language = language
    }

    /// `3 000,00 €` (fr) or `€3,000.00` (en); currencies without a symbol use their code
    /// (`3 000,00 CHF`, `CHF 3,000.00`); zero-decimal currencies show no decimals.
    public func money(_ amount: Money) -> String {
        let currency = amount.currency
        let perMajor = UInt64(currency.minorUnitsPerMajor)
        let magnitude = amount.minorUnits.magnitude
        let symbol = Self.symbol(currency.code)
        // Built as UTF-8 in one buffer: every message formats a dozen amounts.
        var text: [UInt8] = []
        text.reserveCapacity(24)
        if amount.minorUnits < 0 { text.append(UInt8(ascii: "-")) }
        if language == .en {
            if let symbol {
                text.append(contentsOf: symbol.utf8)
            } else {
                text.append(contentsOf: currency.code.utf8)
                text.append(contentsOf: Self.noBreakSpace.utf8)
            }
        }
        appendGrouped(magnitude / perMajor, to: &text)
        if currency.minorUnitDigits > 0 {
            text.append(contentsOf: decimalSeparator.utf8)
            Self.appendDigits(magnitude % perMajor, count: currency.minorUnitDigits, to: &text)
        }
        if language == .fr {
            text.append(contentsOf: Self.noBreakSpace.utf8)
            text.append(contentsOf: (symbol ?? currency.code).utf8)
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// `29 novembre 2026`, `1er janvier 2026` (fr) or `29 November 2026` (en).
    public func date(_ date: CalendarDate) -> String {
        switch language {
        case .fr:
            let day = date.day == 1 ? "1er" : String(date.day)
            return "\(day) \(Self.frenchMonths[date.month - 1]) \(date.year)"
        case .en:
            return "\(date.day) \(Self.englishMonths[date.month - 1]) \(date.year)"
        }
    }

    /// `12,15 %`, `10 %` (fr) or `12.15%`, `10%` (en): trailing zero decimals are dropped.
    public func rate(_ rate: Rate) -> String {
        let magnitude = abs(rate.basisPoints)
        var text = grouped(UInt64(magnitude / 100))
        var hundredths = magnitude % 100
        if hundredths != 0 {
            var digits = hundredths < 10 ? "0\(hundredths)" : "\(hundredths)"
            if hundredths % 10 == 0 {
                hundredths /= 10
                digits = "\(hundredths)"
            }
            text += decimalSeparator + digits
        }
        let sign = rate.basisPoints < 0 ? "-" : ""
        return sign + text + (language == .fr ? Self.noBreakSpace + "%" : "%")
    }

    /// `20 jours`, `1 jour` (fr; French keeps 0 and 1 singular) or `20 days`, `1 day` (en).
    public func days(_ count: Int) -> String {
        switch language {
        case .fr: return "\(count) jour\(abs(count) >= 2 ? "s" : "")"
        case .en: return "\(count) day\(abs(count) == 1 ? "" : "s")"
        }
    }

    /// A whole number with grouped thousands: `12 345` (fr), `12,345` (en).
    public func integer(_ value: Int) -> String {
        (value < 0 ? "-" : "") + grouped(UInt64(value.magnitude))
    }

    /// How a channel is named in a letter's history of actions.
    public func channel(_ channel: Channel) -> String {
        switch (channel, language) {
        case (.email, .fr): "courriel"
        case (.email, .en): "email"
        case (.call, .fr): "appel téléphonique"
        case (.call, .en): "phone call"
        case (.letter, .fr): "courrier"
        case (.letter, .en): "letter"
        case (.registeredLetter, .fr): "lettre recommandée avec accusé de réception"
        case (.registeredLetter, .en): "registered letter with acknowledgement of receipt"
        case (.legal, .fr): "procédure judiciaire"
        case (.legal, .en): "court proceedings"
        }
    }

    /// What the next step will be, as a noun phrase: `une lettre recommandée avec accusé de
    /// réception` / `a registered letter with acknowledgement of receipt`.
    public func nextStepAction(_ channel: Channel) -> String {
        switch (channel, language) {
        case (.email, .fr): "une nouvelle relance par courriel"
        case (.email, .en): "a further reminder by email"
        case (.call, .fr): "un appel de notre service"
        case (.call, .en): "a call from our team"
        case (.letter, .fr): "un courrier de relance"
        case (.letter, .en): "a reminder letter"
        case (.registeredLetter, .fr): "une lettre recommandée avec accusé de réception"
        case (.registeredLetter, .en): "a registered letter with acknowledgement of receipt"
        case (.legal, .fr): "une procédure judiciaire de recouvrement"
        case (.legal, .en): "court proceedings to recover the debt"
        }
    }

    /// `A, B et C` (fr) or `A, B and C` (en).
    public func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        let conjunction = language == .fr ? " et " : " and "
        return items.dropLast().joined(separator: ", ") + conjunction + items.last!
    }

    private var decimalSeparator: String { language == .fr ? "," : "." }
    private var groupSeparator: String { language == .fr ? Self.noBreakSpace : "," }

    private func grouped(_ value: UInt64) -> String {
        var text: [UInt8] = []
        appendGrouped(value, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends `value` with grouped thousands, writing digits straight into `text` (no
    /// intermediate strings: amounts are formatted a dozen times per message).
    private func appendGrouped(_ value: UInt64, to text: inout [UInt8]) {
        var digits = 1
        var rest = value / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        var remaining = digits
        while remaining > 0 {
            // The first group takes the digits left over by the groups of three after it.
            let group = remaining % 3 == 0 ? 3 : remaining % 3
            if remaining < digits { text.append(contentsOf: groupSeparator.utf8) }
            remaining -= group
            Self.appendDigits(value / Self.powerOfTen(remaining), count: group, to: &text)
        }
    }

    /// Appends the last `count` decimal digits of `value`, zero-padded.
    private static func appendDigits(_ value: UInt64, count: Int, to text: inout [UInt8]) {
        let end = text.count + count
        text.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: count))
        var rest = value
        var index = end
        while rest > 0, index > end - count {
            index -= 1
            text[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
    }

    private static func powerOfTen(_ exponent: Int) -> UInt64 {
        var power: UInt64 = 1
        for _ in 0..<exponent { power *= 10 }
        return power
    }

    private static func symbol(_ code: String) -> String? {
        switch code {
        case "EUR": "€"
        case "GBP": "£"
        case "USD": "$"
        default: nil
        }
    }

    private static let frenchMonths = [
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ]

    private static let englishMonths = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]
}
