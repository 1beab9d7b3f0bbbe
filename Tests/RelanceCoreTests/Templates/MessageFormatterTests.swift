import Testing
import RelanceCore

@Suite("Formatting amounts, dates and rates per language")
struct MessageFormatterTests {
    private let fr = MessageFormatter(language: .fr)
    private let en = MessageFormatter(language: .en)
    /// French output uses no-break spaces; compare with plain spaces for readability.
    private func plain(_ text: String) -> String { text.replacingOccurrences("\u{00A0}", with: " ") }
    private func money(_ text: String, _ currency: Currency = .eur) -> Money { try! Money(decimal: text, currency: currency) }

    @Test("Euros in French and English", arguments: [
        ("3000", "3 000,00 €", "€3,000.00"),
        ("56.44", "56,44 €", "€56.44"),
        ("0", "0,00 €", "€0.00"),
        ("0.05", "0,05 €", "€0.05"),
        ("999.99", "999,99 €", "€999.99"),
        ("1000", "1 000,00 €", "€1,000.00"),
        ("1234567.89", "1 234 567,89 €", "€1,234,567.89"),
        ("-12.30", "-12,30 €", "-€12.30"),
    ])
    func euros(amount: String, french: String, english: String) {
        #expect(plain(fr.money(money(amount))) == french)
        #expect(en.money(money(amount)) == english)
    }

    @Test("French amounts never break: no-break spaces group thousands and precede the sign")
    func noBreakSpaces() {
        #expect(fr.money(money("3000")) == "3\u{00A0}000,00\u{00A0}€")
        #expect(!fr.money(money("3000")).contains(" "))
    }

    @Test("Other currencies: symbol or code, and the currency's own decimals")
    func otherCurrencies() throws {
        #expect(en.money(money("1500", .gbp)) == "£1,500.00")
        #expect(plain(fr.money(money("1500", .usd))) == "1 500,00 $")
        #expect(plain(en.money(money("1500", .chf))) == "CHF 1,500.00")
        #expect(plain(fr.money(money("1500", .chf))) == "1 500,00 CHF")
        let yen = try Currency(code: "JPY")
        #expect(en.money(money("125000", yen)) == "JPY\u{00A0}125,000")
        let dinar = try Currency(code: "KWD")
        #expect(plain(fr.money(money("12.345", dinar))) == "12,345 KWD")
    }

    @Test("Dates: 1er in French, month names in each language", arguments: [
        ("2026-11-29", "29 novembre 2026", "29 November 2026"),
        ("2026-01-01", "1er janvier 2026", "1 January 2026"),
        ("2025-08-15", "15 août 2025", "15 August 2025"),
        ("2024-02-29", "29 février 2024", "29 February 2024"),
        ("2025-12-01", "1er décembre 2025", "1 December 2025"),
    ])
    func dates(iso: String, french: String, english: String) throws {
        let date = try CalendarDate(iso: iso)
        #expect(fr.date(date) == french)
        #expect(en.date(date) == english)
    }

    @Test("Rates drop trailing zero decimals")
    func rates() {
        #expect(plain(fr.rate(Rate(basisPoints: 1215))) == "12,15 %")
        #expect(en.rate(Rate(basisPoints: 1215)) == "12.15%")
        #expect(plain(fr.rate(Rate(basisPoints: 1000))) == "10 %")
        #expect(en.rate(Rate(basisPoints: 750)) == "7.5%")
        #expect(en.rate(Rate(basisPoints: 1005)) == "10.05%")
    }

    @Test("Day counts and lists read naturally")
    func wording() {
        #expect(fr.days(1) == "1 jour")
        #expect(fr.days(0) == "0 jour")
        #expect(fr.days(20) == "20 jours")
        #expect(en.days(1) == "1 day")
        #expect(en.days(0) == "0 days")
        #expect(fr.list(["A"]) == "A")
        #expect(fr.list(["A", "B", "C"]) == "A, B et C")
        #expect(en.list(["A", "B"]) == "A and B")
        #expect(plain(fr.integer(12345)) == "12 345")
        #expect(fr.channel(.registeredLetter) == "lettre recommandée avec accusé de réception")
        #expect(en.nextStepAction(.legal) == "court proceedings to recover the debt")
    }
}
